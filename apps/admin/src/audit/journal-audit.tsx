import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type {
  JobView,
  JournalAuditView,
  JournalCheckpointsResponse,
  JournalCheckpointView,
  JournalFindingView,
  JournalVerificationAccepted,
  JournalVerifyProgress,
} from '@gongkai/contracts';
import { defineMessages, formatMessage, useApiClient, useMessages } from '@gongkai/ui';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Progress,
  Result,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useServerMessage } from '../common/server-messages';
import { shanghaiTime } from '../common/today';
import { saveBlob } from '../common/download';
import { CaseRef } from './case-ref';

/** How often the desk asks GET /api/jobs/:id while the verification runs. */
export const JOURNAL_POLL_MS = 1000;

const messages = defineMessages(
  {
    title: '重放校验（对照签名检查点）',
    intro:
      '逐件按状态机重放办理记录，与案件记录（状态、处理结果、决定和送达日期、期限、收费、版本）比对，并对照最近的签名检查点：即使有人能直接改写数据库，被改动、删减或整件删除的案件也会在此列出。',
    start: '开始重放校验',
    waiting: '等待后台任务开始…',
    progress: '已校验 {cases}/{total} 件，{events} 条记录',
    ok: '校验通过：{agencies} 个机关、{cases} 件案件、{events} 条记录，未发现问题',
    found: '发现 {n} 处问题',
    failed: '校验任务失败：{reason}',
    agency: '机关',
    caseRef: '案件',
    field: '项目',
    stored: '库中',
    replayed: '日志/检查点',
    message: '说明',
    checkpoint: '最近的签名检查点',
    none: '尚无签名检查点（每晚自动生成，或运行 gongkai checkpoint）',
    takenAt: '时间',
    scope: '范围',
    allAgencies: '全部机关',
    fingerprint: '签名公钥指纹',
    root: '默克尔根',
    counts: '案件/记录',
    countsValue: '{cases} 件 / {events} 条',
    download: '下载检查点文件',
    history: '历次检查点',
    erased: '（已删除）',
  },
  {
    title: 'Replay audit (against the signed checkpoint)',
    intro:
      'Every case is replayed through the machine and compared with its row (state, outcome, decision and service dates, deadlines, fee, version), then with the latest signed checkpoint: cases changed, cut short or erased even directly in the database are listed here.',
    start: 'Start the replay audit',
    waiting: 'Waiting for the background job to start…',
    progress: '{cases}/{total} cases, {events} entries checked',
    ok: 'Verified: {agencies} agencies, {cases} cases, {events} entries, nothing found',
    found: '{n} findings',
    failed: 'The verification job failed: {reason}',
    agency: 'Agency',
    caseRef: 'Case',
    field: 'Field',
    stored: 'Stored',
    replayed: 'Journal / checkpoint',
    message: 'Meaning',
    checkpoint: 'Latest signed checkpoint',
    none: 'No signed checkpoint yet (taken nightly, or run gongkai checkpoint)',
    takenAt: 'Taken',
    scope: 'Scope',
    allAgencies: 'All agencies',
    fingerprint: 'Signer key fingerprint',
    root: 'Merkle root',
    counts: 'Cases / entries',
    countsValue: '{cases} / {events}',
    download: 'Download checkpoint file',
    history: 'Checkpoints',
    erased: '(erased)',
  },
);

const finished = (job: JobView | undefined) =>
  job?.state === 'completed' || job?.state === 'failed';

