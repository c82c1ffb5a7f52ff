import { createReport, toReportJson } from '@gongkai/report/core';
import { ApiClient, createFakeFetch, healthAnswer, type FakeHandler } from '@gongkai/ui';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../app';

const agency = {
  id: '6f1c6a8e-7c53-4d5e-9b1a-2f4f1f3f9a01',
  code: 'pingtan-jiaotong',
  name: '平潭综合实验区交通与建设局',
};

const user = (roles: string[]) => ({
  user: {
    id: 'u1',
    username: roles[0],
    displayName: '测试用户',
    roles,
    agencyId: agency.id,
    agencyCode: agency.code,
    agencyName: agency.name,
  },
});

const i1 = {
  id: 'I1',
  ok: false,
  level: 'error',
  message: 'I1 总计列：一+二 ≠ 三（七）+四',
  cells: [{ section: '3', row: 'received', column: 'total' }],
};
const passed = { id: 'I2', ok: true, level: 'error', message: 'I2 通过', cells: [] };

function draft(over: Record<string, unknown> = {}) {
  const report = createReport({
    agency,
    year: 2023,
    texts: { overview: '（一）主动公开情况', problems: '', other: '' },
  });
  report.section3.rows['received'] = [5, 0, 0, 0, 0, 0, 5];
  return {
    agency,
    year: 2023,
    format: '2021',
    status: 'draft',
    revision: 3,
    texts: {
      preamble: '',
      overview: { proactive: '', onRequest: '', management: '', platform: '', supervision: '' },
      problems: '',
      other: '',
    },
    suggestions: {
      onRequest: '本年度共收到政府信息公开申请5件。',
      feeStatement: '本年度未收取信息处理费。',
    },
    section2Entered: true,
    report: toReportJson(report),
    checks: [i1, passed],
    blockers: [i1],
    crossYearNote: null,
    review: { comment: null, by: null, at: null },
    latestVersion: 0,
    versions: [],
    allowed: ['editTexts'],
    ...over,
  };
}

function renderStudio(routes: Record<string, FakeHandler>) {
  window.history.replaceState({}, '', '/studio?year=2023');
  const fetch = createFakeFetch({
    'GET /api/health': healthAnswer('up', 'up'),
    'GET /api/public/agencies': { body: [{ ...agency, children: [] }] },
    ...routes,
  });
  render(<App client={new ApiClient({ fetch })} />);
  return fetch;
}

describe('report studio', () => {
  beforeEach(() => window.localStorage.clear());

  it('shows the live draft, marks the cells of a failing check and keeps submission disabled', async () => {
    renderStudio({
      'GET /api/auth/me': { body: user(['clerk']) },
      'GET /api/reports/2023': { body: draft() },
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: '年度报告编制' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', {
        name: '平潭综合实验区交通与建设局2023年度政府信息公开工作年度报告',
      }),
    ).toBeInTheDocument();
    const cell = document.querySelector('[data-cell="3/received/total"]');
    expect(cell).toHaveTextContent('5');
    expect(cell).toHaveClass('report-cell-flagged');
    const checks = screen.getByTestId('checks-panel');
    expect(within(checks).getByTestId('check-I1')).toHaveTextContent('错误');
    expect(within(checks).getByText('有错误未解决，不能提交、审批或发布。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '提交审批' })).toBeDisabled();
    expect(screen.getByTestId('deadline-reminder')).toHaveTextContent('发布期限');
    expect(screen.getByTestId('deadline-reminder')).toHaveTextContent('2024年1月31日');
  });

  it('lets the clerk start 一 from the generated paragraph and save it', async () => {
    const fetch = renderStudio({
      'GET /api/auth/me': { body: user(['clerk']) },
      'GET /api/reports/2023': {
        body: draft({ checks: [passed], blockers: [], allowed: ['editTexts', 'submit'] }),
      },
      'PUT /api/reports/2023/texts': (req) => ({
        body: draft({
          texts: (req.body as { texts: unknown }).texts,
          revision: 4,
          checks: [passed],
          blockers: [],
          allowed: ['editTexts', 'submit'],
        }),
      }),
    });
    fireEvent.click(await screen.findByRole('tab', { name: '文字部分（一、五、六）' }));
    fireEvent.click(await screen.findByRole('button', { name: '插入生成的段落' }));
    expect(screen.getByLabelText('（二）依申请公开情况')).toHaveValue(
      '本年度共收到政府信息公开申请5件。',
    );
    fireEvent.click(screen.getByRole('button', { name: '保存文字' }));
    await waitFor(() => expect(fetch.calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = fetch.calls.find((c) => c.method === 'PUT');
    expect(put?.url).toContain('agency=pingtan-jiaotong');
    expect(put?.body).toMatchObject({
      expectedRevision: 3,
      texts: { overview: { onRequest: '本年度共收到政府信息公开申请5件。' } },
    });
  });

  it('lets a leader return with a comment, or approve', async () => {
    const fetch = renderStudio({
      'GET /api/auth/me': { body: user(['leader']) },
      'GET /api/reports/2023': {
        body: draft({
          status: 'submitted',
          checks: [passed],
          blockers: [],
          allowed: ['approve', 'return'],
        }),
      },
      'POST /api/reports/2023/approve': {
        body: draft({
          status: 'approved',
          checks: [passed],
          blockers: [],
          allowed: ['publish', 'return'],
        }),
      },
    });
    expect(await screen.findByTestId('report-status')).toHaveTextContent('已提交，待审批');
    expect(screen.getByRole('button', { name: '退回修改' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: '审批通过' }));
    await waitFor(() =>
      expect(screen.getByTestId('report-status')).toHaveTextContent('已审批，待发布'),
    );
    expect(screen.getByRole('button', { name: '发 布' })).toBeEnabled();
    expect(
      fetch.calls.some((c) => c.method === 'POST' && c.url.startsWith('/api/reports/2023/approve')),
    ).toBe(true);
  });

  it('shows a failing N1 with its sentence beside the cells, and publishes it only once the leader acknowledges it', async () => {
    const n1 = {
      id: 'N1',
      ok: false,
      level: 'error',
      message:
        'N1 不成立：正文“2023年共收到政府信息公开申请4件。”称4件，而表三“一、本年新收政府信息公开申请数量”总计为5',
      cells: [{ section: '3', row: 'received', column: 'total' }],
      sentence: '2023年共收到政府信息公开申请4件。',
    };
    const approved = draft({
      status: 'approved',
      checks: [passed, n1],
      blockers: [],
      allowed: ['publish', 'return'],
    });
    const fetch = renderStudio({
      'GET /api/auth/me': { body: user(['leader']) },
      'GET /api/reports/2023': { body: approved },
      'POST /api/reports/2023/publish': {
        body: { ...approved, status: 'published', latestVersion: 1, allowed: [] },
      },
    });
    const side = await screen.findByTestId('narrative-N1');
    expect(within(side).getByText('2023年共收到政府信息公开申请4件。')).toBeInTheDocument();
    expect(side).toHaveTextContent('三/一、本年新收政府信息公开申请数量/总计：5');
    const publish = screen.getByRole('button', { name: '发 布' });
    expect(publish).toBeDisabled();
    fireEvent.click(screen.getByTestId('narrative-ack'));
    expect(publish).toBeEnabled();
    fireEvent.click(publish);
    await waitFor(() => expect(screen.getByTestId('report-status')).toHaveTextContent('已发布'));
    const call = fetch.calls.find((c) => c.url.startsWith('/api/reports/2023/publish'));
    expect(call?.body).toEqual({ acknowledgeNarrative: true });
  });
});
