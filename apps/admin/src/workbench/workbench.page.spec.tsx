import type { DashboardFigures } from '@gongkai/contracts';
import { screen, within } from '@testing-library/react';
import { renderDeskPage, TEST_AUDITOR } from '../testing/render-desk';
import { caseListItem } from '../testing/case-fixtures';
import { currentYear } from '../common/today';
import { WorkbenchPage } from './workbench.page';

// ECharts ships as ES modules jest does not load: the stand-in keeps each chart's option, which is
// what the page decides (ECharts only draws it).
interface ChartProps {
  label: string;
  option: {
    legend?: { show?: boolean };
    series: {
      data: { name?: string; value: number }[];
      pointer?: { length: string };
      detail?: { offsetCenter: [number, string] };
    }[];
  };
}
const mockCharts: ChartProps[] = [];
jest.mock('../common/echart', () => ({
  EChart: (props: ChartProps) => {
    mockCharts.push(props);
    return null;
  },
}));
const lastChart = (label: string) => {
  const found = mockCharts.filter((c) => c.label === label);
  return found[found.length - 1];
};

const item = caseListItem;

const NO_FIGURES: DashboardFigures = {
  year: 2025,
  intake: [],
  outcomes: [],
  timeliness: { served: 0, late: 0 },
  open: { total: 0, overdue: 0 },
  myCases: { items: [], total: 0, page: 1, pageSize: 20 },
};

/** The workbench with no urgent cases and these dashboard figures. */
const renderWorkbench = (figures: Partial<DashboardFigures>) =>
  renderDeskPage(<WorkbenchPage />, {
    routes: {
      'GET /api/cases': { body: { items: [], total: 0, page: 1, pageSize: 10 } },
      'GET /api/dashboard': { body: { ...NO_FIGURES, ...figures } },
    },
  });

describe('WorkbenchPage', () => {
  it('lists my open cases in the order the API gives (overdue first) with their deadline badges', async () => {
    renderWorkbench({
      open: { total: 3, overdue: 1 },
      myCases: {
        items: [
          item({
            id: 'c9',
            ref: '2025-0009',
            answerDueOn: '2025-06-26',
            answerDueWorkingDays: -2,
            overdue: true,
          }),
          item({ id: 'c4', ref: '2025-0004', answerDueWorkingDays: 3 }),
          item({ id: 'c5', ref: '2025-0005', answerDueWorkingDays: 12 }),
        ],
        total: 23,
        page: 1,
        pageSize: 20,
      },
    });
    const card = await screen.findByTestId('my-cases');
    expect(within(card).getByText('我的待办（已超期在前，再按最近期限）')).toBeInTheDocument();
    const rows = await within(card).findAllByTestId('workbench-case');
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual([
      '2025-0009',
      '2025-0004',
      '2025-0005',
    ]);
    expect(within(rows[0]).getByTestId('deadline-badge')).toHaveTextContent('已超期2个工作日');
    expect(within(rows[1]).getByTestId('deadline-badge')).toHaveTextContent('剩余3个工作日');
    expect(within(card).getByRole('link', { name: '共 23 件，查看全部' })).toHaveAttribute(
      'href',
      '/cases?assignee=me&state=open',
    );
  });

  it('groups the outcome donut by the six families with a legend, and rates overdue answers as late', async () => {
    mockCharts.length = 0;
    renderWorkbench({
      outcomes: [
        { outcome: 'disclosed', count: 5 },
        { outcome: 'withheld.state_secret', count: 1 },
        { outcome: 'withheld.third_party_rights', count: 2 },
        { outcome: 'partially_disclosed', count: 3 },
        { outcome: 'unavailable.not_held', count: 4 },
        { outcome: 'unavailable.needs_creation', count: 1 },
      ],
      // 8 served, 1 of them late, and 2 owed past the deadline: 7 on time of 10 due.
      timeliness: { served: 8, late: 1 },
      open: { total: 3, overdue: 2 },
    });
    expect(
      await screen.findByText('已送达 8 件，其中超期 1 件；超期未答复 2 件'),
    ).toBeInTheDocument();
    const donut = lastChart(`${currentYear()}年办理结果`);
    expect(donut.option.legend?.show).toBe(true);
    // The report's order (（一）–（六）), each family once, summed.
    expect(donut.option.series[0].data).toEqual([
      { name: '予以公开', value: 5 },
      { name: '部分公开', value: 3 },
      { name: '不予公开', value: 3 },
      { name: '无法提供', value: 5 },
    ]);
    const gauge = lastChart(`${currentYear()}年按时答复率`).option.series[0];
    expect(gauge.data).toEqual([{ value: 70 }]);
    // The figure's centre lies below the lowest point the needle's tip can reach (225°/−45°).
    const pointer = parseFloat(gauge.pointer?.length ?? '100');
    const figure = parseFloat(gauge.detail?.offsetCenter[1] ?? '0');
    expect(figure).toBeGreaterThan(pointer * Math.SQRT1_2 + 10);
  });

  it("shows the journal's 督办 in red, linked to the audit page, beside a deadline alert linked to its case", async () => {
    const alert = (id: string, kind: string, caseRef: string, title: string) => ({
      id,
      kind,
      caseId: `case-${id}`,
      caseRef,
      dueOn: '2025-06-30',
      title,
      body: '',
      createdAt: '2025-06-30T00:10:00Z',
      readAt: null,
    });
    renderDeskPage(<WorkbenchPage />, {
      user: TEST_AUDITOR,
      routes: {
        'GET /api/cases': { body: { items: [], total: 0, page: 1, pageSize: 10 } },
        'GET /api/dashboard': { body: NO_FIGURES },
        'GET /api/notifications': {
          body: {
            items: [
              alert('n1', 'journal_failed', '2025-0003', '日志校验发现问题'),
              alert('n2', 'answer_due_soon', '2025-0007', '即将到期'),
            ],
            total: 2,
            unread: 2,
          },
        },
      },
    });
    const card = await screen.findByTestId('alerts');
    const journal = (await within(card).findByText('2025-0003')).closest('a');
    expect(journal).toHaveAttribute('href', '/audit');
    expect(within(journal as HTMLElement).getByText('2025-0003')).toHaveClass('ant-tag-error');
    const due = within(card).getByText('2025-0007').closest('a');
    expect(due).toHaveAttribute('href', '/cases/case-n2');
    expect(within(due as HTMLElement).getByText('2025-0007')).toHaveClass('ant-tag-warning');
  });
});
