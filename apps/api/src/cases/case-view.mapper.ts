import type { CaseAssignee, CaseListItem, CaseView, TimelineEntry } from '@gongkai/contracts';
import {
  journalTypeLabel,
  STATE_LABELS,
  type LocalDate,
  type WorkingDayCalendar,
} from '@gongkai/domain';
import type { CaseEntity, TimelineRow } from '@gongkai/persistence';

export type { TimelineRow };

export function stateLabelOf(state: string): string {
  return (STATE_LABELS as Record<string, { zh: string } | undefined>)[state]?.zh ?? state;
}

export function eventLabelOf(type: string): string {
  return journalTypeLabel(type)?.zh ?? type;
}

/** Where "today" stands against the answer deadline, in working days (the desk's badges). */
export interface DueClock {
  today: LocalDate;
  calendar: WorkingDayCalendar;
}

/** Signed working days to the answer deadline; the desk shows 剩余N / 已超期N个工作日. */
export function answerDueWorkingDays(c: CaseEntity, clock: DueClock): number | null {
  if (c.closed || !c.answerDueOn) return null;
  const { today, calendar } = clock;
  if (c.answerDueOn >= today) return calendar.workingDaysBetween(today, c.answerDueOn).count;
  return -calendar.workingDaysBetween(c.answerDueOn, today).count;
}

/** Display names of the users a page of cases is assigned to, by id. */
export type AssigneeNames = ReadonlyMap<string, string>;

function assigneeOf(c: CaseEntity, names: AssigneeNames): CaseAssignee | null {
  if (!c.assignedClerkId) return null;
  return { id: c.assignedClerkId, displayName: names.get(c.assignedClerkId) ?? null };
}

export function toCaseView(
  c: CaseEntity,
  clock: DueClock,
  names: AssigneeNames = new Map(),
): CaseView {
  const context = c.snapshot.context;
  return {
    id: c.id,
    agencyId: c.agencyId,
    ref: c.ref,
    receivedOn: c.receivedOn,
    channel: c.channel,
    applicant: {
      category: c.applicantCategory,
      name: c.applicantName,
      phone: c.applicantPhone,
      email: c.applicantEmail,
      address: c.applicantAddress,
      identityNumberMasked: c.applicantIdentityHint,
      creditCode: c.applicantCreditCode,
      contactPerson: c.applicantContact,
    },
    request: c.requestText,
    requestedForm: c.requestedForm,
    origin: c.origin,
    state: c.state,
    stateLabel: stateLabelOf(c.state),
    feeState: c.feeState,
    extensionState: c.extensionState,
    closed: c.closed,
    outcome: c.outcome,
    decidedOn: c.decidedOn,
    servedOn: c.servedOn,
    flags: c.flags,
    answerDueOn: c.answerDueOn,
    answerDueWorkingDays: answerDueWorkingDays(c, clock),
    nextDueOn: c.nextDueOn,
    deadlines: c.deadlines,
    assignedClerkId: c.assignedClerkId,
    assignee: assigneeOf(c, names),
    approvalSteps: context.approvalSteps,
    approvals: (context.draft?.approvals ?? []).map((a) => ({ ...a })),
    queryCode: c.queryCode,
    version: c.version,
    createdAt: new Date(c.createdAt).toISOString(),
    updatedAt: new Date(c.updatedAt).toISOString(),
  };
}

export function toListItem(
  c: CaseEntity,
  clock: DueClock,
  names: AssigneeNames = new Map(),
): CaseListItem {
  const { today } = clock;
  return {
    id: c.id,
    ref: c.ref,
    agencyId: c.agencyId,
    receivedOn: c.receivedOn,
    channel: c.channel,
    applicantCategory: c.applicantCategory,
    applicantName: c.applicantName,
    request: c.requestText,
    state: c.state,
    stateLabel: stateLabelOf(c.state),
    feeState: c.feeState,
    extensionState: c.extensionState,
    closed: c.closed,
    outcome: c.outcome,
    decidedOn: c.decidedOn,
    answerDueOn: c.answerDueOn,
    answerDueWorkingDays: answerDueWorkingDays(c, clock),
    nextDueOn: c.nextDueOn,
    overdue: !c.closed && c.answerDueOn !== null && c.answerDueOn < today,
    assignee: assigneeOf(c, names),
    version: c.version,
  };
}

export function toTimelineEntry(r: TimelineRow): TimelineEntry {
  return {
    seq: r.seq,
    type: r.type,
    label: eventLabelOf(r.type),
    machineEvent: r.machine_event,
    occurredOn: r.occurred_on,
    recordedAt: new Date(r.recorded_at).toISOString(),
    actor: {
      id: r.actor_id,
      role: r.actor_role,
      displayName: r.display_name ?? (r.actor_id === 'system' ? '系统' : null),
    },
    basis: r.basis,
    stateAfter: r.state_after,
    payload: r.payload,
    hash: r.hash,
  };
}
