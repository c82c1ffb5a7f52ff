import { DownloadOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  PageContainer,
  ProTable,
  type ActionType,
  type ProColumns,
  type ProFormInstance,
} from '@ant-design/pro-components';
import type { CaseListItem } from '@gongkai/contracts';
import {
  APPLICANT_CATEGORIES,
  CLOSED_STATES,
  DUE_SOON_WORKING_DAYS,
  OPEN_STATES,
  OUTCOMES,
} from '@gongkai/domain';
import { DeadlineBadge, formatMessage, useApiClient, useLocale, useMessages } from '@gongkai/ui';
import { App, Button, Checkbox, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { hasRole } from '../auth/desk-user';
import { useDeskUser } from '../auth/session.context';
import { categoryLabel, channelLabel, outcomeLabel, stateLabel } from '../common/catalogue-labels';
import { saveBlob } from '../common/download';
import { useScopeAgencies } from '../common/scope-agencies';
import { serverMessage } from '../common/server-messages';
import { todayInShanghai } from '../common/today';
import { casesToXlsx } from './case-excel';
import { CASE_LIST_HIDDEN, CASE_LIST_WIDTHS } from './case-list.widths';
import {
  cleanFilters,
  fetchAllCases,
  fetchCases,
  type CaseFilters,
  type CaseListParams,
} from './case-list.query';
import { caseMessages } from './cases.messages';
import { deleteFilter, loadSavedFilters, saveFilter, type SavedFilter } from './saved-filters';

type Row = CaseListItem;

/** 只看我的: the search form's `assignee` field, ticked = `me`. */
function OnlyMine(props: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  label: string;
}) {
  return (
    <Checkbox
      checked={props.value === 'me'}
      onChange={(e) => props.onChange?.(e.target.checked ? 'me' : undefined)}
    >
      {props.label}
    </Checkbox>
  );
}

const SORTABLE: Record<string, CaseListParams['sort']> = {
  ref: 'ref',
  receivedOn: 'receivedOn',
  answerDueOn: 'answerDueOn',
  decidedOn: 'decidedOn',
};

