import { PageContainer } from '@ant-design/pro-components';
import type {
  CaseDetailResponse,
  RegisterApplicationRequest,
  SimilarCase,
} from '@gongkai/contracts';
import {
  APPLICANT_CATEGORIES,
  CHANNELS,
  futureReceiptRefusal,
  validateCreditCode,
  validateResidentId,
} from '@gongkai/domain';
import { formatMessage, useApiClient, useLocale, useMessages } from '@gongkai/ui';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Space,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { hasRole } from '../auth/desk-user';
import { useDeskUser } from '../auth/session.context';
import { applyApiError } from '../common/api-form-errors';
import { categoryLabel, stateLabel } from '../common/catalogue-labels';
import { todayInShanghai } from '../common/today';
import { attachmentsMessages } from './attachments.messages';
import { useClerks } from './case-assignee';
import { PendingAttachments, uploadPending, type PendingAttachment } from './case-attachments';
import { registerMessages } from './register.messages';

interface RegisterForm {
  ref?: string;
  receivedOn: Dayjs;
  channel: string;
  applicant: {
    category: string;
    name: string;
    identityNumber?: string;
    creditCode?: string;
    contactPerson?: string;
    phone?: string;
    email?: string;
    address?: string;
  };
  request: string;
  requestedForm?: string;
  assigneeId?: string;
}

const CATEGORY_HELP: Record<string, keyof (typeof registerMessages)['zh-CN']> = {
  natural_person: 'catNatural',
  commercial_enterprise: 'catCommercial',
  research_institution: 'catResearch',
  social_welfare_org: 'catWelfare',
  legal_service_agency: 'catLegal',
  other_org: 'catOther',
};

/**
 * The 统一社会信用代码 as the clerk types it: a character that can never be right, or a wrong check
 * character once all 18 are there, is shown at once; a code still too short only when the clerk
 * leaves the field (or registers).
 */
const creditCodeRules = [
  {
    validateTrigger: 'onChange',
    validator: (_: unknown, v: string | undefined) => {
      if (!v || !v.trim()) return Promise.resolve();
      const checked = validateCreditCode(v);
      return checked.valid || (checked.problem === 'length' && v.trim().length < 18)
        ? Promise.resolve()
        : Promise.reject(new Error(checked.message));
    },
  },
  {
    validateTrigger: 'onBlur',
    validator: (_: unknown, v: string | undefined) => {
      if (!v || !v.trim()) return Promise.resolve();
      const checked = validateCreditCode(v);
      return checked.valid ? Promise.resolve() : Promise.reject(new Error(checked.message));
    },
  },
];

/**
 * 登记: Art. 29 contents, the Art. 31 receipt rule of the chosen channel, the identity proof of
 * Art. 29 (一) checked as typed (GB 11643 for a citizen, GB 32100 for an organisation).
 */
