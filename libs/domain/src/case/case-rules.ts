import {
  AUTOMATIC_OUTCOMES,
  decisionReasonsProblem,
  isOutcome,
  isServiceMethod,
} from '../catalogues';
import { CONSULTATION_WORKING_DAYS } from '../clock';
import { type WorkingDayCalendar } from '../calendar';
import { formatLocalDateZh, isLocalDate, yearOf, type LocalDate } from '../dates';
import { calculateFee, isFeeStandard } from '../fees';
import { hasApprovedDraft } from './approval-rules';
import { EVENT_LABELS } from './case-labels';
import { CASE_PAYLOAD_LIMITS } from './payload-limits';
import { ledgerDeadlines } from '../clock';
import {
  ACTOR_ROLES,
  isCaseEventType,
  type ActorRole,
  type CaseContext,
  type CaseEvent,
  type CaseEventType,
} from './case.types';

export type RefusalCode =
  | 'invalid_event'
  | 'invalid_actor'
  | 'role_not_allowed'
  | 'invalid_date'
  | 'before_receipt'
  | 'before_previous_event'
  | 'not_allowed_in_state'
  | 'case_closed'
  | 'invalid_snapshot'
  | 'invalid_payload'
  | 'already_done'
  | 'not_yet_due'
  | 'same_approver'
  | 'fee_pending'
  | 'future_date';

export interface Refusal {
  readonly code: RefusalCode;
  /** Chinese, for the clerk. */
  readonly message: string;
}

const refuse = (code: RefusalCode, message: string): Refusal => ({ code, message });

type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

interface EventRule<T extends CaseEventType> {
  /** Who may send it. Expiry events and year close come from the system actor only. */
  readonly roles: readonly ActorRole[];
  /** Conditions on the case at a date, whatever the payload (also used by allowedEvents). */
  readonly available?: (
    context: CaseContext,
    on: LocalDate,
    calendar: WorkingDayCalendar,
  ) => Refusal | null;
  readonly payload?: (
    event: EventOf<T>,
    context: CaseContext,
    calendar: WorkingDayCalendar,
  ) => Refusal | null;
}

const CLERK = ['clerk'] as const;
const LEADER = ['leader'] as const;
const SYSTEM = ['system'] as const;

const ROLE_LABELS: Record<ActorRole, string> = {
  clerk: '经办人',
  leader: '负责人',
  auditor: '审计人员',
  admin: '管理员',
  system: '系统',
};

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function openConsultation(context: CaseContext) {
  return context.consultations.find((c) => c.end === null) ?? null;
}

function supplementPending(context: CaseContext): boolean {
  return context.supplement !== null && context.supplement.receivedOn === null;
}

/**
 * Art. 42: while a fee notice is unpaid the agency waits — the applicant pays (and the request is
 * answered) or does not (and it is deemed abandoned). Nothing that decides or restarts the
 * request may happen in between.
 */
function feePending(context: CaseContext, doing: string): Refusal | null {
  return context.fee !== null && context.fee.paidOn === null
    ? refuse('fee_pending', `收费通知尚未缴费（第四十二条），缴费后才能${doing}`)
    : null;
}

/** 送达 of a decision or of a 不再处理告知书: a known method, served on or after the closing date. */
function servicePayload(
  e: { readonly method: unknown; readonly servedOn: unknown; readonly on: LocalDate },
  c: CaseContext,
): Refusal | null {
  if (!isServiceMethod(e.method)) return refuse('invalid_payload', '请选择送达方式');
  if (!isLocalDate(e.servedOn)) return refuse('invalid_payload', '送达日期格式不正确');
  if (c.decidedOn && e.servedOn < c.decidedOn) {
    return refuse(
      'invalid_payload',
      `送达日期不能早于决定日期（${formatLocalDateZh(c.decidedOn)}）`,
    );
  }
  return e.servedOn <= e.on ? null : refuse('invalid_payload', '送达日期不能晚于登记之日');
}

