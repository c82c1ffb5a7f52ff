import { getNextTransitions, type SnapshotFrom } from 'xstate';
import { type Outcome } from '../catalogues';
import { defaultWorkingDayCalendar, type WorkingDayCalendar } from '../calendar';
import { ledgerDeadlines, type CaseDeadlines } from '../clock';
import { formatLocalDateZh, isLocalDate, type LocalDate } from '../dates';
import { EVENT_LABELS, STATE_LABELS } from './case-labels';
import { EVENT_RULES, eventAvailability, validateEvent, type Refusal } from './case-rules';
import {
  CASE_MACHINE_ID,
  CASE_MACHINE_VERSION,
  caseMachine,
  caseMachineFor,
  FEE_NOTICE_STEPS,
  type CaseMachine,
} from './case.machine';
import { upgradePersistedSnapshot } from './case-upgrade';
import { initialMachineSnapshot, stepMachine } from './machine-scope';
import { mayApproveDecision } from './approval-rules';
import { actingRolesOf, type ActingUser } from './case-permissions';
import {
  CASE_EVENT_TYPES,
  CLOSED_STATES,
  EXTENSION_STATES,
  FEE_STATES,
  PROCEDURE_STATES,
  isCaseEventType,
  type ActorRole,
  type CaseContext,
  type CaseEvent,
  type CaseEventType,
  type CaseFlags,
  type CaseStateValue,
  type ClosedState,
  type CreateCaseInput,
  type ExtensionState,
  type FeeState,
  type OpenState,
} from './case.types';

export type CaseSnapshot = SnapshotFrom<CaseMachine>;

/** What the service stores: plain JSON, restorable with `restoreSnapshot`. */
export interface PersistedCaseSnapshot {
  readonly machineId: string;
  readonly machineVersion: number;
  readonly status: 'active';
  readonly value: CaseStateValue;
  readonly context: CaseContext;
}

export type CaseEffectCode =
  'supplement_notice_late' | 'decided_late' | 'answered_late' | 'extension_late' | 'closed';

export interface CaseEffect {
  readonly code: CaseEffectCode;
  readonly message: string;
}

export type ApplyResult =
  | {
      readonly ok: true;
      readonly snapshot: CaseSnapshot;
      readonly effects: readonly CaseEffect[];
      readonly flags: CaseFlags;
      /** Every deadline after the event (`deriveDeadlines` of the new context). */
      readonly deadlines: CaseDeadlines;
      /** Statutory basis of the transition, for the journal. */
      readonly basis: string | null;
    }
  | ({ readonly ok: false } & Refusal);

export class CaseSnapshotError extends Error {}

function registration(input: CreateCaseInput): CreateCaseInput {
  if (!isLocalDate(input.receivedOn)) {
    throw new CaseSnapshotError(`收到申请日期格式不正确：${String(input.receivedOn)}`);
  }
  const steps = input.approvalSteps ?? 1;
  if (!Number.isInteger(steps) || steps < 1) {
    throw new CaseSnapshotError('审批环节数至少为1');
  }
  return { ...input, approvalSteps: steps };
}

export function createCase(input: CreateCaseInput, calendar?: WorkingDayCalendar): CaseSnapshot {
  return initialMachineSnapshot(machineOf(calendar), registration(input));
}

/**
 * The one way a case changes: the pure transition, with a reason a clerk understands when the
 * event is refused. XState returns the same snapshot object for an event it does not take. The
 * machine's guard asks the rules (`validateEvent`) once; only a refused event asks them again,
 * for the reason to show.
 */
export function applyCaseEvent(
  snapshot: CaseSnapshot,
  event: CaseEvent,
  calendar: WorkingDayCalendar = defaultWorkingDayCalendar(),
): ApplyResult {
  const result = stepCaseEvent(snapshot, event, calendar);
  if (!result.ok) return result;
  const { context } = result.snapshot;
  return { ...result, flags: context.flags, deadlines: ledgerDeadlines(context.ledger, calendar) };
}

/** `applyCaseEvent`'s answer without the deadlines, which a run derives once at its end. */
export type StepResult =
  | {
      readonly ok: true;
      readonly snapshot: CaseSnapshot;
      readonly effects: readonly CaseEffect[];
      readonly basis: string | null;
    }
  | ({ readonly ok: false } & Refusal);

