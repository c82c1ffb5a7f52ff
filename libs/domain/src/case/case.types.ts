import { type Outcome, type ServiceMethod } from '../catalogues';
import { type ClockEntry, type ConsultationParty } from '../clock';
import { type LocalDate } from '../dates';
import { type FeeStandard } from '../fees';

export type ActorRole = 'clerk' | 'leader' | 'auditor' | 'admin' | 'system';
export const ACTOR_ROLES: readonly ActorRole[] = ['clerk', 'leader', 'auditor', 'admin', 'system'];

export interface Actor {
  readonly id: string;
  readonly role: ActorRole;
}

/** Every event names who acts and the legal date of the fact (not the time it was typed in). */
interface EventBase {
  readonly actor: Actor;
  readonly on: LocalDate;
}

export type AcceptEvent = EventBase & { readonly type: 'ACCEPT' };
export type RequestSupplementEvent = EventBase & {
  readonly type: 'REQUEST_SUPPLEMENT';
  /** The reasonable deadline the clerk gives the applicant (Art. 30). */
  readonly dueOn: LocalDate;
  /** Everything to supplement, told at once (一次性告知). */
  readonly items: readonly string[];
};
export type SupplementReceivedEvent = EventBase & { readonly type: 'SUPPLEMENT_RECEIVED' };
export type SupplementOverdueEvent = EventBase & { readonly type: 'SUPPLEMENT_OVERDUE' };
export type StartConsultationEvent = EventBase & {
  readonly type: 'START_CONSULTATION';
  readonly party: ConsultationParty;
};
export type ConsultationRepliedEvent = EventBase & { readonly type: 'CONSULTATION_REPLIED' };
export type ConsultationExpiredEvent = EventBase & { readonly type: 'CONSULTATION_EXPIRED' };
export type ServeFeeNoticeEvent = EventBase & {
  readonly type: 'SERVE_FEE_NOTICE';
  readonly standard: FeeStandard;
  readonly amountYuan: number;
  /** 按件: the application's number in the applicant's month; checked against the amount. */
  readonly ordinalInMonth?: number;
  /** 按量: pages provided; checked against the amount. */
  readonly pages?: number;
  /** Why the amount differs from the one computed from the count or the pages (recorded). */
  readonly overrideReason?: string;
};
export type FeePaidEvent = EventBase & { readonly type: 'FEE_PAID' };
export type FeeOverdueEvent = EventBase & { readonly type: 'FEE_OVERDUE' };
export type RequestReasonsEvent = EventBase & { readonly type: 'REQUEST_REASONS' };
export type ReasonsJudgedEvent = EventBase & {
  readonly type: 'REASONS_JUDGED';
  readonly reasonable: boolean;
  /** Required when reasonable: the notified delayed answer date (Art. 35). */
  readonly delayedAnswerOn?: LocalDate;
};
export type DraftDecisionEvent = EventBase & {
  readonly type: 'DRAFT_DECISION';
  readonly outcome: Outcome;
  /** Art. 36–37: why the outcome refuses or limits; required for those outcomes. */
  readonly reasons?: string;
  /** The legal basis as printed (pre-filled from the outcome catalogue, editable). */
  readonly basis?: string;
};
export type ApproveDecisionEvent = EventBase & {
  readonly type: 'APPROVE_DECISION';
  readonly comment?: string;
};
export type ReturnDecisionEvent = EventBase & {
  readonly type: 'RETURN_DECISION';
  readonly comment: string;
};
export type RequestExtensionEvent = EventBase & {
  readonly type: 'REQUEST_EXTENSION';
  readonly workingDays: number;
  readonly reason: string;
};
export type ApproveExtensionEvent = EventBase & { readonly type: 'APPROVE_EXTENSION' };
export type RefuseExtensionEvent = EventBase & {
  readonly type: 'REFUSE_EXTENSION';
  readonly comment?: string;
};
export type RecordServiceEvent = EventBase & {
  readonly type: 'RECORD_SERVICE';
  readonly method: ServiceMethod;
  /** Signature day, or 交邮之日 for post (Project rule 2). */
  readonly servedOn: LocalDate;
};
/**
 * 送达 of the notice that the application is no longer processed (不再处理告知书 / 终止办理告知书),
 * on a case that ended without a decision: 补正 or fee overdue, or withdrawn when a notice was sent.
 */
