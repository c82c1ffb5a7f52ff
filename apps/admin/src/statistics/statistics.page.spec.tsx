import { emptySection2, emptySection3, emptySection4 } from '@gongkai/report/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { saveBlob } from '../common/download';
import { currentYear } from '../common/today';
import { renderDeskPage, TEST_USER } from '../testing/render-desk';
import { StatisticsPage } from './statistics.page';

jest.mock('../common/download', () => ({ saveBlob: jest.fn() }));

const YEAR = currentYear();

function renderStatistics() {
  return renderDeskPage(<StatisticsPage />, {
    user: { ...TEST_USER, roles: ['leader'] },
    routes: {
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
});