function progressOf(job: JobView | undefined): JournalVerifyProgress | null {
  const p = job?.progress as Partial<JournalVerifyProgress> | undefined;
  return p && typeof p === 'object' && typeof p.casesChecked === 'number'
    ? (p as JournalVerifyProgress)
    : null;
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function Findings({ audit, caseLinks }: { audit: JournalAuditView; caseLinks: boolean }) {
  const t = useMessages(messages);
  if (audit.ok) {
    return (
      <Result
        status="success"
        data-testid="journal-audit-ok"
        title={formatMessage(t.ok, {
          agencies: audit.agenciesChecked,
          cases: audit.casesChecked,
          events: audit.eventsChecked,
        })}
      />
    );
  }
  return (
    <Result
      status="error"
      data-testid="journal-audit-findings"
      title={formatMessage(t.found, { n: audit.findingCount })}
    >
      <Table<JournalFindingView>
        size="small"
        rowKey={(f) => `${f.caseId}|${f.field}|${shown(f.stored)}`}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        dataSource={audit.findings}
        columns={[
          { title: t.agency, dataIndex: 'agencyCode' },
          {
            title: t.caseRef,
            dataIndex: 'ref',
            // A case that no longer has a row cannot be opened: its ref comes from the journal.
            render: (ref: string, f) =>
              f.field === 'case' || f.field === 'checkpoint.case' || !f.caseId ? (
                <span>
                  {ref || '—'}
                  {f.caseId ? t.erased : ''}
                </span>
              ) : (
                <CaseRef caseId={f.caseId} caseRef={ref} link={caseLinks} />
              ),
          },
          { title: t.field, dataIndex: 'field' },
          { title: t.stored, dataIndex: 'stored', render: shown },
          { title: t.replayed, dataIndex: 'replayed', render: shown },
          { title: t.message, dataIndex: 'message' },
        ]}
      />
    </Result>
  );
}

function Checkpoints() {
  const t = useMessages(messages);
  const errorText = useServerMessage();
  const client = useApiClient();
  const { message } = App.useApp();
  const list = useQuery({
    queryKey: ['journal', 'checkpoints'],
    queryFn: () => client.get<JournalCheckpointsResponse>('/journal/checkpoints'),
  });
  const download = async (c: JournalCheckpointView) => {
    try {
      const blob = await client.blob(`/journal/checkpoints/${encodeURIComponent(c.id)}/file`);
      saveBlob(blob, `journal-checkpoint-${c.agencyCode ?? 'all'}-${c.takenAt}.json`);
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const latest = list.data?.items[0];
  return (
    <Card size="small" title={t.checkpoint} style={{ marginBottom: 16 }}>
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      {list.data && !latest ? <Typography.Text type="secondary">{t.none}</Typography.Text> : null}
      {latest ? (
        <Descriptions size="small" column={1} data-testid="journal-latest-checkpoint">
          <Descriptions.Item label={t.takenAt}>{shanghaiTime(latest.takenAt)}</Descriptions.Item>
          <Descriptions.Item label={t.scope}>
            {latest.agencyCode ?? t.allAgencies}
          </Descriptions.Item>
          <Descriptions.Item label={t.fingerprint}>
            <Typography.Text code>{latest.fingerprint}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t.root}>
            <Typography.Text code copyable>
              {latest.root}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t.counts}>
            {formatMessage(t.countsValue, { cases: latest.caseCount, events: latest.eventCount })}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      {list.data && list.data.items.length ? (
        <Table<JournalCheckpointView>
          size="small"
          rowKey="id"
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          dataSource={list.data.items}
          columns={[
            { title: t.takenAt, dataIndex: 'takenAt', render: (v: string) => shanghaiTime(v) },
            {
              title: t.scope,
              dataIndex: 'agencyCode',
              render: (v: string | null) => v ?? t.allAgencies,
            },
            { title: t.fingerprint, dataIndex: 'fingerprint' },
            {
              title: '',
              key: 'download',
              render: (_: unknown, c) =>
                c.downloadable ? (
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() => void download(c)}
                    aria-label={`${t.download} ${c.takenAt}`}
                  >
                    {t.download}
                  </Button>
                ) : null,
            },
          ]}
        />
      ) : null}
    </Card>
  );
}

/**
 * 日志校验的重放部分：POST /api/journal/verifications 启动后台任务，进度条读 GET /api/jobs/:id；
 * 问题逐条链接到案件；最近的签名检查点及其文件下载。
 * The replay part of 日志校验: the job with its progress bar, findings linked to their cases,
 * the latest signed checkpoint and its files.
 */
export function JournalAudit({ caseLinks }: { caseLinks: boolean }) {
  const t = useMessages(messages);
  const errorText = useServerMessage();
  const client = useApiClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string>();
  const job = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => client.get<JobView>(`/jobs/${encodeURIComponent(jobId ?? '')}`),
    enabled: jobId !== null,
    refetchInterval: (query) => (finished(query.state.data) ? false : JOURNAL_POLL_MS),
  });
  const running = starting || (jobId !== null && !finished(job.data));
  const progress = progressOf(job.data);

  const start = async () => {
    setStarting(true);
    setError(undefined);
    try {
      const accepted = await client.post<JournalVerificationAccepted>('/journal/verifications');
      setJobId(accepted.jobId);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setStarting(false);
    }
  };

  return (
    <div data-testid="journal-audit">
      <Typography.Title level={5}>{t.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Checkpoints />
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={running}
          onClick={() => void start()}
        >
          {t.start}
        </Button>
        {error ? <Alert type="error" showIcon title={error} /> : null}
        {jobId !== null && !finished(job.data) ? (
          progress ? (
            <div>
              <Progress
                percent={
                  progress.casesTotal
                    ? Math.floor((progress.casesChecked * 100) / progress.casesTotal)
                    : 100
                }
                aria-label={t.title}
              />
              <Typography.Text type="secondary">
                {formatMessage(t.progress, {
                  cases: progress.casesChecked,
                  total: progress.casesTotal,
                  events: progress.eventsChecked,
                })}
              </Typography.Text>
            </div>
          ) : (
            <Typography.Text type="secondary">{t.waiting}</Typography.Text>
          )
        ) : null}
        {job.data?.state === 'failed' ? (
          <Alert
            type="error"
            showIcon
            title={formatMessage(t.failed, { reason: job.data.failedReason ?? '' })}
          />
        ) : null}
        {job.data?.state === 'completed' && job.data.result ? (
          <Findings audit={job.data.result as JournalAuditView} caseLinks={caseLinks} />
        ) : null}
      </Space>
    </div>
  );
}
