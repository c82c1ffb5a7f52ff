import { ApiError, formatMessage, useLocale, useMessages } from '@gongkai/ui';
import {
  CASE_PAYLOAD_LIMITS,
  DECISION_BASIS_MAX,
  DECISION_REASONS_MAX,
  defaultDecisionBasis,
  OUTCOME_GROUPS,
  OUTCOMES,
  requiresReasons,
  SERVICE_METHODS,
  type Outcome,
} from '@gongkai/domain';
import {
  Alert,
  App,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  type FormInstance,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { applyApiError } from '../common/api-form-errors';
import { todayInShanghai } from '../common/today';
import { useSendEvent } from './case.queries';
import { FeeFields } from './fee-fields';
import { detailMessages } from './detail.messages';

type Text = (typeof detailMessages)['zh-CN'];
type Values = Record<string, unknown>;

export interface EventTarget {
  caseId: string;
  version: number;
  type: string;
  label: string;
}

const DATE_FIELDS = ['on', 'dueOn', 'delayedAnswerOn', 'servedOn'];

/** The fields of each event's payload besides `on` (contracts: sendCaseEventSchema). */
function eventFields(
  type: string,
  t: Text,
  locale: string,
  form: FormInstance,
  caseId: string,
): ReactNode {
  const req = (field: string) => [
    { required: true, message: formatMessage(t.required, { field }) },
  ];
  const date = (name: string, label: string, required = true) => (
    <Form.Item key={name} name={name} label={label} rules={required ? req(label) : []}>
      <DatePicker style={{ width: '100%' }} />
    </Form.Item>
  );
  // Required free text: blanks do not count (Arts 36–37 want real reasons).
  const text = (name: string, label: string, extra: string, rows: number, max: number) => (
    <Form.Item
      key={name}
      name={name}
      label={label}
      extra={extra}
      rules={[{ ...req(label)[0], whitespace: true }]}
    >
      <Input.TextArea rows={rows} maxLength={max} />
    </Form.Item>
  );
  switch (type) {
    case 'REQUEST_SUPPLEMENT':
      return [
        date('dueOn', t.dueOn),
        <Form.Item key="items" name="items" label={t.items} rules={req(t.items)}>
          <Input.TextArea rows={4} />
        </Form.Item>,
      ];
    case 'START_CONSULTATION':
      return (
        <Form.Item name="party" label={t.party} rules={req(t.party)} initialValue="third_party">
          <Radio.Group
            options={[
              { value: 'third_party', label: t.thirdParty },
              { value: 'other_agency', label: t.otherAgency },
            ]}
          />
        </Form.Item>
      );
    case 'SERVE_FEE_NOTICE':
      return <FeeFields caseId={caseId} />;
    case 'REASONS_JUDGED':
      return [
        <Form.Item
          key="reasonable"
          name="reasonable"
          label={t.reasonable}
          rules={req(t.reasonable)}
        >
          <Radio.Group
            options={[
              { value: true, label: t.yes },
              { value: false, label: t.no },
            ]}
          />
        </Form.Item>,
        form.getFieldValue('reasonable') === true
          ? date('delayedAnswerOn', t.delayedAnswerOn)
          : null,
      ];
    case 'DRAFT_DECISION': {
      const outcome = form.getFieldValue('outcome') as Outcome | undefined;
      return [
        <Form.Item
          key="outcome"
          name="outcome"
          label={t.decisionOutcome}
          rules={req(t.decisionOutcome)}
        >
          <Select
            showSearch
            optionFilterProp="label"
            onChange={(value: Outcome) =>
              form.setFieldValue('basis', defaultDecisionBasis(value) || undefined)
            }
            options={OUTCOME_GROUPS.map((g) => ({
              label: `${g.number}${locale === 'en' ? g.labelEn : g.label}`,
              options: OUTCOMES.filter((o) => o.group === g.group).map((o) => ({
                value: o.code,
                label:
                  (o.item === null ? o.groupNumber : `${o.groupNumber}${o.item}. `) +
                  (locale === 'en' ? o.labelEn : o.label),
              })),
            }))}
          />
        </Form.Item>,
        ...(outcome && requiresReasons(outcome)
          ? [
              text('reasons', t.decisionReasons, t.decisionReasonsHelp, 4, DECISION_REASONS_MAX),
              text('basis', t.decisionBasis, t.decisionBasisHelp, 2, DECISION_BASIS_MAX),
            ]
          : []),
      ];
    }
    case 'APPROVE_DECISION':
    case 'REFUSE_EXTENSION':
      return (
        <Form.Item name="comment" label={t.comment}>
          <Input.TextArea rows={3} maxLength={CASE_PAYLOAD_LIMITS.textLength} />
        </Form.Item>
      );
    case 'RETURN_DECISION':
      return (
        <Form.Item name="comment" label={t.returnComment} rules={req(t.returnComment)}>
          <Input.TextArea rows={3} maxLength={CASE_PAYLOAD_LIMITS.textLength} />
        </Form.Item>
      );
    case 'REQUEST_EXTENSION':
      return [
        <Form.Item
          key="workingDays"
          name="workingDays"
          label={t.workingDays}
          rules={req(t.workingDays)}
          initialValue={CASE_PAYLOAD_LIMITS.extensionWorkingDays.max}
        >
          <InputNumber
            min={CASE_PAYLOAD_LIMITS.extensionWorkingDays.min}
            max={CASE_PAYLOAD_LIMITS.extensionWorkingDays.max}
            precision={0}
            style={{ width: '100%' }}
          />
        </Form.Item>,
        <Form.Item key="reason" name="reason" label={t.reason} rules={req(t.reason)}>
          <Input.TextArea rows={3} maxLength={CASE_PAYLOAD_LIMITS.textLength} />
        </Form.Item>,
      ];
    case 'RECORD_SERVICE':
    case 'RECORD_NOTICE_SERVICE':
      return [
        <Form.Item key="method" name="method" label={t.method} rules={req(t.method)}>
          <Select
            showSearch
            optionFilterProp="label"
            options={SERVICE_METHODS.map((m) => ({
              value: m.code,
              label: `${locale === 'en' ? m.labelEn : m.label}（${m.dateLabel}）`,
            }))}
          />
        </Form.Item>,
        date('servedOn', t.servedOnField),
      ];
    case 'WITHDRAW':
      return (
        <Form.Item name="reason" label={t.withdrawReason}>
          <Input.TextArea rows={3} maxLength={CASE_PAYLOAD_LIMITS.textLength} />
        </Form.Item>
      );
    default:
      return null;
  }
}

function toPayload(type: string, values: Values): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    if (DATE_FIELDS.includes(key)) payload[key] = (value as Dayjs).format('YYYY-MM-DD');
    else if (key === 'items' && typeof value === 'string') {
      payload[key] = value
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    } else payload[key] = value;
  }
  if (type !== 'REASONS_JUDGED') delete payload['delayedAnswerOn'];
  if (type === 'SERVE_FEE_NOTICE') {
    if (payload['standard'] === 'per_page') delete payload['ordinalInMonth'];
    else delete payload['pages'];
    if (payload['override'] !== true) delete payload['overrideReason'];
    delete payload['override'];
  }
  if (type === 'DRAFT_DECISION' && !requiresReasons(payload['outcome'] as Outcome)) {
    delete payload['reasons'];
    delete payload['basis'];
  }
  return payload;
}

