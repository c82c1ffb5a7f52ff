import type { FakeHandler } from '@gongkai/ui';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderDeskPage, TEST_AUDITOR as AUDITOR } from '../testing/render-desk';
import { JournalAudit } from './journal-audit';

const checkpoint = {
  id: '7',
  agencyCode: 'demo-district',
  takenAt: '2025-06-29T18:30:00.000Z',
  caseCount: 2,
  eventCount: 9,
  root: 'ab'.repeat(32),
  fingerprint: '12:34:56:78:9a:bc:de:f0:12:34:56:78:9a:bc:de:f0',
  publicKey: '-----BEGIN PUBLIC KEY-----\nMCow\n-----END PUBLIC KEY-----\n',
  downloadable: true,
};

function job(state: string, progress: object | number, result: unknown = null) {
  return {
    id: 'journal.verify__u1__x',
    name: 'journal.verify',
    state,
    progress,
    attemptsMade: 0,
    attempts: 1,
    result,
    failedReason: null,
    agencyId: 'a1',
    createdAt: null,
    processedAt: null,
    finishedAt: null,
  };
}

const audit = {
  ok: false,
  startedAt: '2025-06-30T02:00:00.000Z',
  finishedAt: '2025-06-30T02:00:01.000Z',
  agenciesChecked: 1,
  casesChecked: 2,
  eventsChecked: 9,
  findingCount: 2,
  findings: [
    {
      agencyId: 'a1',
      agencyCode: 'demo-district',
      caseId: 'c1',
      ref: '2025-0001',
      field: 'outcome',
      stored: 'disclosed',
      replayed: 'partially_disclosed',
      message: '处理结果与日志重放结果不符',
    },
    {
      agencyId: 'a1',
      agencyCode: 'demo-district',
      caseId: 'c9',
      ref: '2025-0009',
      field: 'checkpoint.case',
      stored: null,
      replayed: 4,
      message: '签名检查点中的案件已不存在（案件及其日志被删除）',
    },
  ],
  checkpoints: [],
};

describe('JournalAudit', () => {
  it('runs the verification as a job with a progress bar, then lists findings linked to their cases', async () => {
    let polls = 0;
    const jobs: FakeHandler = () => {
      polls += 1;
      return {
        body:
          polls === 1
            ? job('active', { casesTotal: 2, casesChecked: 1, eventsChecked: 5 })
            : job('completed', { casesTotal: 2, casesChecked: 2, eventsChecked: 9 }, audit),
      };
    };
    const fetch = renderDeskPage(<JournalAudit caseLinks />, {
      user: AUDITOR,
      routes: {
        'GET /api/journal/checkpoints': { body: { items: [checkpoint] } },
        'POST /api/journal/verifications': {
          status: 202,
          body: { jobId: 'journal.verify__u1__x' },
        },
        'GET /api/jobs/journal.verify__u1__x': jobs,
      },
    });
    const latest = await screen.findByTestId('journal-latest-checkpoint');
    expect(latest).toHaveTextContent(checkpoint.fingerprint);
    expect(latest).toHaveTextContent(checkpoint.root);
    expect(screen.getByRole('button', { name: /下载检查点文件/ })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /开始重放校验/ }));
    expect(await screen.findByText('已校验 1/2 件，5 条记录')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');

    const findings = await screen.findByTestId('journal-audit-findings', {}, { timeout: 5000 });
    expect(findings).toHaveTextContent('发现 2 处问题');
    expect(within(findings).getByRole('link', { name: '2025-0001' })).toHaveAttribute(
      'href',
      '/cases/c1',
    );
    // An erased case has no page to open.
    expect(within(findings).queryByRole('link', { name: /2025-0009/ })).not.toBeInTheDocument();
    expect(within(findings).getByText(/2025-0009/)).toHaveTextContent('（已删除）');
    expect(fetch.calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      '/api/journal/verifications',
    ]);
  });

  it('says when there is no checkpoint yet', async () => {
    renderDeskPage(<JournalAudit caseLinks />, {
      user: AUDITOR,
      routes: { 'GET /api/journal/checkpoints': { body: { items: [] } } },
    });
    expect(await screen.findByText(/尚无签名检查点/)).toBeInTheDocument();
  });
});
