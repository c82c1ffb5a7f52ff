import {
  DELIVERY_METHODS,
  onlineApplicationSchema,
  PROVISION_FORMS,
  type DeliveryMethod,
  type OnlineApplicationInput,
  type ProvisionForm,
} from '@gongkai/contracts';
import { APPLICANT_CATEGORY_CODES } from '@gongkai/domain';
import { ApiError, useMessages } from '@gongkai/ui';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Radio,
  Select,
  Typography,
  type FormItemProps,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { apiFieldErrors } from '../common/form-errors';
import { zodRule } from '../common/zod-rule';
import { flattenAgencies, usePublicAgencies } from '../public-site/public-site.queries';
import { onlineMessages } from './online.messages';
import { keepReceipt, useSubmitApplication } from './online.queries';

type Messages = Record<keyof (typeof onlineMessages)['zh-CN'], string>;

const CATEGORY_KEYS: Record<string, keyof Messages> = {
  natural_person: 'catNaturalPerson',
  commercial_enterprise: 'catCommercialEnterprise',
  research_institution: 'catResearchInstitution',
  social_welfare_org: 'catSocialWelfareOrg',
  legal_service_agency: 'catLegalServiceAgency',
  other_org: 'catOtherOrg',
};
const FORM_KEYS: Record<ProvisionForm, keyof Messages> = {
  paper: 'formPaper',
  electronic: 'formElectronic',
  disc: 'formDisc',
  inspection: 'formInspection',
};
const DELIVERY_KEYS: Record<DeliveryMethod, keyof Messages> = {
  post: 'deliveryPost',
  email: 'deliveryEmail',
  pickup: 'deliveryPickup',
};

/** A form field checked by the contracts schema on its own path. */
function Field({ name, ...props }: FormItemProps & { name: string | (string | number)[] }) {
  const path = Array.isArray(name) ? name : [name];
  return <Form.Item name={name} rules={[zodRule(onlineApplicationSchema, path)]} {...props} />;
}

const sectionTitle = (id: string, text: string) => (
  <Typography.Title level={2} id={id} style={{ fontSize: 18, marginTop: 0 }}>
    {text}
  </Typography.Title>
);