/** `applyCaseEvent` without the deadlines: the machine's step and the reason it refuses. */
export function stepCaseEvent(
  snapshot: CaseSnapshot,
  event: CaseEvent,
  calendar: WorkingDayCalendar,
): StepResult {
  const machine = caseMachineFor(calendar);
  const current = onMachine(snapshot, machine);
  if (current.status !== 'active') {
    return { ok: false, code: 'invalid_snapshot', message: '案件状态数据无效' };
  }
  const type = (event as { type?: unknown } | null)?.type;
  if (!isCaseEventType(type)) {
    return { ok: false, code: 'invalid_event', message: `未知的操作：${String(type)}` };
  }
  if (!eventTypesInState(current).has(type)) {
    const status = caseStatus(current);
    // On an open case, "already done" says more than "not in this state" (a second fee notice).
    const done = status.closed
      ? null
      : EVENT_RULES[type].available?.(current.context, event.on, calendar);
    if (done?.code === 'already_done') return { ok: false, ...done };
    return status.closed && type !== 'RECORD_SERVICE'
      ? { ok: false, code: 'case_closed', message: `案件已办结，不能${EVENT_LABELS[type].zh}` }
      : {
          ok: false,
          code: 'not_allowed_in_state',
          message: `案件当前为“${stateLabel(status)}”，不能${EVENT_LABELS[type].zh}`,
        };
  }
  const next = stepMachine(machine, current, event);
  if (next === current) {
    const refusal = validateEvent(current.context, event, calendar);
    return refusal
      ? { ok: false, ...refusal }
      : { ok: false, code: 'not_allowed_in_state', message: `不能${EVENT_LABELS[type].zh}` };
  }
  return taken(current, next, type);
}

/**
 * One case's events in order through the machine, as the replay audit and the register import
 * need them: `stepCaseEvent` event after event, each on its own calendar, the deadlines derived
 * by the caller once at the end. Registrations on the same day share one initial snapshot
 * (frozen: the machine never changes a snapshot it is given).
 */
export class CaseRunner {
  private constructor(private current: CaseSnapshot) {}

  static register(input: CreateCaseInput, calendar: WorkingDayCalendar): CaseRunner {
    return new CaseRunner(sharedInitialSnapshot(input, calendar));
  }

  /** A run from a snapshot (an import's shared initial snapshot; the run never changes it). */
  static from(snapshot: CaseSnapshot, calendar: WorkingDayCalendar): CaseRunner {
    return new CaseRunner(onMachine(snapshot, caseMachineFor(calendar)));
  }

  get snapshot(): CaseSnapshot {
    return this.current;
  }

  apply(event: CaseEvent, calendar: WorkingDayCalendar): StepResult {
    const result = stepCaseEvent(this.current, event, calendar);
    if (result.ok) this.current = result.snapshot;
    return result;
  }
}

/** Initial snapshots by machine and registration facts; bounded, as a register has many days. */
const initialSnapshots = new WeakMap<CaseMachine, Map<string, CaseSnapshot>>();
const INITIAL_SNAPSHOTS_KEPT = 4096;

/**
 * `createCase`, shared: one frozen snapshot per machine, received date and number of approval
 * steps, for the many cases a replay or an import starts (it is pure, and the machine never
 * changes a snapshot it is given; frozen, a change would throw instead of reaching other cases).
 */
