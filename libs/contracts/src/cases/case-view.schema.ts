import type { AllowedEvent, CaseDeadlines, CaseEffect, CaseFlags } from '@gongkai/domain';

/** The 经办人 of a case: the clerk responsible for it. */
export interface CaseAssignee {
  id: string;
  /** Null when the user no longer exists under that id. */
  displayName: string | null;
}

/** A case as the API returns it: facts, masked identity, deadlines with derivations. */
export interface CaseView {
  id: string;
  agencyId: string;
  ref: string;
  receivedOn: string;
  channel: string;
  applicant: {
    category: string;
    name: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
    /** First 3 and last 4 characters; the full number only through the reveal endpoint. */
    identityNumberMasked: string | null;
    /** 统一社会信用代码 of an organisation, in full (it is public). */
    creditCode: string | null;
    /** 法定代表人或联系人 of an organisation applicant. */
    contactPerson?: string | null;
  };
  request: string | null;
  requestedForm: string | null;
  origin: string;
  state: string;
  stateLabel: string;
  /** The fee region: none, awaiting (待缴费), paid; unpaid once closed as other.fee_unpaid. */
  feeState: string;
  extensionState: string;
  closed: boolean;
  outcome: string | null;
  decidedOn: string | null;
  servedOn: string | null;
  flags: CaseFlags;
  answerDueOn: string | null;
  /**
   * Working days from today to the answer deadline: positive = still to go (剩余N个工作日), 0 = due
   * today, negative = overdue by that many (已超期N个工作日); null when closed or not running.
   */
  answerDueWorkingDays: number | null;
  nextDueOn: string | null;
  deadlines: CaseDeadlines;
  assignedClerkId: string | null;
  assignee: CaseAssignee | null;
  approvalSteps: number;
  approvals: { step: number; by: string; on: string; comment?: string }[];
  queryCode: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CaseDetailResponse {
  case: CaseView;
  allowedEvents: AllowedEvent[];
}

export interface CaseEventResponse extends CaseDetailResponse {
  effects: CaseEffect[];
}

export interface CaseListItem {
  id: string;
  ref: string;
  agencyId: string;
  receivedOn: string;
  channel: string;
  applicantCategory: string;
  applicantName: string | null;
  request: string | null;
  state: string;
  stateLabel: string;
  /** The fee region: none, awaiting (待缴费), paid; unpaid once closed as other.fee_unpaid. */
  feeState: string;
  extensionState: string;
  closed: boolean;
  outcome: string | null;
  decidedOn: string | null;
  answerDueOn: string | null;
  /** As on CaseView: signed working days to the answer deadline, null when not running. */
  answerDueWorkingDays: number | null;
  nextDueOn: string | null;
  overdue: boolean;
  assignee: CaseAssignee | null;
  version: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TimelineEntry {
  seq: number;
  type: string;
  label: string;
  machineEvent: boolean;
  occurredOn: string;
  recordedAt: string;
  actor: { id: string; role: string; displayName: string | null };
  basis: string | null;
  stateAfter: string;
  payload: Record<string, unknown>;
  hash: string;
}

export interface ApprovalItem {
  kind: 'decision' | 'extension';
  caseId: string;
  ref: string;
  applicantName: string | null;
  receivedOn: string;
  answerDueOn: string | null;
  /** Decision: the drafted outcome and its approvals so far; extension: days and reason. */
  outcome: string | null;
  step: number | null;
  steps: number | null;
  workingDays: number | null;
  /** Extension: its reason; decision: the reasons of a refusing or limiting outcome. */
  reason: string | null;
  /** Decision: the legal basis as the letter prints it. */
  basis?: string | null;
  requestedOn: string;
  version: number;
}

/** GET /api/cases/:id/letters/:kind/preview: the letter as the applicant would read it. */
export interface LetterPreviewResponse {
  kind: string;
  title: string;
  paragraphs: string[];
  /** A decision not yet approved (printed for the approval file only). */
  draft: boolean;
}

/** GET /api/cases/:id/letters: the letter kinds the case's history calls for. */
export interface ApplicableLettersResponse {
  kinds: string[];
}
