import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderDeskPage } from '../testing/render-desk';
import { todayInShanghai } from '../common/today';
import { CaseDetailPage } from './case-detail.page';

const deadline = (kind: string, label: string, dueOn: string | null) => ({
  kind,
  label,
  labelEn: kind,
  basis: kind === 'answer' ? '第三十三条' : '第三十条',
  dueOn,
  provisional: false,
  complete: true,
  warnings: [],
  derivation: {},
  explanation: [`自2025年6月3日的次日起计算`, `跳过周末 6月7日、6月8日`],
});

const view = {
  id: 'c1',
  agencyId: 'a1',
  ref: '2025-0007',
  receivedOn: '2025-06-03',
  channel: 'online',
  applicant: {
    category: 'natural_person',
    name: '王小明',
    phone: '13800138000',
    email: null,
    address: null,
    identityNumberMasked: '110***********002X' as string | null,
    creditCode: null as string | null,
  },
  request: '申请公开某路段改造工程的立项批复',
  requestedForm: '电子邮件',
  origin: 'desk',
  state: 'intake',
  stateLabel: '已登记',
  feeState: 'none',
  extensionState: 'none',
  closed: false,
  outcome: null,
  decidedOn: null,
  servedOn: null,
  flags: {
    supplementNoticeLate: false,
    decidedLate: false,
    answeredLate: false,
    extensionLate: false,
  },
  answerDueOn: '2025-07-01',
  answerDueWorkingDays: 3,
  nextDueOn: '2025-06-12',
  deadlines: {
    supplementNotice: deadline('supplementNotice', '补正通知期限', '2025-06-12'),
    supplement: null,
    consultations: [],
    consultationReply: null,
    feePayment: null,
    answer: deadline('answer', '答复期限', '2025-07-01'),
    complete: true,
    warnings: [],
  },
  assignedClerkId: 'u1',
  approvalSteps: 1,
  approvals: [],
  queryCode: 'ABCD1234',
  version: 4,
  createdAt: '2025-06-03T02:00:00Z',
  updatedAt: '2025-06-03T02:00:00Z',
};

function renderCase(
  eventAnswer = { status: 200, body: { case: view, allowedEvents: [], effects: [] } },
  caseView: typeof view = view,
) {
  return renderDeskPage(<CaseDetailPage />, {
    path: '/cases/c1',
    pattern: '/cases/:id',
    routes: {
      'GET /api/cases/c1': {
        body: {
          case: caseView,
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
    expect(screen.getByTestId('deadline-panel')).toHaveTextContent('跳过周末 6月7日、6月8日');
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
