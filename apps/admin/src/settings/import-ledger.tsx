import { UploadOutlined } from '@ant-design/icons';
import {
  ledgerImportProgressSchema,
  type JobView,
  type LedgerImportJobAccepted,
  type LedgerImportProgress,
  type LedgerImportReport,
  type LedgerLineError,
} from '@gongkai/contracts';
import { formatMessage, useApiClient, useLocale, useMessages } from '@gongkai/ui';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Drawer,
  Progress,
  Space,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
// The project's own documentation of the workbook rules and synonyms, bundled as text: one file
// serves readers of docs/ and clerks on the import page (it is not a project, so the rule misreads it).
// eslint-disable-next-line @nx/enforce-module-boundaries
import LEDGER_WORKBOOK_DOC from '../../../../docs/ledger-workbook.md?raw';
import { applyApiError } from '../common/api-form-errors';
import { importLedgerMessages } from './import-ledger.messages';

/** How often the desk asks GET /api/jobs/:id while an import runs. */
export const IMPORT_POLL_MS = 1000;

const finished = (job: JobView | undefined) =>
  job?.state === 'completed' || job?.state === 'failed';

/** What the worker last reported, or null while the job waits for a worker. */
export function importProgress(job: JobView | undefined): LedgerImportProgress | null {
  const parsed = ledgerImportProgressSchema.safeParse(job?.progress);
  return parsed.success ? parsed.data : null;
}

export function progressPercent(progress: LedgerImportProgress | null): number {
  if (!progress) return 0;
  return progress.total ? Math.floor((progress.done * 100) / progress.total) : 100;
}

/** A file's text, or its bytes in base64 (FileReader: every browser, and jsdom in the specs). */
function readFile(file: Blob, as: 'text' | 'base64'): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result ?? '');
      resolve(as === 'text' ? result : result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    if (as === 'text') reader.readAsText(file, 'utf-8');
    else reader.readAsDataURL(file);
  });
}

/** The request body of POST /api/imports/jobs for a .jsonl or .xlsx file. */
export async function importBody(file: File, skipInvalid: boolean) {
  const ledger = /\.xlsx$/i.test(file.name)
    ? { xlsxBase64: await readFile(file, 'base64') }
    : { jsonl: await readFile(file, 'text') };
  return skipInvalid ? { ...ledger, skipInvalid } : ledger;
}

function RejectedLines({ rows }: { rows: LedgerLineError[] }) {
  const t = useMessages(importLedgerMessages);
  return (
    <Table<LedgerLineError>
      size="small"
      rowKey="line"
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        { title: t.line, dataIndex: 'line', width: 80 },
        { title: t.ref, dataIndex: 'ref', width: 140, render: (ref: string | null) => ref ?? '—' },
        { title: t.reason, dataIndex: 'reason' },
      ]}
    />
  );
}

function ImportResult({ job }: { job: JobView }) {
  const t = useMessages(importLedgerMessages);
  if (job.state === 'failed') {
    // No retry button: the reason says what to fix, and uploading again starts over safely.
    return (
      <Alert
        type="error"
        showIcon
        title={formatMessage(t.failed, { reason: job.failedReason ?? '' })}
        description={t.failedHint}
      />
    );
  }
  const report = job.result as LedgerImportReport;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {report.committed ? (
        <Alert
          type="success"
          showIcon
          title={formatMessage(t.done, { imported: report.imported, unchanged: report.unchanged })}
          description={
            report.flagged.length
              ? formatMessage(t.flagged, { count: report.flagged.length })
              : undefined
          }
        />
      ) : (
        <Alert
          type="error"
          showIcon
          title={formatMessage(t.rejectedNothing, { count: report.rejected.length })}
        />
      )}
      {report.ignoredColumns?.length ? (
        <Alert
          type="info"
          showIcon
          title={formatMessage(t.ignoredColumns, {
            columns: report.ignoredColumns.map((c) => `“${c}”`).join('、'),
          })}
        />
      ) : null}
      {report.committed && report.rejected.length ? (
        <Alert
          type="warning"
          showIcon
          title={formatMessage(t.rejectedSkipped, { count: report.rejected.length })}
        />
      ) : null}
      {report.rejected.length ? <RejectedLines rows={report.rejected} /> : null}
    </Space>
  );
}

/** 导入台账: uploads a ledger as a `ledger.import` job and follows it to its report. */
export function ImportLedgerTab() {
  const t = useMessages(importLedgerMessages);
  const { locale } = useLocale();
  const client = useApiClient();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string>();
  const [formatOpen, setFormatOpen] = useState(false);
  const job = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => client.get<JobView>(`/jobs/${encodeURIComponent(jobId ?? '')}`),
    enabled: jobId !== null,
    refetchInterval: (query) => (finished(query.state.data) ? false : IMPORT_POLL_MS),
  });
  const running = jobId !== null && !finished(job.data);

  const choose = (next: File | null) => {
    setFile(next);
    setJobId(null);
    setError(undefined);
  };
  const start = async () => {
    if (!file) return;
    setStarting(true);
    setError(undefined);
    try {
      const accepted = await client.post<LedgerImportJobAccepted>(
        '/imports/jobs',
        await importBody(file, skipInvalid),
      );
      setJobId(accepted.jobId);
    } catch (e) {
      setError(applyApiError(undefined, e, '', locale));
    } finally {
      setStarting(false);
    }
  };

  const progress = importProgress(job.data);
  const done = finished(job.data);
  const failed =
    job.data?.state === 'failed' ||
    (job.data?.result as LedgerImportReport | null | undefined)?.committed === false;

  return (
    <Card>
      <Typography.Paragraph type="secondary">
        {t.intro}{' '}
        <Typography.Link onClick={() => setFormatOpen(true)} data-testid="ledger-workbook-doc">
          {t.workbookFormat}
        </Typography.Link>
      </Typography.Paragraph>
      <Drawer
        open={formatOpen}
        onClose={() => setFormatOpen(false)}
        title={t.workbookFormat}
        size="large"
      >
        <pre style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>{LEDGER_WORKBOOK_DOC}</pre>
      </Drawer>
      <Space wrap align="start" style={{ marginBottom: 16 }}>
        <Upload
          accept=".jsonl,.xlsx"
          maxCount={1}
          fileList={file ? [{ uid: 'ledger', name: file.name, status: 'done' }] : []}
          beforeUpload={(f) => {
            choose(f);
            return false;
          }}
          onRemove={() => choose(null)}
          disabled={running}
        >
          <Button icon={<UploadOutlined />} disabled={running}>
            {t.choose}
          </Button>
        </Upload>
        <Checkbox
          checked={skipInvalid}
          disabled={running}
          onChange={(e) => setSkipInvalid(e.target.checked)}
        >
          {t.skipInvalid}
        </Checkbox>
        <Button
          type="primary"
          disabled={!file || running}
          loading={starting}
          onClick={() => void start()}
        >
          {t.start}
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {jobId ? (
        <div data-testid="import-progress" style={{ marginBottom: 16 }}>
          {done ? null : (
            <Typography.Text>
              {progress ? (progress.phase === 'validating' ? t.validating : t.importing) : t.queued}
              {progress?.total
                ? `（${formatMessage(t.lines, { done: progress.done, total: progress.total })}）`
                : null}
            </Typography.Text>
          )}
          <Progress
            percent={done ? 100 : progressPercent(progress)}
            status={done ? (failed ? 'exception' : 'success') : 'active'}
          />
        </div>
      ) : null}
      {job.data && done ? <ImportResult job={job.data} /> : null}
    </Card>
  );
}
