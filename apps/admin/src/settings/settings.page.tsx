import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import {
  createUserSchema,
  USER_ROLES,
  type AgencyView,
  type ApprovalPolicyView,
  type LetterTemplatesResponse,
  type UserView,
} from '@gongkai/contracts';
import { useApiClient, useLocale, useMessages } from '@gongkai/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { adminMessages } from '../admin.messages';
import { useDeskUser } from '../auth/session.context';
import { applyApiError } from '../common/api-form-errors';
import { roleLabel } from '../shell/role-labels';
import { CalendarTab } from './calendar-years';
import { ImportLedgerTab } from './import-ledger';
import { RunAlertsButton } from './run-alerts-button';
import { settingsMessages } from './settings.messages';

function UsersTab() {
  const t = useMessages(settingsMessages);
  const { locale } = useLocale();
  const shell = useMessages(adminMessages);
  const client = useApiClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const users = useQuery({ queryKey: ['users'], queryFn: () => client.get<UserView[]>('/users') });
  const roleOptions = USER_ROLES.map((r) => ({ value: r, label: roleLabel(shell, r) }));

  const patch = async (id: string, body: Record<string, unknown>) => {
    try {
      await client.patch(`/users/${id}`, body);
      void message.success(t.saved);
      void users.refetch();
    } catch (e) {
      void message.error(applyApiError(undefined, e, '', locale));
    }
  };

  const columns: ProColumns<UserView>[] = [
    { title: t.username, dataIndex: 'username' },
    { title: t.displayName, dataIndex: 'displayName' },
    {
      title: t.roles,
      dataIndex: 'roles',
      render: (_, u) => (
        <Select
          mode="multiple"
          size="small"
          style={{ minWidth: 220 }}
          aria-label={`${t.roles} ${u.username}`}
          value={u.roles}
          options={roleOptions}
          onChange={(roles: string[]) => roles.length && void patch(u.id, { roles })}
        />
      ),
    },
    {
      title: t.subtreeScope,
      dataIndex: 'subtreeScope',
      render: (_, u) => (
        <Switch
          size="small"
          checked={u.subtreeScope}
          onChange={(v) => void patch(u.id, { subtreeScope: v })}
        />
      ),
    },
    {
      title: t.active,
      dataIndex: 'active',
      render: (_, u) => (
        <Space>
          <Switch
            size="small"
            checked={u.active}
            onChange={(v) => void patch(u.id, { active: v })}
          />
          {u.locked ? (
            <>
              <Tag color="error">{t.locked}</Tag>
              <Button size="small" onClick={() => void patch(u.id, { unlock: true })}>
                {t.unlock}
              </Button>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  const create = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const parsed = createUserSchema.safeParse(values);
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((i) => ({ name: i.path.map(String), errors: [i.message] })),
      );
      return;
    }
    try {
      await client.post('/users', parsed.data);
      setCreating(false);
      form.resetFields();
      void users.refetch();
    } catch (e) {
      setError(applyApiError(form, e, '', locale));
    }
  };

  return (
    <>
      <ProTable<UserView>
        rowKey="id"
        search={false}
        columns={columns}
        dataSource={users.data ?? []}
        loading={users.isPending}
        pagination={false}
        options={{ reload: () => void users.refetch(), density: false, setting: false }}
        toolBarRender={() => [
          <Button key="new" type="primary" onClick={() => setCreating(true)}>
            {t.newUser}
          </Button>,
        ]}
      />
      <Modal
        open={creating}
        title={t.newUser}
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" initialValues={{ roles: ['clerk'] }}>
          <Form.Item name="username" label={t.username} rules={[{ required: true }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t.displayName} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t.password} rules={[{ required: true }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="roles" label={t.roles} rules={[{ required: true }]}>
            <Checkbox.Group options={roleOptions} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function AgencyTab() {
  const t = useMessages(settingsMessages);
  const { locale } = useLocale();
  const client = useApiClient();
  const user = useDeskUser();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const agencies = useQuery({
    queryKey: ['agencies'],
    queryFn: () => client.get<AgencyView[]>('/agencies'),
  });
  const own = agencies.data?.find((a) => a.id === user.agencyId);
  useEffect(() => {
    if (own)
      form.setFieldsValue({ name: own.name, address: own.address ?? '', phone: own.phone ?? '' });
  }, [own, form]);
  const save = async (values: { name: string; address: string; phone: string }) => {
    try {
      await client.patch(`/agencies/${user.agencyId}`, {
        name: values.name,
        address: values.address || null,
        phone: values.phone || null,
      });
      void message.success(t.saved);
      void agencies.refetch();
    } catch (e) {
      void message.error(applyApiError(form, e, '', locale));
    }
  };
  return (
    <Card style={{ maxWidth: 640 }}>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="name" label={t.agencyName} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t.address}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={t.phone}>
          <Input maxLength={40} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t.save}
        </Button>
      </Form>
    </Card>
  );
}

function PolicyTab() {
  const t = useMessages(settingsMessages);
  const { locale } = useLocale();
  const client = useApiClient();
  const { message } = App.useApp();
  const policy = useQuery({
    queryKey: ['approval-policy'],
    queryFn: () => client.get<ApprovalPolicyView>('/approval-policy'),
  });
  const [steps, setSteps] = useState<number | null>(null);
  const save = async () => {
    try {
      await client.put('/approval-policy', { decisionSteps: steps ?? policy.data?.decisionSteps });
      void message.success(t.saved);
      void policy.refetch();
    } catch (e) {
      void message.error(applyApiError(undefined, e, '', locale));
    }
  };
  return (
    <Card style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">{t.policyIntro}</Typography.Paragraph>
      <Space>
        {t.steps}
        <InputNumber
          min={1}
          max={5}
          precision={0}
          aria-label={t.steps}
          value={steps ?? policy.data?.decisionSteps}
          onChange={setSteps}
        />
        <Button type="primary" onClick={() => void save()}>
          {t.save}
        </Button>
      </Space>
    </Card>
  );
}

function LettersTab() {
  const t = useMessages(settingsMessages);
  const { locale } = useLocale();
  const client = useApiClient();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [kind, setKind] = useState('decision');
  const [form] = Form.useForm();
  const templates = useQuery({
    queryKey: ['letter-templates'],
    queryFn: () => client.get<LetterTemplatesResponse>('/letter-templates'),
  });
  const current = templates.data?.templates.find((x) => x.kind === kind);
  useEffect(() => {
    if (current)
      form.setFieldsValue({ title: current.title, body: current.paragraphs.join('\n\n') });
  }, [current, form]);
  const refresh = () => queries.invalidateQueries({ queryKey: ['letter-templates'] });
  const save = async (values: { title: string; body: string }) => {
    try {
      await client.put(`/letter-templates/${kind}`, {
        title: values.title,
        paragraphs: values.body
          .split(/\n\s*\n/)
          .map((p) => p.replace(/\n/g, '').trim())
          .filter(Boolean),
      });
      void message.success(t.saved);
      void refresh();
    } catch (e) {
      void message.error(applyApiError(form, e, '', locale));
    }
  };
  const reset = async () => {
    await client.delete(`/letter-templates/${kind}`);
    void refresh();
  };
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t.lettersIntro}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          style={{ minWidth: 280 }}
          value={kind}
          onChange={setKind}
          options={(templates.data?.templates ?? []).map((x) => ({
            value: x.kind,
            label: (
              <Space>
                {x.title}
                <Tag>{x.customised ? t.customised : t.builtin}</Tag>
              </Space>
            ),
          }))}
        />
        <Button onClick={() => void reset()} disabled={!current?.customised}>
          {t.reset}
        </Button>
      </Space>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item
          name="title"
          label={t.letterTitle}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="body" label={t.paragraphs} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={16} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t.save}
        </Button>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t.placeholders}
      </Typography.Title>
      <Space wrap>
        {Object.entries(templates.data?.placeholders ?? {}).map(([k, label]) => (
          <Tag key={k}>
            {`{{${k}}}`} {label}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}

/** 设置 (administrators): users, agency profile, calendar, approvals, letters, ledger import. */
export function SettingsPage() {
  const t = useMessages(settingsMessages);
  return (
    <PageContainer title={t.title} extra={<RunAlertsButton />}>
      <Tabs
        items={[
          { key: 'users', label: t.users, children: <UsersTab /> },
          { key: 'agency', label: t.agency, children: <AgencyTab /> },
          { key: 'calendar', label: t.calendar, children: <CalendarTab /> },
          { key: 'policy', label: t.policy, children: <PolicyTab /> },
          { key: 'letters', label: t.letters, children: <LettersTab /> },
          { key: 'import', label: t.importLedger, children: <ImportLedgerTab /> },
        ]}
      />
    </PageContainer>
  );
}
