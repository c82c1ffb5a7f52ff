import { screen, within } from '@testing-library/react';
import { renderDeskPage } from '../testing/render-desk';
import { caseListItem } from '../testing/case-fixtures';
import { WorkbenchPage } from './workbench.page';

// ECharts ships as ES modules jest does not load; the charts are not what this spec checks.
jest.mock('../common/echart', () => ({ EChart: () => null }));

const item = caseListItem;

describe('WorkbenchPage', () => {
  it('lists my open cases in the order the API gives (overdue first) with their deadline badges', async () => {
    renderDeskPage(<WorkbenchPage />, {
      routes: {
        'GET /api/cases': { body: { items: [], total: 0, page: 1, pageSize: 10 } },
        'GET /api/dashboard': {
          body: {
            year: 2025,
            intake: [],
            outcomes: [],
            timeliness: { served: 0, late: 0 },
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
          },
        },
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
});