export type RecordNoticeServiceEvent = EventBase & {
  readonly type: 'RECORD_NOTICE_SERVICE';
  readonly method: ServiceMethod;
  /** Signature day, or 交邮之日 for post, as for a decision. */
  readonly servedOn: LocalDate;
};
export type WithdrawEvent = EventBase & { readonly type: 'WITHDRAW'; readonly reason?: string };
export type YearClosedEvent = EventBase & { readonly type: 'YEAR_CLOSED'; readonly year: number };

export type CaseEvent =
  | AcceptEvent
  | RequestSupplementEvent
  | SupplementReceivedEvent
  | SupplementOverdueEvent
  | StartConsultationEvent
  | ConsultationRepliedEvent
  | ConsultationExpiredEvent
  | ServeFeeNoticeEvent
  | FeePaidEvent
  | FeeOverdueEvent
  | RequestReasonsEvent
  | ReasonsJudgedEvent
  | DraftDecisionEvent
  | ApproveDecisionEvent
  | ReturnDecisionEvent
  | RequestExtensionEvent
  | ApproveExtensionEvent
  | RefuseExtensionEvent
  | RecordServiceEvent
  | RecordNoticeServiceEvent
  | WithdrawEvent
  | YearClosedEvent;

export type CaseEventType = CaseEvent['type'];

export const CASE_EVENT_TYPES: readonly CaseEventType[] = [
  'ACCEPT',
  'REQUEST_SUPPLEMENT',
  'SUPPLEMENT_RECEIVED',
  'SUPPLEMENT_OVERDUE',
  'START_CONSULTATION',
  'CONSULTATION_REPLIED',
  'CONSULTATION_EXPIRED',
  'SERVE_FEE_NOTICE',
  'FEE_PAID',
  'FEE_OVERDUE',
  'REQUEST_REASONS',
  'REASONS_JUDGED',
  'DRAFT_DECISION',
  'APPROVE_DECISION',
  'RETURN_DECISION',
  'REQUEST_EXTENSION',
  'APPROVE_EXTENSION',
  'REFUSE_EXTENSION',
  'RECORD_SERVICE',
  'RECORD_NOTICE_SERVICE',
  'WITHDRAW',
  'YEAR_CLOSED',
];

export function isCaseEventType(value: unknown): value is CaseEventType {
  return typeof value === 'string' && (CASE_EVENT_TYPES as readonly string[]).includes(value);
}

export type ProcedureState =
  | 'intake'
  | 'awaitingSupplement'
  | 'processing'
  | 'consulting'
  | 'awaitingReasons'
  | 'awaitingApproval';
/**
 * Machine v2: the fee notice is a region of its own, because a fee notice may be served while a
 * third party is being consulted (ledger-format.md's example: consultation 03-13→03-24, fee
 * notice 03-15, paid 03-20). Both pauses then run at once; the clock unions them.
 */
export type FeeState = 'none' | 'awaiting' | 'paid';
export type ExtensionState = 'none' | 'requested' | 'granted' | 'refused';
export type ClosedState = 'awaitingService' | 'served' | 'ended';
/**
 * What an open case is waiting for, as clerks filter by it and the `state` column stores it: the
 * procedure step, except that a case that is only waiting for the fee shows 待缴费.
 */
export type OpenState = ProcedureState | 'awaitingFee';

export const PROCEDURE_STATES: readonly ProcedureState[] = [
  'intake',
  'awaitingSupplement',
  'processing',
  'consulting',
  'awaitingReasons',
  'awaitingApproval',
];
export const OPEN_STATES: readonly OpenState[] = [
  'intake',
  'awaitingSupplement',
  'processing',
  'consulting',
  'awaitingFee',
  'awaitingReasons',
  'awaitingApproval',
];
export const FEE_STATES: readonly FeeState[] = ['none', 'awaiting', 'paid'];
export const EXTENSION_STATES: readonly ExtensionState[] = [
  'none',
  'requested',
  'granted',
  'refused',
];
export const CLOSED_STATES: readonly ClosedState[] = ['awaitingService', 'served', 'ended'];

