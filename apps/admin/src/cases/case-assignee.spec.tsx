import type { FakeHandler } from '@gongkai/ui';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderDeskPage, TEST_USER } from '../testing/render-desk';
import { CaseDetailPage } from './case-detail.page';

const LEADER = {
  ...TEST_USER,
  id: 'u9',
  username: 'leader',
  displayName: '赵主任',
  roles: ['leader' as const],
};

const emptyDeadline = (kind: string, dueOn: string | null) => ({
  kind,
  label: kind,
  labelEn: kind,
  basis: '第三十三条',
  dueOn,
  provisional: false,
  complete: true,
  warnings: [],
  derivation: {},
  explanation: [],
});

const view = (over: Record<string, unknown> = {}) => ({
  id: 'c1',
  agencyId: 'a1',
  ref: '2025-0011',
  receivedOn: '2025-06-03',
  channel: 'online',
  applicant: {
    category: 'natural_person',
    name: '王小明',
    phone: null,
    email: null,
    address: null,
    identityNumberMasked: null,
  },
  request: '申请公开某路段改造工程的立项批复',
  requestedForm: null,
  origin: 'desk',
  state: 'processing',
  stateLabel: '办理中',
  extensionState: 'none',
  closed: false,
  outcome: null,
  decidedOn: null,
  servedOn: null,
  flags: {},
  answerDueOn: '2025-07-01',
  answerDueWorkingDays: 3,
  nextDueOn: '2025-07-01',
  deadlines: {
    supplementNotice: emptyDeadline('supplementNotice', '2025-06-12'),
    supplement: null,
    consultations: [],
    consultationReply: null,
    feePayment: null,
    answer: emptyDeadline('answer', '2025-07-01'),
    complete: true,
    warnings: [],
  },
  assignedClerkId: 'u1',
  assignee: { id: 'u1', displayName: '张经办' },
  approvalSteps: 1,
  approvals: [],
  queryCode: 'ABCD1234',
  version: 3,
  createdAt: '2025-06-03T02:00:00Z',
  updatedAt: '2025-06-03T02:00:00Z',
  ...over,
});

function renderCase(options: { user?: typeof TEST_USER; put?: FakeHandler } = {}) {
  return renderDeskPage(<CaseDetailPage />, {
    path: '/cases/c1',
    pattern: '/cases/:id',
    user: options.user,
    routes: {
      'GET /api/cases/c1': { body: { case: view(), allowedEvents: [] } },
      'GET /api/cases/c1/timeline': { body: [] },
      'GET /api/proceedings': { body: [] },
      'GET /api/clerks': {
        body: [
          { id: 'u1', displayName: '张经办' },
          { id: 'u2', displayName: '李经办' },
        ],
      },
      'PUT /api/cases/c1/assignee': options.put ?? {
        body: {
          case: view({
            assignedClerkId: 'u2',
            assignee: { id: 'u2', displayName: '李经办' },
            version: 4,
          }),
          allowedEvents: [],
        },
      },
    },
  });
}

async function reassignTo(name: string, reason: string) {
  fireEvent.click(await screen.findByRole('button', { name: /改\s*派/ }));
  const dialog = await screen.findByRole('dialog');
  fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: '新的经办人' }));
  fireEvent.click(await screen.findByTitle(name));
  fireEvent.change(within(dialog).getByLabelText('改派理由'), { target: { value: reason } });
  fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
  return dialog;
}

describe('the 经办人 on the case detail page', () => {
  it('shows the assignee, and no 改派 to a clerk', async () => {
    renderCase();
    expect(await screen.findByTestId('case-assignee')).toHaveTextContent('张经办');
    expect(screen.queryByRole('button', { name: /改\s*派/ })).toBeNull();
  });

  it('lets a leader reassign to another clerk of the agency with a reason and the version seen', async () => {
    const fetch = renderCase({ user: LEADER });
    expect(await screen.findByTestId('case-assignee')).toHaveTextContent('张经办');
    fireEvent.click(await screen.findByRole('button', { name: /改\s*派/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: '新的经办人' }));
    // The current 经办人 is not offered.
    expect(await screen.findByTitle('李经办')).toBeInTheDocument();
    expect(screen.queryByTitle('张经办')).toBeNull();
    fireEvent.click(screen.getByTitle('李经办'));
    fireEvent.change(within(dialog).getByLabelText('改派理由'), {
      target: { value: '原经办人休假' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));

    await waitFor(() => expect(fetch.calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(fetch.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      assigneeId: 'u2',
      reason: '原经办人休假',
      expectedVersion: 3,
    });
    await waitFor(() => expect(screen.getByTestId('case-assignee')).toHaveTextContent('李经办'));
  });

  it('asks for the reason before sending', async () => {
    const fetch = renderCase({ user: LEADER });
    const dialog = await reassignTo('李经办', '  ');
    expect(await within(dialog).findByText('请填写改派理由')).toBeInTheDocument();
    expect(fetch.calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it("shows the API's Chinese reason when it refuses the clerk", async () => {
    renderCase({
      user: LEADER,
      put: {
        status: 422,
        body: {
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: '经办人须为本案所属机关在岗的经办人员，请重新选择',
          code: 'invalid_assignee',
        },
      },
    });
    const dialog = await reassignTo('李经办', '调整分工');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      '经办人须为本案所属机关在岗的经办人员',
    );
  });
});