export function RegisterCasePage() {
  const t = useMessages(registerMessages);
  const a = useMessages(attachmentsMessages);
  const { locale } = useLocale();
  const client = useApiClient();
  const user = useDeskUser();
  const clerks = useClerks();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterForm>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [pending, setPending] = useState<PendingAttachment[]>([]);
  const [similar, setSimilar] = useState<{
    items: SimilarCase[];
    body: RegisterApplicationRequest;
  }>();
  const channel = Form.useWatch('channel', form) ?? 'in_person';
  const category = Form.useWatch(['applicant', 'category'], form) ?? 'natural_person';
  const today = todayInShanghai();
  const rule = CHANNELS.find((c) => c.code === channel)?.receiptRule;
  // Until the list arrives the default still shows a name rather than the bare id.
  const clerkOptions = (
    clerks.data ?? (hasRole(user, 'clerk') ? [{ id: user.id, displayName: user.displayName }] : [])
  ).map((c) => ({ value: c.id, label: c.displayName }));

  const toBody = (v: RegisterForm): RegisterApplicationRequest => ({
    ref: v.ref?.trim() || undefined,
    receivedOn: v.receivedOn.format('YYYY-MM-DD'),
    channel: v.channel,
    applicant: {
      category: v.applicant.category,
      name: v.applicant.name.trim(),
      // Art. 29 (一): a citizen's identity is the 公民身份号码, an organisation's the credit code.
      identityNumber:
        v.applicant.category === 'natural_person'
          ? v.applicant.identityNumber?.trim().toUpperCase() || undefined
          : undefined,
      contactPerson:
        v.applicant.category === 'natural_person'
          ? undefined
          : v.applicant.contactPerson?.trim() || undefined,
      // Hidden for a citizen, so a code typed before switching to 自然人 is not sent.
      creditCode:
        v.applicant.category === 'natural_person'
          ? undefined
          : v.applicant.creditCode?.trim().toUpperCase() || undefined,
      phone: v.applicant.phone?.trim() || undefined,
      email: v.applicant.email?.trim() || undefined,
      address: v.applicant.address?.trim() || undefined,
    },
    request: v.request.trim(),
    requestedForm: v.requestedForm?.trim() || undefined,
    assigneeId: v.assigneeId || undefined,
  });

  const register = async (body: RegisterApplicationRequest) => {
    setSaving(true);
    setError(undefined);
    try {
      const answer = await client.post<CaseDetailResponse>('/cases', body);
      const failed = await uploadPending(client, answer.case.id, pending);
      if (failed.length)
        void message.warning(formatMessage(a.pendingFailed, { names: failed.join('、') }));
      void message.success(formatMessage(t.registered, { ref: answer.case.ref }));
      void navigate(`/cases/${answer.case.id}`);
    } catch (caught) {
      setError(applyApiError(form, caught, '', locale));
    } finally {
      setSaving(false);
    }
  };

  const submit = async (values: RegisterForm) => {
    const body = toBody(values);
    setSaving(true);
    setError(undefined);
    let items: SimilarCase[] = [];
    try {
      items = await client.get<SimilarCase[]>('/cases/similar', {
        query: { name: body.applicant.name, request: body.request },
      });
    } catch {
      // The look-up is advice: if it fails, registering must still be possible.
    }
    setSaving(false);
    if (items.length) setSimilar({ items, body });
    else await register(body);
  };

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: formatMessage(t.required, { field }),
  });

  return (
    <PageContainer title={t.title} content={t.intro}>
      <Form<RegisterForm>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          receivedOn: dayjs(today),
          channel: 'in_person',
          applicant: { category: 'natural_person' },
          // As before the select existed: the registering clerk keeps the case.
          assigneeId: hasRole(user, 'clerk') ? user.id : undefined,
        }}
        scrollToFirstError
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Card title={t.receipt} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                label={t.channel}
                name="channel"
                rules={[
                  { required: true, message: formatMessage(t.required, { field: t.channel }) },
                ]}
              >
                <Select
                  options={CHANNELS.map((c) => ({
                    value: c.code,
                    label: locale === 'en' ? c.labelEn : c.label,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label={t.receivedOn}
                name="receivedOn"
                rules={[
                  { required: true, message: formatMessage(t.required, { field: t.receivedOn }) },
                  {
                    validator: (_, v: Dayjs | undefined) =>
                      v && futureReceiptRefusal(v.format('YYYY-MM-DD'), today)
                        ? Promise.reject(new Error(t.futureDate))
                        : Promise.resolve(),
                  },
                ]}
              >
                <DatePicker
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.format('YYYY-MM-DD') > today}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t.ref} name="ref" extra={t.refHint}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t.assignee} name="assigneeId" extra={t.assigneeHint}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={clerks.isPending}
                  options={clerkOptions}
                />
              </Form.Item>
            </Col>
          </Row>
          {rule ? (
            <Alert
              type="info"
              showIcon
              title={t.receiptRule}
              description={rule}
              data-testid="receipt-rule"
            />
          ) : null}
        </Card>

        <Card title={t.applicant} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                label={t.category}
                name={['applicant', 'category']}
                extra={t.categoryHelp}
                rules={[{ required: true }]}
              >
                <Radio.Group>
                  <Space orientation="vertical" size={4}>
                    {APPLICANT_CATEGORIES.map((c) => (
                      <Radio key={c.code} value={c.code}>
                        {categoryLabel(c.code, locale)}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
              <Typography.Paragraph type="secondary" data-testid="category-explanation">
                {t[CATEGORY_HELP[category] ?? 'catOther']}
              </Typography.Paragraph>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item label={t.name} name={['applicant', 'name']} rules={[required(t.name)]}>
                <Input maxLength={100} autoFocus />
              </Form.Item>
              {category === 'natural_person' ? null : (
                <Form.Item
                  label={t.creditCode}
                  name={['applicant', 'creditCode']}
                  extra={t.creditCodeHint}
                  normalize={(v: string | undefined) => v?.toUpperCase()}
                  validateTrigger={['onChange', 'onBlur']}
                  validateFirst
                  rules={creditCodeRules}
                >
                  <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
                </Form.Item>
              )}
              {category === 'natural_person' ? (
                <Form.Item
                  label={t.identityNumber}
                  name={['applicant', 'identityNumber']}
                  extra={t.identityHint}
                  validateTrigger="onBlur"
                  rules={[
                    {
                      validator: (_, v: string | undefined) => {
                        if (!v || !v.trim()) return Promise.resolve();
                        const checked = validateResidentId(v.trim().toUpperCase());
                        return checked.valid
                          ? Promise.resolve()
                          : Promise.reject(new Error(checked.message));
                      },
                    },
                  ]}
                >
                  <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
                </Form.Item>
              ) : (
                <Form.Item
                  label={t.contactPerson}
                  name={['applicant', 'contactPerson']}
                  rules={[required(t.contactPerson)]}
                >
                  <Input maxLength={100} />
                </Form.Item>
              )}
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    label={t.phone}
                    name={['applicant', 'phone']}
                    // An organisation is reached through its contact person's phone.
                    rules={category === 'natural_person' ? [] : [required(t.phone)]}
                  >
                    <Input maxLength={40} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    label={t.email}
                    name={['applicant', 'email']}
                    rules={[{ type: 'email' }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t.address} name={['applicant', 'address']}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t.requestSection} style={{ marginBottom: 16 }}>
          <Form.Item label={t.request} name="request" rules={[required(t.request)]}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item label={t.requestedForm} name="requestedForm" extra={t.requestedFormHint}>
            <AutoComplete
              options={['纸质文本', '电子邮件', '光盘', '当场查阅'].map((v) => ({ value: v }))}
            />
          </Form.Item>
          <Form.Item label={a.pendingTitle}>
            <PendingAttachments value={pending} onChange={setPending} />
          </Form.Item>
        </Card>
        <Button type="primary" htmlType="submit" size="large" loading={saving}>
          {saving ? t.saving : t.save}
        </Button>
      </Form>

      <Modal
        open={!!similar}
        title={t.similarTitle}
        okText={t.similarContinue}
        cancelText={t.similarBack}
        onCancel={() => setSimilar(undefined)}
        onOk={() => {
          const body = similar?.body;
          setSimilar(undefined);
          if (body) void register(body);
        }}
      >
        <Typography.Paragraph>{t.similarIntro}</Typography.Paragraph>
        <List
          size="small"
          data-testid="similar-cases"
          dataSource={similar?.items ?? []}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Link to={`/cases/${c.id}`} target="_blank">
                    {c.ref} · {c.receivedOn} · {stateLabel(c.state, locale)}
                  </Link>
                }
                description={c.request}
              />
            </List.Item>
          )}
        />
      </Modal>
    </PageContainer>
  );
}