export function sharedInitialSnapshot(
  registered: CreateCaseInput,
  calendar: WorkingDayCalendar,
): CaseSnapshot {
  const input = registration(registered);
  const machine = caseMachineFor(calendar);
  let byInput = initialSnapshots.get(machine);
  if (!byInput) initialSnapshots.set(machine, (byInput = new Map()));
  const key = `${input.receivedOn}|${input.approvalSteps}`;
  let snapshot = byInput.get(key);
  if (!snapshot) {
    if (byInput.size >= INITIAL_SNAPSHOTS_KEPT) byInput.clear();
    snapshot = frozenSnapshot(initialMachineSnapshot(machine, input));
    byInput.set(key, snapshot);
  }
  return snapshot;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/**
 * A snapshot many runs may start from (an import's lines received on one day): XState never
 * changes a snapshot it is given, and frozen, a change that would reach the other runs throws.
 * The machine it refers to is shared by every case and is left as it is.
 */
export function frozenSnapshot(snapshot: CaseSnapshot): CaseSnapshot {
  deepFreeze(snapshot.value);
  deepFreeze(snapshot.context);
  return Object.freeze(snapshot);
}

function taken(
  before: CaseSnapshot,
  after: CaseSnapshot,
  type: CaseEventType,
): StepResult & { ok: true } {
  return {
    ok: true,
    snapshot: after,
    effects: effectsOf(
      before.context,
      after.context,
      caseStatus(after).closed && !caseStatus(before).closed,
    ),
    basis: EVENT_LABELS[type].basis ?? null,
  };
}

export interface AllowedEvent {
  readonly type: CaseEventType;
  readonly label: string;
  readonly labelEn: string;
}

/**
 * What an actor may do next on `today` (the UI asks; it never decides). Given a role, what that
 * role may do; given a user (`ActingUser`), the union over the roles it acts in, without the
 * approval this leader has already given (the chain needs distinct leaders).
 */
export function allowedEvents(
  snapshot: CaseSnapshot,
  actor: ActorRole | ActingUser,
  calendar: WorkingDayCalendar = defaultWorkingDayCalendar(),
  today: LocalDate,
): AllowedEvent[] {
  const current = onMachine(snapshot, caseMachineFor(calendar));
  const available = eventTypesInState(current);
  const roles = typeof actor === 'string' ? [actor] : actingRolesOf(actor.roles);
  return CASE_EVENT_TYPES.filter(
    (type) =>
      available.has(type) &&
      roles.some(
        (role) => eventAvailability(current.context, type, role, today, calendar) === null,
      ) &&
      (typeof actor === 'string' ||
        type !== 'APPROVE_DECISION' ||
        mayApproveDecision(current.context, actor.id)),
  ).map((type) => ({ type, label: EVENT_LABELS[type].zh, labelEn: EVENT_LABELS[type].en }));
}

export interface CaseStatus {
  /** What the open case waits for (see `OpenState`), else the closed sub-state. */
  readonly state: OpenState | ClosedState;
  /** The fee region; a closed case's unpaid notice is `unpaid` (closed as other.fee_unpaid). */
  readonly fee: FeeState | 'unpaid';
  readonly extension: ExtensionState;
  readonly closed: boolean;
  readonly outcome: Outcome | null;
  readonly decidedOn: LocalDate | null;
  readonly flags: CaseFlags;
}

export function caseStatus(snapshot: { value: unknown; context: CaseContext }): CaseStatus {
  const value = snapshot.value as CaseStateValue;
  const { context } = snapshot;
  if ('closed' in value) {
    const e = context.extension?.decision;
    return {
      state: value.closed,
      fee: context.fee ? (context.fee.paidOn ? 'paid' : 'unpaid') : 'none',
      extension:
        e === 'granted'
          ? 'granted'
          : e === 'refused'
            ? 'refused'
            : context.extension
              ? 'requested'
              : 'none',
      closed: true,
      outcome: context.outcome,
      decidedOn: context.decidedOn,
      flags: context.flags,
    };
  }
  const { procedure, fee } = value.open;
  return {
    state: procedure === 'processing' && fee === 'awaiting' ? 'awaitingFee' : procedure,
    fee,
    extension: value.open.extension,
    closed: false,
    outcome: null,
    decidedOn: null,
    flags: context.flags,
  };
}

/** Every deadline of the case, re-derived from its clock ledger and the calendar. */
export function deriveDeadlines(
  context: CaseContext,
  calendar: WorkingDayCalendar = defaultWorkingDayCalendar(),
): CaseDeadlines {
  return ledgerDeadlines(context.ledger, calendar);
}

export function persistSnapshot(snapshot: CaseSnapshot): PersistedCaseSnapshot {
  return JSON.parse(
    JSON.stringify({
      machineId: CASE_MACHINE_ID,
      machineVersion: CASE_MACHINE_VERSION,
      status: snapshot.status,
      value: snapshot.value,
      context: snapshot.context,
    }),
  ) as PersistedCaseSnapshot;
}

/**
 * A stored snapshot back into the machine. XState does not throw on a state that no longer
 * exists, so the value, the status and the version are checked here. Snapshots of an earlier
 * machine version are upgraded first (case-upgrade.ts), so an exported case file still restores.
 */
export function restoreSnapshot(json: unknown, calendar?: WorkingDayCalendar): CaseSnapshot {
  const parsed = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  if (typeof parsed !== 'object' || parsed === null) {
    throw new CaseSnapshotError('案件状态数据无效');
  }
  const data = upgradePersistedSnapshot(parsed);
  const s = data as Partial<Record<keyof PersistedCaseSnapshot, unknown>>;
  if (s.machineId !== undefined && s.machineId !== CASE_MACHINE_ID) {
    throw new CaseSnapshotError(`案件状态数据不属于本状态机：${String(s.machineId)}`);
  }
  const context = s.context as CaseContext | undefined;
  const version = s.machineVersion ?? context?.machineVersion;
  if (version !== CASE_MACHINE_VERSION) {
    throw new CaseSnapshotError(
      `案件状态机版本 ${String(version)} 需要迁移到版本 ${CASE_MACHINE_VERSION}`,
    );
  }
  if (s.status !== 'active')
    throw new CaseSnapshotError(`案件状态数据的状态无效：${String(s.status)}`);
  if (!isKnownValue(s.value))
    throw new CaseSnapshotError(`未知的案件状态：${JSON.stringify(s.value)}`);
  if (
    typeof context !== 'object' ||
    context === null ||
    !isLocalDate(context.receivedOn) ||
    !Array.isArray(context.ledger)
  ) {
    throw new CaseSnapshotError('案件状态数据缺少办理信息');
  }
  return machineOf(calendar).resolveState({ value: s.value, context });
}

export function stateLabel(status: CaseStatus): string {
  return STATE_LABELS[status.state].zh;
}

function machineOf(calendar: WorkingDayCalendar | undefined): CaseMachine {
  return calendar ? caseMachineFor(calendar) : caseMachine;
}

function onMachine(snapshot: CaseSnapshot, machine: CaseMachine): CaseSnapshot {
  return snapshot.machine === machine
    ? snapshot
    : machine.resolveState({ value: snapshot.value, context: snapshot.context });
}

/**
 * The event types some transition of the current state takes. XState lists transitions without
 * evaluating guards, so the one guard that depends on another region (the fee notice needs a
 * procedure step, FEE_NOTICE_STEPS) is applied here as the machine applies it. The answer
 * depends only on the machine and the state value, so it is kept per machine (a few dozen
 * values at most) instead of walking the state nodes on every event.
 */
function eventTypesInState(snapshot: CaseSnapshot): ReadonlySet<string> {
  const value = snapshot.value as CaseStateValue;
  const key =
    'closed' in value
      ? value.closed
      : `${value.open.procedure}/${value.open.fee}/${value.open.extension}`;
  let byValue = eventTypesByMachine.get(snapshot.machine);
  if (!byValue) {
    byValue = new Map();
    eventTypesByMachine.set(snapshot.machine, byValue);
  }
  let types = byValue.get(key);
  if (!types) {
    const found = new Set(getNextTransitions(snapshot).map((t) => t.eventType));
    if (!FEE_NOTICE_STEPS.some((step) => snapshot.matches({ open: { procedure: step } }))) {
      found.delete('SERVE_FEE_NOTICE');
    }
    types = found;
    byValue.set(key, types);
  }
  return types;
}

const eventTypesByMachine = new WeakMap<CaseMachine, Map<string, ReadonlySet<string>>>();

function isKnownValue(value: unknown): value is CaseStateValue {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  const v = value as Record<string, unknown>;
  if (keys[0] === 'closed') return (CLOSED_STATES as readonly unknown[]).includes(v['closed']);
  if (keys[0] !== 'open') return false;
  const open = v['open'] as Record<string, unknown> | null;
  return (
    typeof open === 'object' &&
    open !== null &&
    Object.keys(open).length === 3 &&
    (PROCEDURE_STATES as readonly unknown[]).includes(open['procedure']) &&
    (FEE_STATES as readonly unknown[]).includes(open['fee']) &&
    (EXTENSION_STATES as readonly unknown[]).includes(open['extension'])
  );
}

const FLAG_EFFECTS: readonly [keyof CaseFlags, CaseEffectCode, string][] = [
  [
    'supplementNoticeLate',
    'supplement_notice_late',
    '补正通知超过收到申请之日起7个工作日发出（第三十条），已标记',
  ],
  ['decidedLate', 'decided_late', '答复决定晚于答复期限作出，已标记为逾期'],
  ['answeredLate', 'answered_late', '送达晚于答复期限，已标记为逾期答复'],
  ['extensionLate', 'extension_late', '延期在答复期限届满后才批准，已标记'],
];

function effectsOf(before: CaseContext, after: CaseContext, closedNow: boolean): CaseEffect[] {
  const effects: CaseEffect[] = FLAG_EFFECTS.filter(
    ([flag]) => after.flags[flag] && !before.flags[flag],
  ).map(([, code, message]) => ({ code, message }));
  if (closedNow && after.outcome && after.decidedOn) {
    effects.push({
      code: 'closed',
      message: `案件办结：${after.outcome}，决定日期${formatLocalDateZh(after.decidedOn)}`,
    });
  }
  return effects;
}
