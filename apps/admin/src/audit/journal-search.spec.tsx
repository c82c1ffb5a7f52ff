import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import type { FakeRequest } from '@gongkai/ui';
import { queryOf, renderDeskPage, TEST_AUDITOR as AUDITOR } from '../testing/render-desk';
import { journalSearchRow } from '../testing/audit-fixtures';
import { JournalSearch, toJournalFilters } from './journal-search';

const row = journalSearchRow;

const firstPage = {
  items: [
    row(),
    row({
      caseId: 'c2',
      caseRef: '2025-0008',
      seq: 1,
      type: 'REGISTERED',
      label: '登记申请',
      machineEvent: false,
      actor: { id: 'system', displayName: '系统', role: 'system' },
      basis: '第三十一条',
      summary: '申请内容：某路段改造工程的立项批复',
    }),
  ],
  total: 45,
  page: 1,
  pageSize: 20,
};

function renderSearch(answer: (request: FakeRequest) => { status?: number; body: unknown }) {
  const fetch = renderDeskPage(<JournalSearch />, {
    user: AUDITOR,
    routes: { 'GET /api/journal': answer },
  });
  const searches = () => fetch.calls.filter((c) => c.url.startsWith('/api/journal'));
  const lastQuery = () => {
    const last = searches().at(-1);
    return last ? queryOf(last) : {};
  };
  return { fetch, searches, lastQuery };
}

describe('JournalSearch', () => {
  it('shows the newest entries with their case link, label, actor and role, basis and summary', async () => {
    const { searches } = renderSearch(() => ({ body: firstPage }));
    const link = await screen.findByRole('link', { name: '2025-0007' });
    expect(link).toHaveAttribute('href', '/cases/c1');
    expect(queryOf(searches()[0])).toEqual({ page: '1', pageSize: '20' });

    const table = screen.getByTestId('journal-results');
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(first).toHaveTextContent('审批同意');
    expect(first).toHaveTextContent('王负责（负责人）');
    expect(first).toHaveTextContent('意见：同意公开');
    expect(first).toHaveTextContent('第4条');
    expect(first).toHaveTextContent('2025/6/30 10:00:00');
    expect(second).toHaveTextContent('登记申请');
    expect(second).toHaveTextContent('系统（系统）');
    expect(second).toHaveTextContent('第三十一条');
    expect(screen.getByText('共 45 条')).toBeInTheDocument();

    fireEvent.click(link);
    expect(await screen.findByText('case page')).toBeInTheDocument();
  });

  it('sends the chosen type, actor and text to the API', async () => {
    const { lastQuery } = renderSearch(() => ({ body: firstPage }));
    await screen.findByRole('link', { name: '2025-0007' });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '事项' }));
    fireEvent.click(await screen.findByTitle('受理'));
    fireEvent.change(screen.getByPlaceholderText('用户名或用户编号'), {
      target: { value: ' wang ' },
    });
    fireEvent.change(screen.getByPlaceholderText('登记编号或记录内容中的文字'), {
      target: { value: '2025-0007' },
    });
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));

    await waitFor(() =>
      expect(lastQuery()).toEqual({
        type: 'ACCEPT',
        actor: 'wang',
        q: '2025-0007',
        page: '1',
        pageSize: '20',
      }),
    );
  });

  it('asks the API for the page the auditor turns to', async () => {
    const { lastQuery } = renderSearch((request) => ({
      body: { ...firstPage, page: Number(queryOf(request).page) },
    }));
    await screen.findByRole('link', { name: '2025-0007' });
    fireEvent.click(screen.getByTitle('3'));
    await waitFor(() => expect(lastQuery()).toEqual({ page: '3', pageSize: '20' }));
  });

  it('offers journal notes as well as procedure steps, with Chinese labels', async () => {
    renderSearch(() => ({ body: firstPage }));
    await screen.findByRole('link', { name: '2025-0007' });
    const select = screen.getByRole('combobox', { name: '事项' });
    fireEvent.mouseDown(select);
    expect(await screen.findByTitle('受理')).toBeInTheDocument();
    // The list is long: searching by the Chinese label narrows it.
    fireEvent.change(select, { target: { value: '节假日' } });
    expect(await screen.findByTitle('节假日安排变更，重新计算期限')).toBeInTheDocument();
    expect(screen.queryByTitle('受理')).not.toBeInTheDocument();
    expect(screen.getByText('其他记录')).toBeInTheDocument();
  });

  it("shows the API's Chinese message when it refuses a filter", async () => {
    renderSearch(() => ({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: '输入有误：from 起始日期不能晚于截止日期',
        fieldErrors: [{ field: 'from', message: '起始日期不能晚于截止日期' }],
      },
    }));
    expect(await screen.findByTestId('journal-error')).toHaveTextContent(
      '起始日期不能晚于截止日期',
    );
  });
});

describe('toJournalFilters', () => {
  it('turns the form into the query: trimmed text, dates as YYYY-MM-DD, nothing empty', () => {
    expect(
      toJournalFilters({
        type: 'WITHDRAW',
        actor: '  ',
        q: ' 青松路 ',
        recorded: [dayjs('2025-06-01'), dayjs('2025-06-30')],
      }),
    ).toEqual({ type: 'WITHDRAW', q: '青松路', from: '2025-06-01', to: '2025-06-30' });
    expect(toJournalFilters({ recorded: [null, dayjs('2025-06-30')] })).toEqual({
      to: '2025-06-30',
    });
    expect(toJournalFilters({ recorded: null })).toEqual({});
  });
});