export const EVENT_RULES: { readonly [T in CaseEventType]: EventRule<T> } = {
  ACCEPT: { roles: CLERK },
  REQUEST_SUPPLEMENT: {
    roles: CLERK,
    // Art. 30: everything to supplement is told at once (一次性), so there is one notice only.
    available: (c) =>
      c.supplement
        ? refuse('already_done', '补正通知只能一次性发出，本案已经发出过补正通知')
        : feePending(c, '要求补正'),
    payload: (e) => {
      if (!Array.isArray(e.items) || e.items.length === 0 || !e.items.every(nonEmpty)) {
        return refuse('invalid_payload', '请列明需要补正的全部事项');
      }
      if (!isLocalDate(e.dueOn)) return refuse('invalid_payload', '补正期限日期格式不正确');
      if (e.dueOn <= e.on) return refuse('invalid_payload', '补正期限应晚于补正通知送达之日');
      return null;
    },
  },
  SUPPLEMENT_RECEIVED: {
    roles: CLERK,
    available: (c) =>
      supplementPending(c) ? null : refuse('not_allowed_in_state', '本案没有待补正的通知'),
  },
  SUPPLEMENT_OVERDUE: {
    roles: SYSTEM,
    // Art. 30: deemed abandoned only once the applicant's deadline has passed.
    available: (c, on) => {
      const s = c.supplement;
      if (!s || s.receivedOn) return refuse('not_allowed_in_state', '本案没有待补正的通知');
      return on > s.dueOn
        ? null
        : refuse(
            'not_yet_due',
            `补正期限（${formatLocalDateZh(s.dueOn)}）尚未届满，不能按逾期未补正处理`,
          );
    },
  },
  START_CONSULTATION: {
    roles: CLERK,
    payload: (e) =>
      e.party === 'third_party' || e.party === 'other_agency'
        ? null
        : refuse('invalid_payload', '请选择征求意见的对象：第三方或其他机关'),
  },
  CONSULTATION_REPLIED: {
    roles: CLERK,
    available: (c) =>
      openConsultation(c) ? null : refuse('not_allowed_in_state', '没有正在进行的征求意见'),
  },
  CONSULTATION_EXPIRED: {
    roles: SYSTEM,
    // Arts 32, 34: 15 WD for the reply; the expiry is refused before they have passed.
    available: (c, on, calendar) => {
      const open = openConsultation(c);
      if (!open) return refuse('not_allowed_in_state', '没有正在进行的征求意见');
      const due = calendar.addWorkingDays(open.sentOn, CONSULTATION_WORKING_DAYS).dueOn;
      return on > due
        ? null
        : refuse('not_yet_due', `征求意见期限（${formatLocalDateZh(due)}）尚未届满`);
    },
  },
  SERVE_FEE_NOTICE: {
    roles: CLERK,
    // 国办函〔2020〕109号: one standard per application, so one fee notice.
    available: (c) => (c.fee ? refuse('already_done', '本案已经送达过收费通知') : null),
    payload: (e) => {
      if (!isFeeStandard(e.standard))
        return refuse('invalid_payload', '请选择收费标准：按件或按量');
      if (typeof e.amountYuan !== 'number' || !Number.isFinite(e.amountYuan) || e.amountYuan <= 0) {
        return refuse('invalid_payload', '收费金额应为大于0的金额（元）');
      }
      if (e.standard === 'per_application' && e.pages !== undefined) {
        return refuse('invalid_payload', '同一申请只能适用一种收费标准：按件收费不填页数');
      }
      if (e.standard === 'per_page' && e.ordinalInMonth !== undefined) {
        return refuse('invalid_payload', '同一申请只能适用一种收费标准：按量收费不填当月件数');
      }
      const basis =
        e.standard === 'per_application' && e.ordinalInMonth !== undefined
          ? calculateFee({ standard: 'per_application', ordinalInMonth: e.ordinalInMonth })
          : e.standard === 'per_page' && e.pages !== undefined
            ? calculateFee({ standard: 'per_page', pages: e.pages })
            : null;
      const override = typeof e.overrideReason === 'string' ? e.overrideReason.trim() : '';
      if (e.overrideReason !== undefined && typeof e.overrideReason !== 'string') {
        return refuse('invalid_payload', '调整金额的理由应为文字');
      }
      // The computed amount is the rule; another amount is allowed with its reason on record.
      if (basis && basis.amountYuan !== e.amountYuan && !override) {
        return refuse(
          'invalid_payload',
          `收费金额与收费标准不符：应为${basis.amountYuan}元；确需调整的，请写明理由`,
        );
      }
      return null;
    },
  },
  FEE_PAID: { roles: CLERK },
  FEE_OVERDUE: {
    roles: SYSTEM,
    available: (c, on, calendar) => {
      const due = ledgerDeadlines(c.ledger, calendar).feePayment?.dueOn;
      if (!c.fee || !due) return refuse('not_allowed_in_state', '本案没有待缴费的收费通知');
      return on > due
        ? null
        : refuse('not_yet_due', `缴费期限（${formatLocalDateZh(due)}）尚未届满`);
    },
  },
  REQUEST_REASONS: {
    roles: CLERK,
    available: (c) =>
      c.art35
        ? refuse('already_done', '本案已经要求申请人说明理由')
        : feePending(c, '要求说明理由'),
  },
  REASONS_JUDGED: {
    roles: CLERK,
    payload: (e, c, calendar) => {
      if (typeof e.reasonable !== 'boolean') return refuse('invalid_payload', '请选择理由是否合理');
      if (!e.reasonable) return null;
      if (!isLocalDate(e.delayedAnswerOn)) {
        return refuse('invalid_payload', '理由合理的，应确定延迟答复的合理期限（第三十五条）');
      }
      if (e.delayedAnswerOn <= e.on) return refuse('invalid_payload', '延迟答复日期应晚于认定之日');
      // Art. 35 is for requests that cannot be answered within the Art. 33 period.
      const due = ledgerDeadlines(c.ledger, calendar).answer.dueOn;
      return due && e.delayedAnswerOn <= due
        ? refuse('invalid_payload', `延迟答复日期应晚于原答复期限（${formatLocalDateZh(due)}）`)
        : null;
    },
  },
  DRAFT_DECISION: {
    roles: CLERK,
    available: (c) => feePending(c, '起草答复决定'),
    payload: (e, c) => {
      if (!isOutcome(e.outcome)) return refuse('invalid_payload', '请选择一个办理结果');
      if (
        (AUTOMATIC_OUTCOMES as readonly string[]).includes(e.outcome) &&
        e.outcome !== 'other.other'
      ) {
        return refuse(
          'invalid_payload',
          '逾期未补正、逾期未缴费由系统在期限届满后自动办结，不能起草',
        );
      }
      // Art. 30: 补正后仍不明确 presupposes a supplement.
      if (e.outcome === 'unavailable.unclear_after_supplement' && !c.supplement?.receivedOn) {
        return refuse('invalid_payload', '本案未经补正，不能选择“补正后申请内容仍不明确”');
      }
      const problem = decisionReasonsProblem(e.outcome, e.reasons, e.basis);
      return problem ? refuse('invalid_payload', problem) : null;
    },
  },
  APPROVE_DECISION: {
    roles: LEADER,
    // The approval chain needs distinct leaders, one per step.
    available: () => null,
    payload: (e, c) =>
      hasApprovedDraft(c, e.actor.id)
        ? refuse('same_approver', '同一负责人不能重复审批同一决定')
        : null,
  },
  RETURN_DECISION: {
    roles: LEADER,
    payload: (e) =>
      nonEmpty(e.comment) ? null : refuse('invalid_payload', '退回时请填写退回意见'),
  },
  REQUEST_EXTENSION: {
    roles: CLERK,
    available: (c) => {
      if (c.extension) return refuse('already_done', '答复期限只能延长一次（第三十三条）');
      if (supplementPending(c))
        return refuse('not_allowed_in_state', '补正期间答复期限不计算，无需延期');
      return null;
    },
    payload: (e) => {
      const { min, max } = CASE_PAYLOAD_LIMITS.extensionWorkingDays;
      if (!Number.isInteger(e.workingDays) || e.workingDays < min || e.workingDays > max) {
        return refuse('invalid_payload', `延长期限最长不超过${max}个工作日（第三十三条）`);
      }
      return nonEmpty(e.reason) ? null : refuse('invalid_payload', '请填写延期理由');
    },
  },
  // Art. 33: extension needs the consent of the head of the disclosure office (a leader).
  APPROVE_EXTENSION: { roles: LEADER },
  REFUSE_EXTENSION: { roles: LEADER },
  RECORD_SERVICE: { roles: CLERK, payload: servicePayload },
  RECORD_NOTICE_SERVICE: {
    roles: CLERK,
    // One notice ends the matter; a second service would be a correction, not a new fact.
    available: (c) =>
      c.noticeService ? refuse('already_done', '本案已登记不再处理告知书的送达') : null,
    payload: servicePayload,
  },
  WITHDRAW: { roles: CLERK },
  YEAR_CLOSED: {
    roles: SYSTEM,
    // The year that has most recently ended at `on` must still be open in the case's books.
    available: (c, on) => {
      const year = on.endsWith('-12-31') ? yearOf(on) : yearOf(on) - 1;
      if (c.yearsClosed.includes(year)) return refuse('already_done', `${year}年度已结转`);
      return year >= yearOf(c.receivedOn) ? null : refuse('not_yet_due', '没有待结转的年度');
    },
    payload: (e, c) => {
      if (!Number.isInteger(e.year)) return refuse('invalid_payload', '年份不正确');
      if (c.yearsClosed.includes(e.year)) return refuse('already_done', `${e.year}年度已结转`);
      if (e.year < yearOf(c.receivedOn))
        return refuse('invalid_payload', `本案${e.year}年尚未收到`);
      return e.on >= `${e.year}-12-31`
        ? null
        : refuse('not_yet_due', `${e.year}年12月31日之前不能办理年度结转`);
    },
  },
};

