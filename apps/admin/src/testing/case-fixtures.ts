import type { AgencyView, CaseListItem, CaseView } from '@gongkai/contracts';
import { computeDeadlines, defaultWorkingDayCalendar, type ClockEntry } from '@gongkai/domain';

/** A case list row as GET /api/cases answers it, for page specs; override what the spec checks. */
export function caseListItem(over: Partial<CaseListItem> = {}): CaseListItem {
  return {
    id: 'c1',
    ref: '2025-0001',
    agencyId: 'a1',
    receivedOn: '2025-06-03',
    channel: 'online',
    applicantCategory: 'natural_person',
    applicantName: '王小明',
    request: '申请公开某路段改造工程的立项批复',
    state: 'processing',
    stateLabel: '办理中',
    feeState: 'none',
    extensionState: 'none',
    closed: false,
    outcome: null,
    decidedOn: null,
    answerDueOn: '2025-07-01',
    answerDueWorkingDays: 3,
    nextDueOn: '2025-07-01',
    overdue: false,
    assignee: { id: 'u1', displayName: '张经办' },
    version: 2,
    ...over,
  };
}

/**
 * A case as GET /api/cases/:id answers it, its deadlines derived by the domain engine from the
 * given clock ledger (default: received 2025-06-03), as the API derives them.
 */
export function caseView(
  ledger: readonly ClockEntry[] = [{ kind: 'start', on: '2025-06-03' }],
  over: Partial<CaseView> = {},
): CaseView {
  const start = ledger.find((e) => e.kind === 'start')?.on ?? '2025-06-03';
  const deadlines = computeDeadlines(ledger, defaultWorkingDayCalendar());
  return {
    id: 'c1',
    agencyId: 'a1',
    ref: '2025-0007',
    receivedOn: start,
    channel: 'online',
    applicant: {
      category: 'natural_person',
      name: '王小明',
      phone: '13800138000',
      email: null,
      address: null,
      identityNumberMasked: '110***********002X',
      creditCode: null,
    },
    request: '申请公开某路段改造工程的立项批复',
    requestedForm: '电子邮件',
    origin: 'desk',
    state: 'processing',
    stateLabel: '办理中',
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
    answerDueOn: deadlines.answer.dueOn,
    answerDueWorkingDays: 3,
    nextDueOn: deadlines.answer.dueOn,
    deadlines,
    assignedClerkId: 'u1',
    assignee: { id: 'u1', displayName: '张经办' },
    approvalSteps: 1,
    approvals: [],
    queryCode: 'ABCD1234',
    version: 4,
    createdAt: `${start}T02:00:00Z`,
    updatedAt: `${start}T02:00:00Z`,
    ...over,
  };
}

/** An agency as GET /api/agencies answers it (its code is its id unless given). */
export function agencyView(
  id: string,
  name: string,
  parentId: string | null,
  code: string = id,
): AgencyView {
  return {
    id,
    code,
    name,
    parentId,
    address: null,
    phone: null,
    contact: null,
    letterRefPattern: null,
  };
}
