import type { CaseListItem } from '@gongkai/contracts';

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
