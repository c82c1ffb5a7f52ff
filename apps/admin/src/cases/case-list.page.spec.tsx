import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DeskUser } from '../auth/desk-user';
import { renderDeskPage, TEST_AUDITOR } from '../testing/render-desk';
import { agencyView as agency, caseListItem } from '../testing/case-fixtures';
import { CaseListPage } from './case-list.page';
import { CASE_LIST_WIDTHS } from './case-list.widths';

const item = caseListItem;

const SUPERVISOR: DeskUser = {
  ...TEST_AUDITOR,
  agencyName: '示例区人民政府',
  scopeAgencyIds: ['a1', 'a2'],
  writeAgencyIds: [],
};

function renderList(path = '/cases', user?: DeskUser) {
  return renderDeskPage(<CaseListPage />, {
    path,
    pattern: '/cases',
    user,
    routes: {
      'GET /api/agencies': {
        body: [agency('a1', '示例区人民政府', null), agency('a2', '示例区交通运输局', 'a1')],
      },
      'GET /api/cases': {
        body: {
          items: [
            item({}),
            item({ id: 'c2', ref: '2025-0002', assignee: { id: 'u2', displayName: '李经办' } }),
            item({ id: 'c3', ref: '2025-0003', assignee: null, agencyId: 'a2' }),
          ],
          total: 3,
          page: 1,
          pageSize: 20,
        },
      },
    },
  });
}

const listQueries = (fetch: ReturnType<typeof renderList>) =>
  fetch.calls
    .filter((c) => c.method === 'GET' && c.url.startsWith('/api/cases'))
    .map((c) => new URL(c.url, 'http://desk').searchParams);

describe('CaseListPage and the 经办人', () => {
  it('shows each case’s 经办人, 未指定 when there is none', async () => {
    renderList();
    const row = (ref: string) => screen.getByText(ref).closest('tr');
    expect(await screen.findByText('2025-0002')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: '经办人' })).toBeInTheDocument();
    expect(row('2025-0001')).toHaveTextContent('张经办');
    expect(row('2025-0002')).toHaveTextContent('李经办');
    expect(row('2025-0003')).toHaveTextContent('未指定');
  });

  it('asks the API for assignee=me when 只看我的 is ticked, and from the workbench link', async () => {
    const fetch = renderList('/cases?assignee=me&state=open');
    const mine = await screen.findByRole('checkbox', { name: '只看我的' });
    await waitFor(() => expect(listQueries(fetch).length).toBeGreaterThan(0));
    expect(mine).toBeChecked();
    expect(listQueries(fetch)[0]?.get('assignee')).toBe('me');

    fireEvent.click(mine);
    expect(mine).not.toBeChecked();
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() => expect(listQueries(fetch).at(-1)?.get('assignee')).toBeNull());
    fireEvent.click(mine);
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() => expect(listQueries(fetch).at(-1)?.get('assignee')).toBe('me'));
  });
});

/** The `<col>` widths antd renders, by the header text of their column. */
function columnWidths(): Map<string, string> {
  const table = screen.getAllByRole('table')[0] as HTMLElement;
  const cols = [...table.querySelectorAll('colgroup col')] as HTMLElement[];
  const headers = within(table).getAllByRole('columnheader');
  return new Map(headers.map((h, i) => [h.textContent?.trim() ?? '', cols[i]?.style.width ?? '']));
}

describe('CaseListPage columns', () => {
  it('gives 申请内容 the room the sized columns leave, with the full text in a tooltip', async () => {
    renderList();
    expect(await screen.findByText('2025-0002')).toBeInTheDocument();
    const widths = columnWidths();
    expect(widths.get('申请内容')).toBe('');
    const sized = [...widths].filter(([title]) => title !== '申请内容');
    expect(sized.length).toBeGreaterThanOrEqual(6);
    for (const [title, width] of sized)
      expect([title, width]).toEqual([title, expect.stringMatching(/^\d+px$/)]);
    // About 1,100 px of table at 1440 px: the request keeps at least 300 of them.
    const total = sized.reduce((sum, [, w]) => sum + Number.parseInt(w, 10), 0);
    expect(total).toBeLessThanOrEqual(800);
    // 决定日期 waits in the column settings; the request shows its whole text on hover.
    expect(widths.has('决定日期')).toBe(false);
    const request = screen.getAllByTestId('case-request')[0] as HTMLElement;
    expect(request).toHaveClass('ant-typography-ellipsis');
    expect(request).toHaveTextContent('申请公开某路段改造工程的立项批复');
  });

  it('shows a single agency’s user no 机关 column and no agency filter', async () => {
    const fetch = renderList();
    expect(await screen.findByText('2025-0002')).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: '机关' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: '机关' })).not.toBeInTheDocument();
    expect(fetch.calls.some((c) => c.url.startsWith('/api/agencies'))).toBe(false);
  });

  it('shows a supervisor each case’s 机关 and filters the list by one of its agencies', async () => {
    const fetch = renderList('/cases', SUPERVISOR);
    expect(await screen.findByRole('columnheader', { name: '机关' })).toBeInTheDocument();
    const row = (ref: string) => screen.getByText(ref).closest('tr');
    await waitFor(() => expect(row('2025-0003')).toHaveTextContent('示例区交通运输局'));
    expect(row('2025-0001')).toHaveTextContent('示例区人民政府');
    expect(Number.parseInt(columnWidths().get('机关') ?? '', 10)).toBe(CASE_LIST_WIDTHS.agency);

    const filter = screen.getByRole('combobox', { name: '机关' });
    fireEvent.mouseDown(filter);
    // The ellipsed table cells carry the same title as the option.
    const option = (await screen.findAllByTitle('示例区交通运输局')).find((e) =>
      e.classList.contains('ant-select-item-option'),
    );
    fireEvent.click(option as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() => expect(listQueries(fetch).at(-1)?.get('agencyId')).toBe('a2'));
  });
});
