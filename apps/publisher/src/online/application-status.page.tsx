import {
  applicationStatusQuerySchema,
  type ApplicationStage,
  type ApplicationStatusQuery,
  type ApplicationStatusView,
} from '@gongkai/contracts';
import { useLocale, useMessages } from '@gongkai/ui';
import { Alert, Button, Card, Descriptions, Form, Input, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { zodRule } from '../common/zod-rule';
import { formatDate } from '../common/format-date';
import { onlineMessages } from './online.messages';
import { useApplicationStatus } from './online.queries';

type Messages = Record<keyof (typeof onlineMessages)['zh-CN'], string>;

const STAGE_KEYS: Record<ApplicationStage, [keyof Messages, keyof Messages]> = {
  received: ['stageReceived', 'stageHintReceived'],
  awaitingSupplement: ['stageAwaitingSupplement', 'stageHintAwaitingSupplement'],
  processing: ['stageProcessing', 'stageHintProcessing'],
  consulting: ['stageConsulting', 'stageHintConsulting'],
  awaitingFee: ['stageAwaitingFee', 'stageHintAwaitingFee'],
  awaitingReasons: ['stageAwaitingReasons', 'stageHintAwaitingReasons'],
  decided: ['stageDecided', 'stageHintDecided'],
  served: ['stageServed', 'stageHintServed'],
  withdrawn: ['stageWithdrawn', 'stageHintWithdrawn'],
  endedSupplementOverdue: ['stageEndedSupplementOverdue', 'stageHintEndedSupplementOverdue'],
  endedFeeUnpaid: ['stageEndedFeeUnpaid', 'stageHintEndedFeeUnpaid'],
};

const STAGE_COLORS: Partial<Record<ApplicationStage, string>> = {
  awaitingSupplement: 'orange',
  awaitingFee: 'orange',
  awaitingReasons: 'orange',
  decided: 'green',
  served: 'green',
  withdrawn: 'default',
  endedSupplementOverdue: 'default',
  endedFeeUnpaid: 'default',
};

function StatusResult({ status }: { status: ApplicationStatusView }) {
  const t = useMessages(onlineMessages);
  const { locale } = useLocale();
  const [labelKey, hintKey] = STAGE_KEYS[status.stage];
  const items = [
    { key: 'agency', label: t.agencyName, children: status.agency.name },
    { key: 'ref', label: t.ref, children: status.ref },
    { key: 'receivedOn', label: t.receivedOn, children: formatDate(locale, status.receivedOn) },
    {
      key: 'stage',
      label: t.stage,
      children: (
        <>
          <Tag color={STAGE_COLORS[status.stage] ?? 'blue'} data-testid="application-stage">
            {t[labelKey]}
          </Tag>
          <Typography.Paragraph style={{ margin: '8px 0 0' }}>{t[hintKey]}</Typography.Paragraph>
        </>
      ),
    },
  ];
  if (status.answerDueOn)
    items.push({
      key: 'answerDueOn',
      label: t.answerDueOn,
      children: (
        <>
          <span data-testid="answer-due-on">{formatDate(locale, status.answerDueOn)}</span>
          {status.extended && <Tag style={{ marginLeft: 8 }}>{t.extended}</Tag>}
        </>
      ),
    });
  if (status.supplementDueOn)
    items.push({
      key: 'supplementDueOn',
      label: t.supplementDueOn,
      children: (
        <>
          {formatDate(locale, status.supplementDueOn)}
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t.supplementHint}
          </Typography.Paragraph>
        </>
      ),
    });
  if (status.outcome)
    items.push({
      key: 'outcome',
      label: t.outcome,
      children: <>{locale === 'zh-CN' ? status.outcome.label : status.outcome.labelEn}</>,
    });
  if (status.decidedOn)
    items.push({
      key: 'decidedOn',
      label: t.decidedOn,
      children: formatDate(locale, status.decidedOn),
    });
  if (status.servedOn)
    items.push({
      key: 'servedOn',
      label: t.servedOn,
      children: formatDate(locale, status.servedOn),
    });
  return (
    <section aria-label={t.stage} aria-live="polite">
      <Descriptions bordered column={1} size="small" items={items} style={{ marginTop: 24 }} />
    </section>
  );
}

/** 申请查询: the 查询码 and the phone's last four digits open the stage and the due date. */
export function ApplicationStatusPage() {
  const t = useMessages(onlineMessages);
  const [params] = useSearchParams();
  const [form] = Form.useForm();
  const lookup = useApplicationStatus();

  const onFinish = (values: ApplicationStatusQuery) => {
    // The rules have passed; parsing again gives the normalised code (upper case, no spaces).
    const parsed = applicationStatusQuerySchema.safeParse(values);
    if (parsed.success) lookup.mutate(parsed.data);
  };

  return (
    <div style={{ maxWidth: 640, margin: '0 auto', padding: '32px 0' }}>
      <Card>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 26 }}>
          {t.trackTitle}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t.trackIntro}</Typography.Paragraph>
        <Form
          form={form}
          name="track"
          layout="vertical"
          onFinish={onFinish}
          scrollToFirstError={{ focus: true }}
          initialValues={{ queryCode: params.get('code') ?? '' }}
        >
          <Form.Item
            name="queryCode"
            label={t.queryCode}
            required
            rules={[zodRule(applicationStatusQuerySchema, ['queryCode'])]}
          >
            <Input
              maxLength={12}
              autoComplete="off"
              autoCapitalize="characters"
              style={{ fontFamily: 'monospace', letterSpacing: 2 }}
            />
          </Form.Item>
          <Form.Item
            name="phoneLast4"
            label={t.phoneLast4}
            required
            rules={[zodRule(applicationStatusQuerySchema, ['phoneLast4'])]}
          >
            <Input maxLength={4} inputMode="numeric" autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={lookup.isPending} block>
            {lookup.isPending ? t.searching : t.search}
          </Button>
        </Form>
        {lookup.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={lookup.error.message}
            style={{ marginTop: 16 }}
          />
        )}
        {lookup.data && <StatusResult status={lookup.data} />}
      </Card>
    </div>
  );
}
