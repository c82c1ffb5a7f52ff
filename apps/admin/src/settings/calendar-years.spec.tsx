import type { CalendarPreviewResult, CalendarYearView } from '@gongkai/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { currentYear } from '../common/today';
import { renderDeskPage, TEST_ADMIN as ADMIN } from '../testing/render-desk';
import { CalendarTab, datesOf } from './calendar-years';

const YEAR = currentYear() + 1;

const missing: CalendarYearView = {
  year: YEAR,
  origin: 'missing',
  arrangement: null,
  loadedAt: null,
  loadedBy: null,
};

const preview = (fields: Partial<CalendarPreviewResult>): CalendarPreviewResult => ({
  year: YEAR,
  origin: 'missing',
  openCasesChecked: 12,
  casesChanging: 0,
  cases: [],
  casesOutsideScope: 0,
  casesFailed: 0,
  ...fields,
});

function renderCalendar(answer: CalendarPreviewResult, load: { status?: number; body: unknown }) {
  return renderDeskPage(<CalendarTab />, {
    user: ADMIN,
    routes: {
      [`GET /api/calendar/${YEAR}`]: { body: missing },
      [`POST /api/calendar/${YEAR}/preview`]: { body: answer },
      [`PUT /api/calendar/${YEAR}`]: load,
    },
  });
}

async function fillAndPreview() {
  fireEvent.change(await screen.findByLabelText('数据来源（通知文号）'), {
    target: { value: '国办发明电〔2026〕7号' },
  });
  fireEvent.change(screen.getByLabelText('放假日期（每行一个，YYYY-MM-DD）'), {
    target: { value: `${YEAR}-01-01\n${YEAR}-01-02， ${YEAR}-01-01` },
  });
  fireEvent.click(screen.getByRole('button', { name: /预览对案件的影响/ }));
}

describe('CalendarTab', () => {
  it('reads dates one per line or separated by spaces and commas', () => {
    expect(datesOf(' 2027-01-01\n2027-01-02，2027-01-03, 2027-01-04 ')).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-01-04',
    ]);
    expect(datesOf(undefined)).toEqual([]);
  });

  it('lists the cases whose deadlines would move before anything is loaded, and loads only on confirmation', async () => {
    const fetch = renderCalendar(
      preview({
        casesChanging: 3,
        casesOutsideScope: 1,
        cases: [
          {
            caseId: 'c1',
            ref: `${YEAR - 1}-0042`,
            agencyName: '示例区人民政府办公室',
            state: 'processing',
            answerDueOnBefore: `${YEAR}-01-05`,
            answerDueOnAfter: `${YEAR}-01-07`,
            nextDueOnBefore: `${YEAR}-01-05`,
            nextDueOnAfter: `${YEAR}-01-07`,
          },
          {
            caseId: 'c2',
            ref: `${YEAR - 1}-0043`,
            agencyName: '示例区人民政府办公室',
            state: 'awaitingSupplement',
            answerDueOnBefore: null,
            answerDueOnAfter: null,
            nextDueOnBefore: `${YEAR}-01-04`,
            nextDueOnAfter: `${YEAR}-01-06`,
          },
        ],
      }),
      {
        body: {
          ...missing,
          origin: 'database',
          openCasesChecked: 12,
          casesRecomputed: 3,
          casesFailed: 0,
        },
      },
    );
    await fillAndPreview();

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(`确认载入${YEAR}年节假日安排？`)).toBeInTheDocument();
    expect(
      within(dialog).getByText('共检查未办结案件 12 件，其中 3 件的期限将改变。'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('另有 1 件属于您无权查看的机关，未列出。')).toBeInTheDocument();
    const row = within(dialog)
      .getByRole('link', { name: `${YEAR - 1}-0042` })
      .closest('tr');
    expect(row).toHaveTextContent(`办理中`);
    expect(row).toHaveTextContent(`${YEAR}-01-05 → ${YEAR}-01-07`);
    expect(within(dialog).getByText('待补正')).toBeInTheDocument();
    // The preview was asked with the dates as the API takes them; nothing was loaded yet.
    const asked = fetch.calls.find((c) => c.method === 'POST');
    expect(asked?.body).toEqual({
      holidays: [`${YEAR}-01-01`, `${YEAR}-01-02`, `${YEAR}-01-01`],
      makeupWorkdays: [],
      source: '国办发明电〔2026〕7号',
    });
    expect(fetch.calls.some((c) => c.method === 'PUT')).toBe(false);

    fireEvent.click(within(dialog).getByRole('button', { name: '确认载入' }));
    expect(
      await screen.findByText('已载入：检查未办结案件 12 件，重新计算 3 件'),
    ).toBeInTheDocument();
    expect(fetch.calls.find((c) => c.method === 'PUT')?.body).toEqual(asked?.body);
  });

  it('says when no deadline moves, and cancelling loads nothing', async () => {
    const fetch = renderCalendar(preview({ casesFailed: 2 }), { body: {} });
    await fillAndPreview();
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('共检查未办结案件 12 件，没有案件的期限会改变。'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('2 件案件的状态无法读取，载入时将跳过并记入日志。'),
    ).toBeInTheDocument();
    expect(within(dialog).queryByRole('table')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: /取\s*消/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fetch.calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('shows the API’s reason when the arrangement is refused, and opens no dialog', async () => {
    renderDeskPage(<CalendarTab />, {
      user: ADMIN,
      routes: {
        [`GET /api/calendar/${YEAR}`]: { body: missing },
        [`POST /api/calendar/${YEAR}/preview`]: {
          status: 400,
          body: {
            statusCode: 400,
            message: `节假日安排有误：${YEAR}-01-01 既是放假日又是调休上班日`,
            code: 'invalid_arrangement',
          },
        },
      },
    });
    await fillAndPreview();
    expect(await screen.findByText(/节假日安排有误/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
