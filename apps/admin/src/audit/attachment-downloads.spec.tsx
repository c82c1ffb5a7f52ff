import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FakeRequest } from '@gongkai/ui';
import { queryOf, renderDeskPage, TEST_AUDITOR as AUDITOR } from '../testing/render-desk';
import { attachmentDownloadRow } from '../testing/audit-fixtures';
import { AttachmentDownloads } from './attachment-downloads';

const row = attachmentDownloadRow;

const firstPage = {
  items: [
    row(),
    row({
      id: '11',
      caseId: 'c2',
      caseRef: '2025-0008',
      fileName: '申请书（扫描件）.pdf',
      kind: 'application_form',
      kindLabel: '申请书',
      user: { id: 'u9', displayName: null },
      downloadedAt: '2025-06-29T01:30:00.000Z',
    }),
  ],
  total: 45,
  page: 1,
  pageSize: 20,
};

function renderDownloads(answer: (request: FakeRequest) => { status?: number; body: unknown }) {
  const fetch = renderDeskPage(<AttachmentDownloads />, {
    user: AUDITOR,
    routes: { 'GET /api/attachment-downloads': answer },
  });
  const requests = () => fetch.calls.filter((c) => c.url.startsWith('/api/attachment-downloads'));
  const lastQuery = () => {
    const last = requests().at(-1);
    return last ? queryOf(last) : {};
  };
  return { requests, lastQuery };
}

describe('AttachmentDownloads', () => {
  it('shows who downloaded which file of which case, newest first, with a link to the case', async () => {
    const { requests } = renderDownloads(() => ({ body: firstPage }));
    const link = await screen.findByRole('link', { name: '2025-0007' });
    expect(link).toHaveAttribute('href', '/cases/c1');
    expect(queryOf(requests()[0])).toEqual({ page: '1', pageSize: '20' });

    const table = screen.getByTestId('attachment-downloads');
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(first).toHaveTextContent('2025/6/30 10:00:00');
    expect(first).toHaveTextContent('身份证明');
    expect(first).toHaveTextContent('身份证复印件.png');
    expect(first).toHaveTextContent('王负责');
    expect(second).toHaveTextContent('2025-0008');
    expect(second).toHaveTextContent('申请书');
    expect(second).toHaveTextContent('申请书（扫描件）.pdf');
    // A user without a display name is still named, by id.
    expect(second).toHaveTextContent('u9');
    expect(screen.getByText('共 45 条')).toBeInTheDocument();

    fireEvent.click(link);
    expect(await screen.findByText('case page')).toBeInTheDocument();
  });

  it('asks the API for the page the auditor turns to', async () => {
    const { lastQuery } = renderDownloads((request) => ({
      body: { ...firstPage, page: Number(queryOf(request).page) },
    }));
    await screen.findByRole('link', { name: '2025-0007' });
    fireEvent.click(screen.getByTitle('3'));
    await waitFor(() => expect(lastQuery()).toEqual({ page: '3', pageSize: '20' }));
  });

  it("shows the API's Chinese message when it refuses", async () => {
    renderDownloads(() => ({
      status: 403,
      body: { statusCode: 403, error: 'Forbidden', message: '您没有权限执行此操作' },
    }));
    expect(await screen.findByTestId('attachment-downloads-error')).toHaveTextContent(
      '您没有权限执行此操作',
    );
  });
});
