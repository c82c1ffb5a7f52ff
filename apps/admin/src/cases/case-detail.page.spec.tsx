import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CaseView } from '@gongkai/contracts';
import { caseView } from '../testing/case-fixtures';
import { renderDeskPage } from '../testing/render-desk';
import { todayInShanghai } from '../common/today';
import { CaseDetailPage } from './case-detail.page';

// Received 2025-06-03: the deadlines as the domain engine derives them, as the API sends them.
const view = caseView(undefined, { state: 'intake', stateLabel: '已登记' });

function renderCase(
  eventAnswer = { status: 200, body: { case: view, allowedEvents: [], effects: [] } },
  shown: CaseView = view,
) {
  return renderDeskPage(<CaseDetailPage />, {
    path: '/cases/c1',
    pattern: '/cases/:id',
    routes: {
      'GET /api/cases/c1': {
        body: {
          case: shown,
          allowedEvents: [
            { type: 'ACCEPT', label: '受理', labelEn: 'Accept' },
            { type: 'REQUEST_SUPPLEMENT', label: '告知补正', labelEn: 'Request supplement' },
          ],
        },
      },
      'GET /api/cases/c1/timeline': {
        body: [
          {
            seq: 1,
            type: 'REGISTERED',
            label: '登记申请',
            machineEvent: false,
            occurredOn: '2025-06-03',
            recordedAt: '2025-06-03T02:00:00Z',
            actor: { id: 'u1', role: 'clerk', displayName: '张经办' },
            basis: '第三十一条',
            stateAfter: 'intake',
            payload: {},
            hash: 'abc',
          },
        ],
      },
      'GET /api/proceedings': { body: [] },
      'POST /api/cases/c1/events': eventAnswer,
    },
  });
}

describe('CaseDetailPage', () => {
  it('shows the facts, the deadline badge and derivation, the timeline, and only the allowed actions', async () => {
    renderCase();
    expect(await screen.findByTestId('applicant-name')).toHaveTextContent('王小明');
    expect(screen.getAllByTestId('deadline-badge')[0]).toHaveTextContent('剩余3个工作日');
    const actions = screen.getByTestId('case-actions');
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['受 理', '告知补正']);
    expect(screen.getByTestId('deadline-panel')).toHaveTextContent(
      '不计入：2025年6月7日至2025年6月8日 周末',
    );
    expect(await screen.findByTestId('timeline-entry')).toHaveTextContent('张经办');
    expect(screen.getByTestId('timeline-entry')).toHaveTextContent('第三十一条');
  });

  it("shows an organisation's 统一社会信用代码 among the applicant facts", async () => {
    renderCase(undefined, {
      ...view,
      applicant: {
        ...view.applicant,
        category: 'commercial_enterprise',
        name: '福州某某科技有限公司',
        identityNumberMasked: null,
        creditCode: '91350100M000100Y43',
      },
    });
    expect(await screen.findByTestId('applicant-credit-code')).toHaveTextContent(
      '91350100M000100Y43',
    );
    expect(screen.getByText('统一社会信用代码')).toBeInTheDocument();
  });

  it('shows no 统一社会信用代码 row for a natural person', async () => {
    renderCase();
    expect(await screen.findByTestId('applicant-name')).toHaveTextContent('王小明');
    expect(screen.queryByText('统一社会信用代码')).toBeNull();
  });

  it('checks the required fields of an action before sending it', async () => {
    const fetch = renderCase();
    fireEvent.click(await screen.findByRole('button', { name: '告知补正' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('需要补正的事项（每行一项）'), {
      target: { value: '  ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    // The clerk's own check first: the due date is required.
    expect(await within(dialog).findByText('请填写补正期限')).toBeInTheDocument();
    expect(fetch.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('sends ACCEPT dated today with expectedVersion', async () => {
    const fetch = renderCase();
    fireEvent.click(await screen.findByRole('button', { name: '受 理' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(fetch.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(fetch.calls.find((c) => c.method === 'POST')?.body).toEqual({
      type: 'ACCEPT',
      payload: { on: todayInShanghai() },
      expectedVersion: 4,
    });
  });
});
