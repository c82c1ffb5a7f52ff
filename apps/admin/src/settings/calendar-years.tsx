import type {
  CalendarLoadResult,
  CalendarPreviewCase,
  CalendarPreviewResult,
  CalendarYearView,
  PutCalendarYearRequest,
} from '@gongkai/contracts';
import { formatMessage, useApiClient, useLocale, useMessages } from '@gongkai/ui';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { applyApiError } from '../common/api-form-errors';
import { stateLabel } from '../common/catalogue-labels';
import { currentYear } from '../common/today';
import { calendarMessages } from './calendar-years.messages';

interface ArrangementForm {
  holidays: string;
  makeupWorkdays: string;
  source: string;
}

/** One date per line, or separated by spaces or commas (as the notices are often pasted). */
export const datesOf = (text: string | undefined) =>
  (text ?? '')
    .split(/[\s,，]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const requestOf = (values: ArrangementForm): PutCalendarYearRequest => ({
  holidays: datesOf(values.holidays),
  makeupWorkdays: datesOf(values.makeupWorkdays),
  source: values.source,
});

/** A date that moves, as "before → after"; a date that stays, once. */
function Moved({ before, after }: { before: string | null; after: string | null }) {
  if (before === after) return <>{before ?? '—'}</>;
  return (
    <span>
      <Typography.Text delete type="secondary">
        {before ?? '—'}
      </Typography.Text>{' '}
      → <Typography.Text strong>{after ?? '—'}</Typography.Text>
    </span>
  );
}

/**
 * 工作日日历 (Project rule 16): an administrator loads a year's State Council arrangement. The
 * desk first asks the API what the load would do (POST …/preview, nothing written) and shows the
 * open cases whose deadlines would move; only the confirmation loads it and recomputes them.
 */
export function CalendarTab() {
  const t = useMessages(calendarMessages);
  const { locale } = useLocale();
  const client = useApiClient();
  const { message } = App.useApp();
  const [year, setYear] = useState(currentYear() + 1);
  const [form] = Form.useForm<ArrangementForm>();
  const [error, setError] = useState<string>();
  const [previewing, setPreviewing] = useState(false);
  const [pending, setPending] = useState<{
    request: PutCalendarYearRequest;
    preview: CalendarPreviewResult;
  }>();
  const [loading, setLoading] = useState(false);
  const view = useQuery({
    queryKey: ['calendar', year],
    queryFn: () => client.get<CalendarYearView>(`/calendar/${year}`),
  });
  useEffect(() => {
    const a = view.data?.arrangement;
    form.setFieldsValue({
      holidays: a?.holidays.join('\n') ?? '',
      makeupWorkdays: a?.makeupWorkdays.join('\n') ?? '',
      source: a?.source ?? '',
    });
  }, [view.data, form]);
  const origin = view.data?.origin;

  const preview = async (values: ArrangementForm) => {
    setError(undefined);
    setPreviewing(true);
    const request = requestOf(values);
    try {
      const result = await client.post<CalendarPreviewResult>(`/calendar/${year}/preview`, request);
      setPending({ request, preview: result });
    } catch (e) {
      setError(applyApiError(form, e, '', locale));
    } finally {
      setPreviewing(false);
    }
  };

  const load = async () => {
    if (!pending) return;
    setLoading(true);
    try {
      const result = await client.put<CalendarLoadResult>(`/calendar/${year}`, pending.request);
      void message.success(
        formatMessage(t.loaded, {
          checked: result.openCasesChecked,
          recomputed: result.casesRecomputed,
        }),
      );
      setPending(undefined);
      void view.refetch();
    } catch (e) {
      setPending(undefined);
      setError(applyApiError(form, e, '', locale));
    } finally {
      setLoading(false);
    }
  };

  const columns: TableColumnsType<CalendarPreviewCase> = [
    {
      title: t.ref,
      dataIndex: 'ref',
      render: (ref: string, row) => <Link to={`/cases/${row.caseId}`}>{ref}</Link>,
    },
    { title: t.agency, dataIndex: 'agencyName' },
    { title: t.state, dataIndex: 'state', render: (s: string) => stateLabel(s, locale) },
    {
      title: t.answerDue,
      key: 'answer',
      render: (_, row) => <Moved before={row.answerDueOnBefore} after={row.answerDueOnAfter} />,
    },
    {
      title: t.nextDue,
      key: 'next',
      render: (_, row) => <Moved before={row.nextDueOnBefore} after={row.nextDueOnAfter} />,
    },
  ];
  const effect = pending?.preview;

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t.calendarIntro}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        {t.year}
        <InputNumber
          value={year}
          min={2000}
          max={2999}
          precision={0}
          onChange={(v) => v && setYear(v)}
          aria-label={t.year}
        />
        {t.origin}：
        <Tag color={origin === 'missing' ? 'error' : origin === 'database' ? 'success' : 'default'}>
          {origin === 'database'
            ? t.originDatabase
            : origin === 'builtin'
              ? t.originBuiltin
              : t.originMissing}
        </Tag>
      </Space>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void preview(values)}
        style={{ maxWidth: 720 }}
      >
        <Form.Item name="source" label={t.source} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} placeholder="国办发明电〔2025〕X号" />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="holidays" label={t.holidays}>
            <Input.TextArea rows={10} style={{ width: 300, fontFamily: 'monospace' }} />
          </Form.Item>
          <Form.Item name="makeupWorkdays" label={t.makeupWorkdays}>
            <Input.TextArea rows={10} style={{ width: 300, fontFamily: 'monospace' }} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={previewing}>
          {t.preview}
        </Button>
      </Form>
      <Modal
        open={!!effect}
        title={formatMessage(t.loadConfirm, { year })}
        width={880}
        okText={t.confirm}
        cancelText={t.cancel}
        confirmLoading={loading}
        onOk={() => void load()}
        onCancel={() => setPending(undefined)}
        destroyOnHidden
      >
        {effect ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert
              type={effect.casesChanging ? 'warning' : 'info'}
              showIcon
              title={
                effect.casesChanging
                  ? formatMessage(t.effect, {
                      checked: effect.openCasesChecked,
                      changing: effect.casesChanging,
                    })
                  : formatMessage(t.noEffect, { checked: effect.openCasesChecked })
              }
              description={[
                effect.casesOutsideScope
                  ? formatMessage(t.outsideScope, { count: effect.casesOutsideScope })
                  : null,
                effect.casesFailed
                  ? formatMessage(t.unreadable, { count: effect.casesFailed })
                  : null,
              ]
                .filter(Boolean)
                .join(' ')}
            />
            {effect.cases.length ? (
              <Table
                size="small"
                rowKey="caseId"
                columns={columns}
                dataSource={effect.cases}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
              />
            ) : null}
            <Typography.Paragraph type="secondary">{t.loadConfirmBody}</Typography.Paragraph>
          </Space>
        ) : null}
      </Modal>
    </Card>
  );
}