/**
 * One allowed action with its form. Dates default to today (Asia/Shanghai); the API checks
 * everything and its field errors land under the fields.
 */
export function CaseEventModal({
  target,
  onClose,
}: {
  target: EventTarget | undefined;
  onClose: () => void;
}) {
  if (!target) return null;
  return (
    <CaseEventModalOpen key={`${target.caseId}-${target.type}`} target={target} onClose={onClose} />
  );
}

function CaseEventModalOpen({ target, onClose }: { target: EventTarget; onClose: () => void }) {
  const t = useMessages(detailMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const send = useSendEvent(target.caseId);
  Form.useWatch('reasonable', form);
  Form.useWatch('outcome', form);
  const today = dayjs(todayInShanghai());

  const submit = async () => {
    // Failed checks are already shown under their fields.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setError(undefined);
    try {
      await send.mutateAsync({
        type: target.type,
        payload: toPayload(target.type, values),
        expectedVersion: target.version,
      });
      void message.success(formatMessage(t.done, { label: target.label }));
      onClose();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) {
        setError(`${caught.message}。${t.conflict}`);
        return;
      }
      setError(applyApiError(form, caught, 'payload.', locale));
    }
  };

  return (
    <Modal
      open
      title={target.label}
      okText={t.submit}
      cancelText={t.cancel}
      confirmLoading={send.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ on: today, servedOn: today }}
        onFinish={() => void submit()}
        aria-label={target.label}
      >
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />
        ) : null}
        <Form.Item
          name="on"
          label={t.on}
          rules={[{ required: true, message: formatMessage(t.required, { field: t.on }) }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {eventFields(target.type, t, locale, form, target.caseId)}
      </Form>
    </Modal>
  );
}
