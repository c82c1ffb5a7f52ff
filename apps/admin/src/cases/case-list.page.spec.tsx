import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderDeskPage } from '../testing/render-desk';
import { caseListItem } from '../testing/case-fixtures';
import { CaseListPage } from './case-list.page';

const item = caseListItem;

function renderList(path = '/cases') {
  return renderDeskPage(<CaseListPage />, {
    path,
    pattern: '/cases',
    routes: {
      'GET /api/cases': {
        body: {
          items: [
            item({}),
            item({ id: 'c2', ref: '2025-0002', assignee: { id: 'u2', displayName: '李经办' } }),
            item({ id: 'c3', ref: '2025-0003', assignee: null }),
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