export type CaseStateValue =
  | {
      readonly open: {
        readonly procedure: ProcedureState;
        readonly fee: FeeState;
        readonly extension: ExtensionState;
      };
    }
  | { readonly closed: ClosedState };

export interface SupplementRecord {
  readonly requestedOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly items: readonly string[];
  readonly receivedOn: LocalDate | null;
}

export interface ConsultationRecord {
  readonly party: ConsultationParty;
  readonly sentOn: LocalDate;
  readonly endedOn: LocalDate | null;
  readonly end: 'replied' | 'expired' | null;
}

export interface FeeRecord {
  readonly standard: FeeStandard;
  readonly amountYuan: number;
  readonly ordinalInMonth?: number;
  readonly pages?: number;
  /** Present when the clerk charged another amount than the computed one. */
  readonly overrideReason?: string;
  readonly servedOn: LocalDate;
  readonly paidOn: LocalDate | null;
}

export interface ExtensionRecord {
  readonly workingDays: number;
  readonly reason: string;
  readonly requestedOn: LocalDate;
  readonly requestedBy: string;
  readonly decision: 'granted' | 'refused' | null;
  readonly decidedOn: LocalDate | null;
  readonly decidedBy: string | null;
}

export interface Art35Record {
  readonly requestedOn: LocalDate;
  readonly judgedOn: LocalDate | null;
  readonly reasonable: boolean | null;
  readonly delayedAnswerOn: LocalDate | null;
}

export interface ApprovalRecord {
  readonly step: number;
  readonly by: string;
  readonly on: LocalDate;
  readonly comment?: string;
}

export interface DraftRecord {
  readonly outcome: Outcome;
  /** Absent on drafts made before reasons were recorded and on outcomes that need none. */
  readonly reasons?: string;
  readonly basis?: string;
  readonly draftedOn: LocalDate;
  readonly draftedBy: string;
  readonly approvals: readonly ApprovalRecord[];
}

export interface ReturnedDraft extends DraftRecord {
  readonly returnedOn: LocalDate;
  readonly returnedBy: string;
  readonly comment: string;
}

export interface ServiceRecord {
  readonly method: ServiceMethod;
  readonly servedOn: LocalDate;
}

export interface CaseFlags {
  /** Art. 30: the 补正 notice went out later than 7 WD after receipt (allowed, flagged). */
  readonly supplementNoticeLate: boolean;
  /** Art. 33 / Art. 35: the decision was approved after the answer deadline. */
  readonly decidedLate: boolean;
  /** Project rule 2: served after the answer deadline (late answers are flagged, never refused). */
  readonly answeredLate: boolean;
  /** Art. 33: the extension was granted after the answer deadline had passed. */
  readonly extensionLate: boolean;
}

/** Plain JSON: what the clock and the statistics need; everything else is in the journal. */
export interface CaseContext {
  readonly machineVersion: number;
  /** Art. 31 receipt date. */
  readonly receivedOn: LocalDate;
  /** The latest legal date of a fact; later events may not go before it. */
  readonly lastEventOn: LocalDate;
  /** The agency's approval chain: how many leader approvals a decision needs (≥ 1). */
  readonly approvalSteps: number;
  readonly supplement: SupplementRecord | null;
  readonly consultations: readonly ConsultationRecord[];
  readonly fee: FeeRecord | null;
  readonly extension: ExtensionRecord | null;
  readonly art35: Art35Record | null;
  readonly draft: DraftRecord | null;
  readonly returnedDrafts: readonly ReturnedDraft[];
  readonly outcome: Outcome | null;
  readonly decidedOn: LocalDate | null;
  readonly service: ServiceRecord | null;
  /**
   * 送达 of the 不再处理告知书 of an ended case. Absent in snapshots written before the step existed,
   * so those stay valid as they are (no machine version change); it is not an answer, so it never
   * sets `service`, the served date or the timeliness flags.
   */
  readonly noticeService?: ServiceRecord | null;
  readonly flags: CaseFlags;
  /** Years whose 31 December found the case open (结转), recorded once each. */
  readonly yearsClosed: readonly number[];
  readonly ledger: readonly ClockEntry[];
}

export interface CreateCaseInput {
  readonly receivedOn: LocalDate;
  readonly approvalSteps?: number;
}