/** 网上申请: the Art. 29 form, checked with the API's own schema before it is sent. */
export function ApplyPage() {
  const t = useMessages(onlineMessages);
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const agencies = usePublicAgencies();
  const submit = useSubmitApplication();
  const [problem, setProblem] = useState<string | null>(null);
  const category = Form.useWatch(['applicant', 'category'], form) ?? 'natural_person';
  const isPerson = category === 'natural_person';

  const onFinish = (values: OnlineApplicationInput) => {
    setProblem(null);
    // The rules have passed; parsing again gives the trimmed values the API expects.
    const parsed = onlineApplicationSchema.safeParse(values);
    if (!parsed.success) {
      setProblem(t.fixErrors);
      return;
    }
    submit.mutate(parsed.data, {
      onSuccess: (receipt) => {
        keepReceipt(receipt);
        void navigate('/apply/receipt', { state: { receipt } });
      },
      onError: (error) => {
        setProblem(error.message);
        if (error instanceof ApiError && error.fieldErrors.length) {
          const fields = apiFieldErrors(error);
          form.setFields(fields);
          if (fields[0]) form.scrollToField(fields[0].name, { focus: true, block: 'center' });
        }
      },
    });
  };

  const agencyOptions = flattenAgencies(agencies.data ?? []).map((a) => ({
    value: a.code,
    label: `${'\u3000'.repeat(a.depth)}${a.name}`,
    name: a.name,
  }));

  return (
    <div style={{ maxWidth: 760, margin: '0 auto', padding: '32px 0' }}>
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 26 }}>
        {t.applyTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.applyIntro}</Typography.Paragraph>
      <Form
        form={form}
        name="apply"
        layout="vertical"
        onFinish={onFinish}
        onFinishFailed={() => setProblem(t.fixErrors)}
        scrollToFirstError={{ focus: true, block: 'center' }}
        requiredMark
        initialValues={{
          agencyCode: params.get('agency') ?? undefined,
          applicant: { category: 'natural_person' },
          provision: { form: 'electronic', delivery: 'email' },
        }}
      >
        <Card style={{ marginBottom: 16 }}>
          <section aria-labelledby="apply-agency">
            {sectionTitle('apply-agency', t.sectionAgency)}
            <Field name="agencyCode" label={t.agency} required>
              <Select
                showSearch={{ optionFilterProp: 'name' }}
                placeholder={t.agencyPlaceholder}
                loading={agencies.isLoading}
                options={agencyOptions}
              />
            </Field>
          </section>
        </Card>

        <Card style={{ marginBottom: 16 }}>
          <section aria-labelledby="apply-applicant">
            {sectionTitle('apply-applicant', t.sectionApplicant)}
            <Field name={['applicant', 'category']} label={t.category} required>
              <Select
                options={APPLICANT_CATEGORY_CODES.map((code) => ({
                  value: code,
                  label: t[CATEGORY_KEYS[code] ?? 'catOtherOrg'],
                }))}
              />
            </Field>
            <Field name={['applicant', 'name']} label={isPerson ? t.name : t.orgName} required>
              <Input autoComplete={isPerson ? 'name' : 'organization'} maxLength={100} />
            </Field>
            {isPerson ? (
              <Field
                name={['applicant', 'identityNumber']}
                label={t.identityNumber}
                extra={t.identityHelp}
                required
              >
                <Input maxLength={18} autoComplete="off" inputMode="text" />
              </Field>
            ) : (
              <>
                <Field name={['applicant', 'organisationCode']} label={t.organisationCode}>
                  <Input maxLength={18} autoComplete="off" />
                </Field>
                <Field name={['applicant', 'contactName']} label={t.contactName} required>
                  <Input maxLength={50} autoComplete="name" />
                </Field>
              </>
            )}
            <Field name={['applicant', 'phone']} label={t.phone} extra={t.phoneHelp} required>
              <Input type="tel" autoComplete="tel" maxLength={40} />
            </Field>
            <Field name={['applicant', 'email']} label={t.email}>
              <Input type="email" autoComplete="email" maxLength={200} />
            </Field>
            <Field name={['applicant', 'address']} label={t.address}>
              <Input autoComplete="street-address" maxLength={300} />
            </Field>
          </section>
        </Card>

        <Card style={{ marginBottom: 16 }}>
          <section aria-labelledby="apply-information">
            {sectionTitle('apply-information', t.sectionInformation)}
            <Field name={['information', 'title']} label={t.title}>
              <Input maxLength={200} />
            </Field>
            <Field name={['information', 'documentNumber']} label={t.documentNumber}>
              <Input maxLength={100} />
            </Field>
            <Field
              name={['information', 'description']}
              label={t.description}
              extra={t.descriptionHelp}
              required
            >
              <Input.TextArea rows={5} maxLength={4000} showCount />
            </Field>
          </section>
        </Card>

        <Card style={{ marginBottom: 16 }}>
          <section aria-labelledby="apply-provision">
            {sectionTitle('apply-provision', t.sectionProvision)}
            <Field name={['provision', 'form']} label={t.form} required>
              <Radio.Group
                options={PROVISION_FORMS.map((f) => ({ value: f, label: t[FORM_KEYS[f]] }))}
              />
            </Field>
            <Field name={['provision', 'delivery']} label={t.delivery} required>
              <Radio.Group
                options={DELIVERY_METHODS.map((d) => ({ value: d, label: t[DELIVERY_KEYS[d]] }))}
              />
            </Field>
          </section>
        </Card>

        <Field name="confirmed" valuePropName="checked">
          <Checkbox>{t.confirm}</Checkbox>
        </Field>
        {problem && (
          <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />
        )}
        <Button type="primary" htmlType="submit" size="large" loading={submit.isPending} block>
          {submit.isPending ? t.submitting : t.submit}
        </Button>
      </Form>
    </div>
  );
}
