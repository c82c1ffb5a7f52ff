import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { useApiClient } from '../api/api-client.context';
import { useMessages } from '../i18n/i18n.context';
import { uiMessages } from '../i18n/ui.messages';

export interface SignInCredentials {
  username: string;
  password: string;
}

/** The user as the login route answers it; only what the shells show is relied upon. */
export interface SignedInUser {
  username: string;
  displayName?: string;
  agencyName?: string;
  roles?: string[];
}

export interface SignInFormProps {
  onSignedIn: (user: SignedInUser) => void;
  /** The login route, relative to the API base. */
  path?: string;
}

function toSignedInUser(body: unknown, username: string): SignedInUser {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const user = (
    typeof record['user'] === 'object' && record['user'] !== null ? record['user'] : record
  ) as Partial<SignedInUser>;
  return {
    username: typeof user.username === 'string' ? user.username : username,
    displayName: typeof user.displayName === 'string' ? user.displayName : undefined,
    agencyName: typeof user.agencyName === 'string' ? user.agencyName : undefined,
    roles: Array.isArray(user.roles)
      ? user.roles.filter((r): r is string => typeof r === 'string')
      : undefined,
  };
}

/**
 * POSTs {username, password} to /api/auth/login. A refusal shows the API's own message, and
 * field errors land under their fields.
 */
export function SignInForm({ onSignedIn, path = '/auth/login' }: SignInFormProps) {
  const client = useApiClient();
  const t = useMessages(uiMessages);
  const [form] = Form.useForm<SignInCredentials>();
  const [error, setError] = useState<string | undefined>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: SignInCredentials) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const body = await client.post<unknown>(path, {
        username: values.username,
        password: values.password,
      });
      onSignedIn(toSignedInUser(body, values.username));
    } catch (caught) {
      if (caught instanceof ApiError) {
        setError(caught.message);
        const known = caught.fieldErrors.filter(
          (f) => f.field === 'username' || f.field === 'password',
        );
        if (known.length) {
          form.setFields(
            known.map((f) => ({ name: f.field as keyof SignInCredentials, errors: [f.message] })),
          );
        }
      } else {
        setError(t.signInFailed);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<SignInCredentials>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => void submit(values)}
      aria-label={t.signInTitle}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        label={t.signInUsername}
        name="username"
        rules={[{ required: true, whitespace: true, message: t.signInUsernameRequired }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
      </Form.Item>
      <Form.Item
        label={t.signInPassword}
        name="password"
        rules={[{ required: true, message: t.signInPasswordRequired }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
        {t.signInSubmit}
      </Button>
    </Form>
  );
}