/** 申请列表: the API filters, sorts and pages; the table only shows and asks. */
export function CaseListPage() {
  const t = useMessages(caseMessages);
  const { locale } = useLocale();
  const client = useApiClient();
  const user = useDeskUser();
  const { message } = App.useApp();
  const [searchParams] = useSearchParams();
  const formRef = useRef<ProFormInstance>(undefined);
  const actionRef = useRef<ActionType>(undefined);
  const lastParams = useRef<CaseListParams>({});
  const [saved, setSaved] = useState<SavedFilter[]>(loadSavedFilters);
  const [filterName, setFilterName] = useState('');
  const [exporting, setExporting] = useState(false);
  const { supervising, agencies } = useScopeAgencies();
  const agencyNames = useMemo(() => new Map(agencies.map((a) => [a.id, a.name])), [agencies]);

  const initial = useMemo(
    () => cleanFilters(Object.fromEntries(searchParams.entries())),
    [searchParams],
  );

  const stateEnum = useMemo(() => {
    const entries: [string, { text: string }][] = [
      ['open', { text: t.stateOpen }],
      ['closed', { text: t.stateClosed }],
      ...[...OPEN_STATES, ...CLOSED_STATES].map(
        (s) => [s, { text: stateLabel(s, locale) }] as [string, { text: string }],
      ),
    ];
    return Object.fromEntries(entries);
  }, [t, locale]);

  const columns: ProColumns<Row>[] = [
    {
      title: t.keyword,
      dataIndex: 'q',
      hideInTable: true,
      fieldProps: { placeholder: t.keywordHint },
    },
    {
      title: t.ref,
      dataIndex: 'ref',
      sorter: true,
      search: false,
      width: CASE_LIST_WIDTHS.ref,
      render: (_, row) => <Link to={`/cases/${row.id}`}>{row.ref}</Link>,
    },
    {
      title: t.receivedOn,
      dataIndex: 'receivedOn',
      sorter: true,
      search: false,
      width: CASE_LIST_WIDTHS.receivedOn,
      defaultSortOrder: 'descend',
    },
    {
      title: t.applicant,
      dataIndex: 'applicantName',
      search: false,
      width: CASE_LIST_WIDTHS.applicant,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span>{row.applicantName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {categoryLabel(row.applicantCategory, locale)} · {channelLabel(row.channel, locale)}
          </Typography.Text>
        </Space>
      ),
    },
    // Supervisors only: one agency's users would see the same name on every row.
    ...(supervising
      ? [
          {
            title: t.agency,
            dataIndex: 'agencyId',
            valueType: 'select',
            valueEnum: Object.fromEntries(agencies.map((a) => [a.id, { text: a.name }])),
            ellipsis: true,
            width: CASE_LIST_WIDTHS.agency,
            render: (_, row) => agencyNames.get(row.agencyId) ?? '—',
          } satisfies ProColumns<Row>,
        ]
      : []),
    {
      title: t.request,
      dataIndex: 'request',
      search: false,
      // No width: the request takes the room the sized columns leave; the tooltip has all of it.
      ellipsis: { showTitle: false },
      render: (_, row) => (
        <Typography.Text ellipsis={{ tooltip: row.request }} data-testid="case-request">
          {row.request ?? '—'}
        </Typography.Text>
      ),
    },
    {
      title: t.state,
      dataIndex: 'state',
      valueType: 'select',
      valueEnum: stateEnum,
      width: CASE_LIST_WIDTHS.state,
      render: (_, row) => (
        <Tag color={row.closed ? 'default' : 'processing'}>{stateLabel(row.state, locale)}</Tag>
      ),
    },
    {
      title: t.due,
      dataIndex: 'answerDueOn',
      sorter: true,
      search: false,
      width: CASE_LIST_WIDTHS.due,
      render: (_, row) =>
        row.closed ? (
          '—'
        ) : (
          <Space size={4} wrap>
            <span>{row.answerDueOn ?? '—'}</span>
            <DeadlineBadge workingDays={row.answerDueWorkingDays} dueOn={row.answerDueOn} />
          </Space>
        ),
    },
    {
      title: t.assignee,
      dataIndex: 'assignee',
      width: CASE_LIST_WIDTHS.assignee,
      formItemRender: () => <OnlyMine label={t.onlyMine} />,
      render: (_, row) =>
        row.assignee ? (
          (row.assignee.displayName ?? row.assignee.id)
        ) : (
          <Typography.Text type="secondary">{t.unassigned}</Typography.Text>
        ),
    },
    {
      title: t.dueFilter,
      dataIndex: 'due',
      hideInTable: true,
      valueType: 'select',
      valueEnum: {
        overdue: { text: t.overdue },
        dueSoon: { text: formatMessage(t.dueSoon, { n: DUE_SOON_WORKING_DAYS }) },
      },
    },
    {
      title: t.year,
      dataIndex: 'year',
      hideInTable: true,
      valueType: 'digit',
      fieldProps: { min: 2000, max: 2999, precision: 0 },
    },
    {
      title: t.category,
      dataIndex: 'category',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(
        APPLICANT_CATEGORIES.map((c) => [c.code, { text: categoryLabel(c.code, locale) }]),
      ),
    },
    {
      title: t.outcome,
      dataIndex: 'outcome',
      valueType: 'select',
      valueEnum: Object.fromEntries(
        OUTCOMES.map((o) => [o.code, { text: outcomeLabel(o.code, locale) }]),
      ),
      ellipsis: true,
      width: CASE_LIST_WIDTHS.outcome,
      render: (_, row) => outcomeLabel(row.outcome, locale) || '—',
    },
    {
      title: t.decidedOn,
      key: 'decidedOn',
      dataIndex: 'decidedOn',
      sorter: true,
      search: false,
      width: CASE_LIST_WIDTHS.decidedOn,
      render: (_, row) => row.decidedOn ?? '—',
    },
  ];

  const applySaved = (name: string) => {
    const found = saved.find((f) => f.name === name);
    if (!found || !formRef.current) return;
    formRef.current.resetFields();
    formRef.current.setFieldsValue(found.filters);
    formRef.current.submit();
  };

  const saveCurrent = () => {
    const name = filterName.trim();
    if (!name) return;
    const filters = cleanFilters(formRef.current?.getFieldsValue() ?? {});
    setSaved(saveFilter(name, filters));
    setFilterName('');
    void message.success(formatMessage(t.filterSaved, { name }));
  };

  const exportExcel = async () => {
    setExporting(true);
    try {
      const { page: _page, pageSize: _size, ...params } = lastParams.current;
      const items = await fetchAllCases(client, params);
      saveBlob(await casesToXlsx(items, locale), `申请列表-${todayInShanghai()}.xlsx`);
      void message.success(formatMessage(t.exported, { n: items.length }));
    } catch (error) {
      void message.error(serverMessage(error, locale));
    } finally {
      setExporting(false);
    }
  };

  return (
    <PageContainer title={t.listTitle}>
      <ProTable<Row, CaseFilters>
        rowKey="id"
        columns={columns}
        actionRef={actionRef}
        formRef={formRef}
        form={{ initialValues: initial, syncToUrl: false }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ density: true, reload: true, setting: true }}
        columnsState={{
          defaultValue: Object.fromEntries(CASE_LIST_HIDDEN.map((key) => [key, { show: false }])),
        }}
        request={async (params, sort) => {
          const [sortKey, direction] = Object.entries(sort ?? {}).find(([, v]) => v) ?? [
            'receivedOn',
            'descend',
          ];
          const query: CaseListParams = {
            ...cleanFilters(params as Record<string, unknown>),
            sort: SORTABLE[sortKey] ?? 'receivedOn',
            order: direction === 'ascend' ? 'asc' : 'desc',
            page: params.current ?? 1,
            pageSize: params.pageSize ?? 20,
          };
          lastParams.current = query;
          const answer = await fetchCases(client, query);
          return { data: answer.items, total: answer.total, success: true };
        }}
        headerTitle={
          <Space wrap>
            <Select
              style={{ minWidth: 180 }}
              placeholder={t.savedFilters}
              aria-label={t.savedFilters}
              value={null}
              notFoundContent={t.noSavedFilters}
              options={saved.map((f) => ({ value: f.name, label: f.name }))}
              onChange={(v: string) => applySaved(v)}
              optionRender={(option) => (
                <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                  <span>{option.label}</span>
                  <Popconfirm
                    title={t.deleteFilter}
                    onConfirm={(e) => {
                      e?.stopPropagation();
                      setSaved(deleteFilter(String(option.value)));
                    }}
                  >
                    <Button size="small" type="link" onClick={(e) => e.stopPropagation()}>
                      {t.deleteFilter}
                    </Button>
                  </Popconfirm>
                </Space>
              )}
            />
            <Space.Compact>
              <Input
                placeholder={t.filterName}
                aria-label={t.filterName}
                value={filterName}
                onChange={(e) => setFilterName(e.target.value)}
                onPressEnter={saveCurrent}
                style={{ width: 140 }}
              />
              <Button icon={<SaveOutlined />} onClick={saveCurrent} disabled={!filterName.trim()}>
                {t.saveFilter}
              </Button>
            </Space.Compact>
          </Space>
        }
        toolBarRender={() => [
          <Button
            key="export"
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportExcel()}
          >
            {exporting ? t.exporting : t.exportExcel}
          </Button>,
          hasRole(user, 'clerk') ? (
            <Link key="register" to="/cases/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t.register}
              </Button>
            </Link>
          ) : null,
        ]}
      />
    </PageContainer>
  );
}
