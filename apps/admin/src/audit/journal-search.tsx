import { SearchOutlined } from '@ant-design/icons';
import {
  JOURNAL_NOTE_TYPES,
  journalTypeLabel,
  type JournalSearchRow,
  type Page,
} from '@gongkai/contracts';
import { legalBasisLabel, CASE_EVENT_TYPES } from '@gongkai/domain';
import { formatMessage, useApiClient, useLocale, useMessages, type Locale } from '@gongkai/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { adminMessages } from '../admin.messages';
import type { DeskRole } from '../auth/desk-user';
import { roleLabel } from '../shell/role-labels';
import { serverMessage } from '../common/server-messages';
import { useServerPaging } from '../common/server-paging';
import { shanghaiTime } from '../common/today';
import { CaseRef } from './case-ref';
import { journalSearchMessages } from './journal-search.messages';

/** What GET /api/journal filters on; the API checks them and answers 400 in Chinese. */
export interface JournalFilters {
  type?: string;
  actor?: string;
  from?: string;
  to?: string;
  q?: string;
}

interface FormValues {
  type?: string;
  actor?: string;
  recorded?: [Dayjs | null, Dayjs | null] | null;
  q?: string;
}

const DESK_ROLES: readonly string[] = ['clerk', 'leader', 'auditor', 'admin'];

export function toJournalFilters(values: FormValues): JournalFilters {
  const filters: JournalFilters = {};
  if (values.type) filters.type = values.type;
  const actor = values.actor?.trim();
  if (actor) filters.actor = actor;
  const q = values.q?.trim();
  if (q) filters.q = q;
  const [from, to] = values.recorded ?? [];
  if (from) filters.from = from.format('YYYY-MM-DD');
  if (to) filters.to = to.format('YYYY-MM-DD');
  return filters;
}

function typeLabel(type: string, locale: Locale): string {
  const label = journalTypeLabel(type);
  if (!label) return type;
  return locale === 'en' ? label.en : label.zh;
}

/**
 * 日志检索：可见范围内全部案件的办理记录，由 API 筛选分页。管理员能检索日志却不能打开案件，
 * 所以对其 `caseLinks` 为假，案号只显示文字。
 * The journal of every case in scope, filtered and paged by the API. `caseLinks` is off for roles
 * that may search the journal but not open a case (administrators).
 */
export function JournalSearch({ caseLinks = true }: { caseLinks?: boolean }) {
  const t = useMessages(journalSearchMessages);
  const shell = useMessages(adminMessages);
  const { locale } = useLocale();
  const client = useApiClient();
  const [form] = Form.useForm<FormValues>();
  const [filters, setFilters] = useState<JournalFilters>({});
  const { paging, setPaging, pagination } = useServerPaging((n) => formatMessage(t.total, { n }));
  const result = useQuery({
    queryKey: ['audit', 'journal', filters, paging],
    queryFn: () =>
      client.get<Page<JournalSearchRow>>('/journal', { query: { ...filters, ...paging } }),
    placeholderData: keepPreviousData,
  });

  const typeOptions = useMemo(() => {
    const option = (type: string) => ({ value: type, label: typeLabel(type, locale) });
    return [
      { label: t.machineEvents, options: CASE_EVENT_TYPES.map(option) },
      { label: t.notes, options: JOURNAL_NOTE_TYPES.map(option) },
    ];
  }, [t, locale]);

  const apply = (values: FormValues) => {
    setFilters(toJournalFilters(values));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const actorText = (r: JournalSearchRow) => {
    const role = DESK_ROLES.includes(r.actor.role)
      ? roleLabel(shell, r.actor.role as DeskRole)
      : r.actor.role === 'system'
        ? t.system
        : r.actor.role;
    return `${r.actor.displayName ?? r.actor.id}（${role}）`;
  };

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        onFinish={apply}
        style={{ marginBottom: 16, rowGap: 8 }}
        data-testid="journal-filters"
      >
        <Form.Item label={t.type} name="type">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            placeholder={t.typeHint}
            aria-label={t.type}
            options={typeOptions}
          />
        </Form.Item>
        <Form.Item label={t.actor} name="actor">
          <Input allowClear maxLength={100} placeholder={t.actorHint} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label={t.recorded} name="recorded">
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t.from, t.to]}
            aria-label={t.recorded}
          />
        </Form.Item>
        <Form.Item label={t.text} name="q">
          <Input allowClear maxLength={100} placeholder={t.textHint} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SearchOutlined />}
              loading={result.isFetching}
            >
              {t.search}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              {t.reset}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {result.isError ? (
        <Alert
          type="error"
          showIcon
          title={serverMessage(result.error, locale)}
          style={{ marginBottom: 16 }}
          data-testid="journal-error"
        />
      ) : null}
      <Table<JournalSearchRow>
        size="small"
        data-testid="journal-results"
        rowKey={(r) => `${r.caseId}-${r.seq}`}
        loading={result.isFetching}
        dataSource={result.data?.items ?? []}
        pagination={pagination(result.data?.total ?? 0)}
        columns={[
          {
            title: t.recordedAt,
            dataIndex: 'recordedAt',
            width: 170,
            render: (v: string) => shanghaiTime(v, locale),
          },
          {
            title: t.caseRef,
            dataIndex: 'caseRef',
            width: 140,
            render: (ref: string, r) => (
              <Space size={4}>
                <CaseRef caseId={r.caseId} caseRef={ref} link={caseLinks} />
                <Typography.Text type="secondary">
                  {formatMessage(t.seq, { seq: r.seq })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t.type,
            dataIndex: 'type',
            width: 160,
            render: (type: string, r) => (locale === 'en' ? typeLabel(type, locale) : r.label),
          },
          { title: t.on, dataIndex: 'on', width: 110 },
          { title: t.actor, key: 'actor', width: 160, render: (_, r) => actorText(r) },
          {
            title: t.basis,
            dataIndex: 'basis',
            width: 150,
            render: (v: string | null) => legalBasisLabel(v) ?? '—',
          },
          { title: t.summary, dataIndex: 'summary', ellipsis: true },
        ]}
      />
    </Card>
  );
}
