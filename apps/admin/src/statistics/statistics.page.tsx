import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import type { Section2View, StatisticsCell, StatisticsView } from '@gongkai/contracts';
import {
  createReport,
  emptySection2,
  formatForYear,
  reportTables,
  type AnnualReport,
  type LayoutCell,
  type Section2,
} from '@gongkai/report/core';
import { formatMessage, useApiClient, useLocale, useMessages } from '@gongkai/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  InputNumber,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { hasRole } from '../auth/desk-user';
import { useDeskUser } from '../auth/session.context';
import { applyApiError } from '../common/api-form-errors';
import {
  outcomeLabel,
  proceedingKindLabel,
  proceedingResultLabel,
  stateLabel,
} from '../common/catalogue-labels';
import { saveBlob } from '../common/download';
import { serverMessage } from '../common/server-messages';
import { useScopeAgencies } from '../common/scope-agencies';
import { currentYear } from '../common/today';
import { statisticsMessages } from './statistics.messages';
import { ReportTable } from './report-table';

/** 统计: sections 三 and 四 live, in the official layout of libs/report; 二 entered by hand. */
export function StatisticsPage() {
  const t = useMessages(statisticsMessages);
  const { locale } = useLocale();
  const client = useApiClient();
  const queries = useQueryClient();
  const user = useDeskUser();
  const { message } = App.useApp();
  const [year, setYear] = useState(currentYear());
  const [subtree, setSubtree] = useState(false);
  const [cell, setCell] = useState<{ row: string; column: string; text: string }>();
  const [draft2, setDraft2] = useState<Section2>();
  const [saving, setSaving] = useState(false);
  const { supervising, agencies } = useScopeAgencies();
  // A supervisor reads one of its agencies (the API takes its code); the default is its own.
  const [agencyId, setAgencyId] = useState(user.agencyId);
  const chosen = agencies.find((a) => a.id === agencyId);
  const agencyCode = chosen && chosen.id !== user.agencyId ? chosen.code : undefined;
  const ownAgency = agencyId === user.agencyId;

  const stats = useQuery({
    queryKey: ['statistics', year, subtree, agencyCode],
    queryFn: () =>
      client.get<StatisticsView>(`/statistics/${year}`, {
        query: { subtree: subtree ? 'true' : undefined, agency: agencyCode },
      }),
  });
  const section2 = useQuery({
    queryKey: ['section2', year, agencyId],
    queryFn: () =>
      client.get<Section2View>(`/section2/${year}`, {
        query: { agencyId: ownAgency ? undefined : agencyId },
      }),
    // The API stores what putSection2Schema accepted: the report model's section 二 of the format.
    select: (view) => ({ ...view, figures: view.figures as Section2 | null }),
  });
  const drill = useQuery({
    queryKey: ['statistics', year, subtree, agencyCode, 'cell', cell?.row, cell?.column],
    enabled: !!cell,
    queryFn: () =>
      client.get<StatisticsCell>(`/statistics/${year}/cells`, {
        query: {
          row: cell?.row,
          column: cell?.column,
          subtree: subtree ? 'true' : undefined,
          agency: agencyCode,
        },
      }),
  });

  const report: AnnualReport | undefined = useMemo(() => {
    if (!stats.data) return undefined;
    const format = stats.data.format ?? formatForYear(year);
    return createReport({
      agency: { code: stats.data.agency.code, name: stats.data.agency.name },
      year,
      format,
      section2: draft2 ?? section2.data?.figures ?? emptySection2(format, 0),
      section3: stats.data.section3,
      section4: stats.data.section4,
    });
  }, [stats.data, section2.data, draft2, year]);
  const tables = useMemo(() => (report ? reportTables(report) : undefined), [report]);

  const clickable = (c: LayoutCell) =>
    c.ref ? (
      <Button
        type="link"
        size="small"
        style={{ padding: 0, height: 'auto' }}
        onClick={() =>
          setCell({ row: c.ref?.row ?? '', column: c.ref?.column ?? '', text: c.text })
        }
        aria-label={`${c.ref.row} ${c.ref.column}`}
      >
        {c.text || '0'}
      </Button>
    ) : (
      c.text
    );

  const editable = (c: LayoutCell) => {
    if (!draft2 || !c.ref) return c.text;
    const { row, column } = c.ref;
    const figures = draft2 as unknown as Record<string, Record<string, number | null>>;
    return (
      <InputNumber
        size="small"
        aria-label={`${row}.${column}`}
        value={figures[row]?.[column] ?? null}
        precision={c.decimal ? 4 : 0}
        min={c.text.startsWith('+') || c.text.startsWith('-') ? undefined : 0}
        style={{ width: 90 }}
        onChange={(v) =>
          setDraft2({
            ...(draft2 as object),
            [row]: { ...(figures[row] ?? {}), [column]: v },
          } as unknown as Section2)
        }
      />
    );
  };

  const save2 = async () => {
    if (!draft2 || !report) return;
    setSaving(true);
    try {
      await client.put(`/section2/${year}`, { format: report.format, figures: draft2 });
      void message.success(t.saved);
      setDraft2(undefined);
      void queries.invalidateQueries({ queryKey: ['section2', year] });
    } catch (error) {
      void message.error(applyApiError(undefined, error, '', locale));
    } finally {
      setSaving(false);
    }
  };

  const [exporting, setExporting] = useState(false);
  const exportExcel = async () => {
    if (!report) return;
    setExporting(true);
    try {
      // exceljs is most of the report library's weight: fetched on the first export, not with the page.
      const { renderXlsx } = await import('@gongkai/report');
      const bytes = await renderXlsx(report);
      saveBlob(
        new Blob([bytes as Uint8Array<ArrayBuffer>], {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }),
        `${report.agency.name}-${year}年政府信息公开统计.xlsx`,
      );
    } catch (error) {
      void message.error(serverMessage(error, locale));
    } finally {
      setExporting(false);
    }
  };

  const years = Array.from({ length: 8 }, (_, i) => currentYear() - i);
  return (
    <PageContainer
      title={t.title}
      content={t.intro}
      extra={
        <Space wrap>
          <Select
            aria-label={t.year}
            value={year}
            onChange={(v) => {
              setYear(v);
              setDraft2(undefined);
            }}
            options={years.map((y) => ({ value: y, label: `${y}` }))}
          />
          {supervising ? (
            <Select
              aria-label={t.agency}
              style={{ minWidth: 200 }}
              value={agencies.length ? agencyId : undefined}
              placeholder={user.agencyName}
              onChange={(v: string) => {
                setAgencyId(v);
                setDraft2(undefined);
              }}
              options={agencies.map((a) => ({ value: a.id, label: a.name }))}
            />
          ) : null}
          {supervising ? (
            <Space>
              <Switch checked={subtree} onChange={setSubtree} aria-label={t.subtree} />
              {t.subtree}
            </Space>
          ) : null}
          <Button
            icon={<DownloadOutlined />}
            disabled={!report}
            loading={exporting}
            onClick={() => void exportExcel()}
          >
            {t.exportExcel}
          </Button>
        </Space>
      }
    >
      {stats.isError ? (
        <Alert type="error" showIcon title={serverMessage(stats.error, locale)} />
      ) : null}
      {!tables ? (
        stats.isPending ? (
          <Spin style={{ display: 'block', margin: '64px auto' }} />
        ) : null
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t.section3}>
            <ReportTable table={tables.section3} renderValue={clickable} testId="section3-table" />
            {stats.data ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                {formatMessage(t.fees, {
                  amount: stats.data.fees.amountYuan,
                  notices: stats.data.fees.noticeCount,
                  unpaid: stats.data.fees.unpaidCount,
                })}
              </Typography.Paragraph>
            ) : null}
          </Card>
          <Card title={t.section4}>
            <ReportTable table={tables.section4} renderValue={clickable} testId="section4-table" />
          </Card>
          <Card
            title={t.section2}
            extra={
              // Section 二 is entered by the agency's own clerks, never by a supervisor for it.
              hasRole(user, 'clerk') && ownAgency ? (
                draft2 ? (
                  <Space>
                    <Button onClick={() => setDraft2(undefined)}>{t.cancel}</Button>
                    <Button type="primary" loading={saving} onClick={() => void save2()}>
                      {t.save}
                    </Button>
                  </Space>
                ) : (
                  <Button
                    icon={<EditOutlined />}
                    onClick={() =>
                      setDraft2(
                        structuredClone(
                          section2.data?.figures ?? emptySection2(report?.format ?? '2021', 0),
                        ) as Section2,
                      )
                    }
                  >
                    {t.edit}
                  </Button>
                )
              ) : null
            }
          >
            {section2.data && !section2.data.figures ? (
              <Alert type="info" showIcon title={t.notEntered} style={{ marginBottom: 12 }} />
            ) : null}
            <Space orientation="vertical" style={{ width: '100%' }}>
              {tables.section2.map((table, i) => (
                <ReportTable key={i} table={table} renderValue={draft2 ? editable : undefined} />
              ))}
            </Space>
          </Card>
        </Space>
      )}
      <Drawer
        open={!!cell}
        width={720}
        onClose={() => setCell(undefined)}
        title={drill.data ? formatMessage(t.cellTitle, { n: drill.data.count }) : cell?.text}
      >
        {drill.isError ? (
          <Alert type="error" showIcon title={serverMessage(drill.error, locale)} />
        ) : null}
        {drill.data?.section === '3' ? (
          <Table
            size="small"
            rowKey="id"
            data-testid="cell-cases"
            dataSource={drill.data.cases}
            pagination={{ pageSize: 50 }}
            columns={[
              {
                title: t.ref,
                dataIndex: 'ref',
                render: (ref: string, c) => <Link to={`/cases/${c.id}`}>{ref}</Link>,
              },
              { title: t.receivedOn, dataIndex: 'receivedOn' },
              {
                title: t.decidedOn,
                dataIndex: 'decidedOn',
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t.outcome,
                dataIndex: 'outcome',
                render: (v: string | null) => outcomeLabel(v, locale) || '—',
              },
              { title: t.state, dataIndex: 'state', render: (v: string) => stateLabel(v, locale) },
            ]}
          />
        ) : drill.data?.section === '4' ? (
          <Table
            size="small"
            rowKey="id"
            dataSource={drill.data.proceedings}
            pagination={false}
            columns={[
              {
                title: t.ref,
                dataIndex: 'caseRef',
                render: (ref: string | null, p) =>
                  p.caseId ? <Link to={`/cases/${p.caseId}`}>{ref}</Link> : '—',
              },
              {
                title: t.kind,
                dataIndex: 'kind',
                render: (v: string) => proceedingKindLabel(v, locale),
              },
              { title: t.filedOn, dataIndex: 'filedOn' },
              {
                title: t.result,
                dataIndex: 'result',
                render: (v: string | null) => proceedingResultLabel(v ?? 'pending', locale),
              },
            ]}
          />
        ) : (
          <Spin />
        )}
      </Drawer>
    </PageContainer>
  );
}
