import type { JobView, LedgerImportReport } from '@gongkai/contracts';
import type { FakeAnswer } from '@gongkai/ui';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderDeskPage } from '../testing/render-desk';
import { ImportLedgerTab, progressPercent } from './import-ledger';

const JOB_ID = 'ledger.import__a1__4f2a';

const job = (fields: Partial<JobView>): JobView => ({
  id: JOB_ID,
  name: 'ledger.import',
  state: 'active',
  progress: 0,
  attemptsMade: 0,
  attempts: 3,
  result: null,
  failedReason: null,
  agencyId: 'a1',
  createdAt: '2025-06-30T02:00:00.000Z',
  processedAt: null,
  finishedAt: null,
  ...fields,
});

const report = (fields: Partial<LedgerImportReport>): LedgerImportReport => ({
  committed: true,
  lines: 3,
  imported: 3,
  unchanged: 0,
  rejected: [],
  flagged: [],
  proceedings: 0,
  ...fields,
});

/** The tab with a job that answers each poll with the next of `answers` (the last one repeats). */
function renderImport(answers: JobView[]) {
  let polls = 0;
  return renderDeskPage(<ImportLedgerTab />, {
    routes: {
      'POST /api/imports/jobs': { status: 202, body: { jobId: JOB_ID } },
      [`GET /api/jobs/${JOB_ID}`]: (): FakeAnswer => ({
        body: answers[Math.min(polls++, answers.length - 1)],
      }),
    },
  });
}

async function upload(file: File) {
  await screen.findByText('选择台账文件');
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  fireEvent.change(input, { target: { files: [file] } });
  expect(await screen.findByText(file.name)).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: /开始导入/ }));
}

const jsonl = (text: string) => new File([text], '台账.jsonl', { type: 'application/jsonl' });

describe('ImportLedgerTab', () => {
  it('opens the workbook format with its synonym table, and names the columns it did not read', async () => {
    renderImport([
      job({
        state: 'completed',
        progress: { phase: 'importing', done: 2, total: 2 },
        result: report({ lines: 2, imported: 2, ignoredColumns: ['经办人', '联系电话'] }),
      }),
    ]);
    fireEvent.click(await screen.findByTestId('ledger-workbook-doc'));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText(/挂号信/)).toHaveTextContent(
      '| `channel` | 邮寄, 信函, 挂号信',
    );
    await upload(new File(['x'], '台账.xlsx'));
    expect(
      await screen.findByText('以下列未能识别，未读取：“经办人”、“联系电话”'),
    ).toBeInTheDocument();
  });

  it('starts the job, shows the phase and a progress bar while polling, then the imported count', async () => {
    const fetch = renderImport([
      job({ progress: { phase: 'validating', done: 1, total: 4 } }),
      job({ progress: { phase: 'importing', done: 3, total: 4 } }),
      job({
        state: 'completed',
        progress: { phase: 'importing', done: 4, total: 4 },
        result: report({ lines: 5, imported: 4, unchanged: 1 }),
      }),
    ]);
    await upload(jsonl('{"ref":"1"}\n{"ref":"2"}'));
    await waitFor(() =>
      expect(fetch.calls.find((c) => c.method === 'POST')?.body).toEqual({
        jsonl: '{"ref":"1"}\n{"ref":"2"}',
      }),
    );
    const bar = await screen.findByTestId('import-progress');
    expect(await within(bar).findByText(/校验中/)).toHaveTextContent('校验中（第 1 / 4 行）');
    expect(within(bar).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    expect(await within(bar).findByText(/导入中/)).toHaveTextContent('导入中（第 3 / 4 行）');
    expect(await screen.findByText('导入完成：新导入 4 件，已有未变 1 件')).toBeInTheDocument();
    expect(within(bar).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    const polls = fetch.calls.filter((c) => c.url === `/api/jobs/${JOB_ID}`).length;
    await new Promise((r) => setTimeout(r, 1500));
    // A finished job is not asked about again.
    expect(fetch.calls.filter((c) => c.url === `/api/jobs/${JOB_ID}`)).toHaveLength(polls);
  });

  it('lists every rejected line with its ref and reason when nothing was imported', async () => {
    renderImport([
      job({
        state: 'completed',
        progress: { phase: 'validating', done: 5, total: 5 },
        result: report({
          committed: false,
          lines: 5,
          imported: 0,
          rejected: [
            { line: 2, ref: '2025-102', reason: 'channel：无效的申请方式' },
            { line: 4, ref: '2025-104', reason: '答复决定日期早于收到申请之日' },
            { line: 5, ref: null, reason: '不是有效的 JSON' },
          ],
        }),
      }),
    ]);
    await upload(jsonl('x'));
    expect(
      await screen.findByText('台账有 3 行不能导入，未导入任何一行。请修改后重新上传。'),
    ).toBeInTheDocument();
    const rows = screen.getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['2', '2025-102', 'channel：无效的申请方式'],
      ['4', '2025-104', '答复决定日期早于收到申请之日'],
      ['5', '—', '不是有效的 JSON'],
    ]);
  });

  it('says clearly that a failed import did not finish, without offering a retry', async () => {
    renderImport([
      job({
        state: 'failed',
        attemptsMade: 1,
        failedReason: '无法读取 Excel 台账：请上传 .xlsx 文件，第一行为列名',
      }),
    ]);
    await upload(jsonl('x'));
    expect(
      await screen.findByText('导入未完成：无法读取 Excel 台账：请上传 .xlsx 文件，第一行为列名'),
    ).toBeInTheDocument();
    expect(screen.getByText(/请检查文件后重新上传/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /重试|retry/i })).toBeNull();
  });

  it('sends an Excel ledger as base64, with skipInvalid when chosen', async () => {
    const fetch = renderImport([job({ state: 'completed', result: report({}) })]);
    await screen.findByText('选择台账文件');
    fireEvent.click(screen.getByLabelText('跳过有误的行，导入其余各行'));
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff]);
    await upload(new File([bytes], 'ledger.xlsx'));
    await waitFor(() =>
      expect(fetch.calls.find((c) => c.method === 'POST')?.body).toEqual({
        xlsxBase64: Buffer.from(bytes).toString('base64'),
        skipInvalid: true,
      }),
    );
  });

  it('shows the API’s message when the job cannot be queued', async () => {
    renderDeskPage(<ImportLedgerTab />, {
      routes: {
        'POST /api/imports/jobs': {
          status: 503,
          body: { statusCode: 503, message: '任务队列暂时不可用（无法连接 Redis），请稍后再试' },
        },
      },
    });
    await upload(jsonl('x'));
    expect(await screen.findByText(/任务队列暂时不可用/)).toBeInTheDocument();
  });

  it('counts an empty phase as done', () => {
    expect(progressPercent(null)).toBe(0);
    expect(progressPercent({ phase: 'importing', done: 0, total: 0 })).toBe(100);
    expect(progressPercent({ phase: 'validating', done: 1, total: 3 })).toBe(33);
  });
});