/** Checks an event against the case, apart from whether the current state accepts it. */
export function validateEvent(
  context: CaseContext,
  event: CaseEvent,
  calendar: WorkingDayCalendar,
): Refusal | null {
  const shape = validateShape(event);
  if (shape) return shape;
  const rule = EVENT_RULES[event.type] as EventRule<CaseEventType>;
  return (
    checkActorAndDate(context, event.type, event.actor.role, event.on) ??
    rule.available?.(context, event.on, calendar) ??
    rule.payload?.(event as EventOf<CaseEventType>, context, calendar) ??
    null
  );
}

/** Whether a role could send this event type on a date, before any payload is known. */
export function eventAvailability(
  context: CaseContext,
  type: CaseEventType,
  role: ActorRole,
  on: LocalDate,
  calendar: WorkingDayCalendar,
): Refusal | null {
  const rule = EVENT_RULES[type] as EventRule<CaseEventType>;
  return (
    checkActorAndDate(context, type, role, on) ?? rule.available?.(context, on, calendar) ?? null
  );
}

function checkActorAndDate(
  context: CaseContext,
  type: CaseEventType,
  role: ActorRole,
  on: LocalDate,
): Refusal | null {
  const rule = EVENT_RULES[type];
  if (!rule.roles.includes(role)) {
    return refuse(
      'role_not_allowed',
      `${ROLE_LABELS[role]}不能${EVENT_LABELS[type].zh}；只有${rule.roles.map((r) => ROLE_LABELS[r]).join('、')}可以`,
    );
  }
  if (!isLocalDate(on)) return refuse('invalid_date', `日期格式不正确：${String(on)}`);
  if (on < context.receivedOn) {
    return refuse(
      'before_receipt',
      `日期不能早于收到申请之日（${formatLocalDateZh(context.receivedOn)}）`,
    );
  }
  // Year close is bookkeeping, not a fact of the procedure: it neither sets nor checks the order.
  if (type !== 'YEAR_CLOSED' && on < context.lastEventOn) {
    return refuse(
      'before_previous_event',
      `日期不能早于上一办理环节的日期（${formatLocalDateZh(context.lastEventOn)}）`,
    );
  }
  return null;
}

function validateShape(event: unknown): Refusal | null {
  if (typeof event !== 'object' || event === null) return refuse('invalid_event', '无效的操作');
  const e = event as { type?: unknown; actor?: unknown; on?: unknown };
  if (!isCaseEventType(e.type)) return refuse('invalid_event', `未知的操作：${String(e.type)}`);
  const actor = e.actor as { id?: unknown; role?: unknown } | undefined;
  if (
    typeof actor !== 'object' ||
    actor === null ||
    !nonEmpty(actor.id) ||
    !(ACTOR_ROLES as readonly unknown[]).includes(actor.role)
  ) {
    return refuse('invalid_actor', '操作人信息不完整');
  }
  if (!isLocalDate(e.on)) return refuse('invalid_date', `日期格式不正确：${String(e.on)}`);
  return null;
}
