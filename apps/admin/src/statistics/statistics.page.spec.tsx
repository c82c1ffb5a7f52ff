import { emptySection2, emptySection3, emptySection4 } from '@gongkai/report/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { saveBlob } from '../common/download';
import { currentYear } from '../common/today';
import type { DeskUser } from '../auth/desk-user';
import { queryOf, renderDeskPage, TEST_USER } from '../testing/render-desk';
import { agencyView } from '../testing/case-fixtures';
import { StatisticsPage } from './statistics.page';

jest.mock('../common/download', () => ({ saveBlob: jest.fn() }));

const YEAR = currentYear();

function renderStatistics(user: DeskUser = { ...TEST_USER, roles: ['leader'] }) {
  return renderDeskPage(<StatisticsPage />, {
    user,
    routes: {
      'GET /api/agencies': {
        body: [
          agencyView('a1', '示例区人民政府办公室', null, 'demo'),
          agencyView('a2', '示例区交通运输局', 'a1', 'demo-jt'),
        ],
      },
      [`GET /api/statistics/${YEAR}`]: {
        body: {
          agency: { id: 'a1', code: 'demo', name: '示例区人民政府办公室' },
          year: YEAR,
          format: '2021',
          section3: emptySection3('2021'),
          section4: emptySection4(),
          fees: { amountYuan: 0, noticeCount: 0, unpaidCount: 0 },
        },
      },
      [`GET /api/section2/${YEAR}`]: {
        body: { year: YEAR, format: '2021', figures: emptySection2('2021', 0) },
      },
    },
  });
}

describe('StatisticsPage', () => {
  it('exports the tables shown as an Excel workbook named after the agency and year', async () => {
    const saved = jest.mocked(saveBlob);
    renderStatistics();
    await screen.findByTestId('section3-table');
    fireEvent.click(screen.getByRole('button', { name: /导出\s*Excel/ }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    const [blob, name] = saved.mock.calls[0];
    expect(name).toBe(`示例区人民政府办公室-${YEAR}年政府信息公开统计.xlsx`);
    expect(blob.size).toBeGreaterThan(1000);
  });

  it('lets a supervisor choose one of its agencies, and asks the API for that agency', async () => {
    const fetch = renderStatistics({
      ...TEST_USER,
      roles: ['leader', 'clerk'],
      scopeAgencyIds: ['a1', 'a2'],
    });
    await screen.findByTestId('section3-table');
    expect(screen.getByRole('button', { name: /录\s*入/ })).toBeInTheDocument();
    const select = screen.getByRole('combobox', { name: '机关' });
    fireEvent.mouseDown(select);
    fireEvent.click(await screen.findByTitle('示例区交通运输局'));
    const asked = (path: string) =>
      fetch.calls.filter((c) => c.method === 'GET' && c.url.startsWith(path)).map(queryOf);
    await waitFor(() =>
      expect(asked(`/api/statistics/${YEAR}`).at(-1)).toEqual({ agency: 'demo-jt' }),
    );
    await waitFor(() => expect(asked(`/api/section2/${YEAR}`).at(-1)).toEqual({ agencyId: 'a2' }));
    // Section 二 of another agency is entered by its own clerks.
    expect(screen.queryByRole('button', { name: /录\s*入/ })).not.toBeInTheDocument();
  });

  it('shows a user of one agency no agency choice', async () => {
    const fetch = renderStatistics();
    await screen.findByTestId('section3-table');
    expect(screen.queryByRole('combobox', { name: '机关' })).not.toBeInTheDocument();
    expect(fetch.calls.some((c) => c.url.startsWith('/api/agencies'))).toBe(false);
  });
});
