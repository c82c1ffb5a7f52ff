import {
  CaseRunner,
  caseStatus,
  deriveDeadlines,
  type CaseEvent,
  type CaseSnapshot,
  type WorkingDayCalendar,
} from '@gongkai/domain';
import { GENESIS_HASH, journalRowHash, type CheckpointEntry } from '@gongkai/persistence';
import { nextDueOn } from '../cases/case-transition.context';
import { finding, type CaseIdentity, type JournalFinding } from './journal-finding';

/**
 * The replay audit's pure core (DESIGN.md, Journal: "the case row is only a cache of it"): one
 * case's journal is checked link by link and run through the same machine, guards and refusals
 * the live path runs (`CaseRunner`, which agrees with `applyCaseEvent` event by event), then
 * every column the statistics and the desk read is compared with what the journal implies. No
 * I/O: the use case streams rows in and findings out.
 */

/** A `case_events` row as the audit reads it (dates as YYYY-MM-DD, like the hash input). */
export interface JournalRecord {
  readonly seq: number;
  readonly type: string;
  readonly machine_event: boolean;
  readonly payload: Record<string, unknown>;
  readonly actor_id: string;
  readonly actor_role: string;
  readonly occurred_on: string;
  readonly recorded_at: Date;
  readonly basis: string | null;
  readonly state_after: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** A `cases` row as the audit reads it. */
export interface StoredCase {
  readonly id: string;
  readonly agency_id: string;
  readonly agency_code: string;
  readonly ref: string;
  readonly received_on: string;
  readonly channel: string;
  readonly applicant_category: string;
  readonly state: string;
  readonly fee_state: string;
  readonly extension_state: string;
  readonly closed: boolean;
  readonly outcome: string | null;
  readonly decided_on: string | null;
  readonly served_on: string | null;
  readonly flags: unknown;
  readonly deadlines: unknown;
  readonly answer_due_on: string | null;
  readonly next_due_on: string | null;
  readonly version: number;
  readonly snapshot: { value?: unknown; context?: unknown } | null;
  readonly assigned_clerk_id: string | null;
}

/**
 * The working-day calendar as it stood when a row was written. Transitions and recomputes ran on
 * the calendar of their day (flags and deadlines depend on it), so the replay must too.
 */
export type CalendarAt = (recordedAt: Date) => WorkingDayCalendar;

export interface CaseReplay {
  readonly findings: JournalFinding[];
  /** The journal as it stands: its length and its last row's hash (what a checkpoint signs). */
  readonly length: number;
  readonly head: string;
}

export function identityOf(row: StoredCase): CaseIdentity {
  return { agencyId: row.agency_id, agencyCode: row.agency_code, caseId: row.id, ref: row.ref };
}

/** The first broken link of the chain, as a finding; null when every link holds. */
function chainFinding(who: CaseIdentity, rows: readonly JournalRecord[]): JournalFinding | null {
  let prev = GENESIS_HASH;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.seq !== i + 1) {
      return finding(who, 'chain', row.seq, i + 1, `第${i + 1}条记录缺失`);
    }
    if (row.prev_hash !== prev) {
      return finding(
        who,
        'chain',
        row.prev_hash,
        prev,
        `第${row.seq}条记录与上一条的哈希链接不符（上一条被修改、插入或删除）`,
      );
    }
    const hash = journalRowHash(who.caseId, row);
    if (hash !== row.hash) {
      return finding(
        who,
        'chain',
        row.hash,
        hash,
        `第${row.seq}条记录内容与其哈希不符（记录被修改）`,
      );
    }
    prev = row.hash;
  }
  return null;
}

/** The event the live path handed to the machine: the row's fields, its date and its actor. */
function machineEventOf(row: JournalRecord): CaseEvent {
  // `effects` is what the machine answered, journaled with the event, not part of it.
  const { effects: _effects, ...fields } = row.payload;
  return {
    ...fields,
    type: row.type,
    on: row.occurred_on,
    actor: { id: row.actor_id, role: row.actor_role },
  } as unknown as CaseEvent;
}

/**
 * Equal as JSON, whatever the key order (jsonb reorders keys) and with undefined members absent
 * (as JSON drops them). Walks both values instead of serialising them: the deadlines with their
 * derivations are the largest values of a case, compared once per case.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) {
    return (a ?? null) === (b ?? null);
  }
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const key in x) {
    const value = x[key];
    if (value === undefined) continue;
    defined++;
    const other = y[key];
    // A null member is not an absent one: JSON keeps it.
    if (other === undefined || !sameJson(value, other)) return false;
  }
  for (const key in y) if (y[key] !== undefined) defined--;
  return defined === 0;
}

const same = sameJson;

const REGISTRATION_FACTS: readonly [string, keyof StoredCase, string][] = [
  ['ref', 'ref', '登记编号'],
  ['receivedOn', 'received_on', '收到申请日期'],
  ['channel', 'channel', '申请方式'],
  ['applicantCategory', 'applicant_category', '申请人类型'],
];

/** Replays one case's journal and compares the result with its row. */
export function replayCase(
  stored: StoredCase,
  rows: readonly JournalRecord[],
  calendarAt: CalendarAt,
): CaseReplay {
  const who = identityOf(stored);
  const findings: JournalFinding[] = [];
  const length = rows.length;
  const head = length ? rows[length - 1].hash : GENESIS_HASH;
  const chain = chainFinding(who, rows);
  if (chain) findings.push(chain);
  // One journal row per version: a row removed (or added) without the other shows here.
  if (stored.version !== length) {
    findings.push(
      finding(
        who,
        'version',
        stored.version,
        length,
        `案件版本为${stored.version}，日志有${length}条记录`,
      ),
    );
  }
  const replayed = replaySnapshot(who, stored, rows, calendarAt, findings);
  if (replayed) compareColumns(who, stored, replayed, findings);
  return { findings, length, head };
}

interface Replayed {
  readonly snapshot: CaseSnapshot;
  /** The calendar the stored deadlines were last derived on. */
  readonly calendar: WorkingDayCalendar;
  readonly assigneeId: string | null | undefined;
}

function replaySnapshot(
  who: CaseIdentity,
  stored: StoredCase,
  rows: readonly JournalRecord[],
  calendarAt: CalendarAt,
  findings: JournalFinding[],
): Replayed | null {
  const first = rows[0];
  if (!first || first.type !== 'REGISTERED') {
    findings.push(
      finding(who, 'replay', first?.type ?? null, 'REGISTERED', '日志缺少登记记录，无法重放案件'),
    );
    return null;
  }
  for (const [key, column, label] of REGISTRATION_FACTS) {
    const journaled = first.payload[key] ?? (key === 'receivedOn' ? first.occurred_on : undefined);
    if (journaled !== undefined && journaled !== stored[column]) {
      findings.push(finding(who, column, stored[column], journaled, `${label}与登记记录不符`));
    }
  }
  let calendar = calendarAt(first.recorded_at);
  const steps = first.payload['approvalSteps'];
  const runner = CaseRunner.register(
    {
      receivedOn: (first.payload['receivedOn'] as string | undefined) ?? first.occurred_on,
      approvalSteps: typeof steps === 'number' ? steps : 1,
    },
    calendar,
  );
  // Deadlines were last written by the registration, a transition or a recompute — on that
  // row's calendar; notes (改派, attachments) leave them as they were.
  let deadlineCalendar = calendar;
  let assigneeId: string | null | undefined;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    if (row.machine_event) {
      calendar = calendarAt(row.recorded_at);
      const result = runner.apply(machineEventOf(row), calendar);
      if (!result.ok) {
        findings.push(
          finding(
            who,
            'replay',
            row.type,
            result.code,
            `第${row.seq}条记录（${row.type}）按状态机不成立：${result.message}`,
          ),
        );
        return null;
      }
      deadlineCalendar = calendar;
      const state = caseStatus(result.snapshot).state;
      if (row.state_after !== state) {
        findings.push(
          finding(
            who,
            'stateAfter',
            row.state_after,
            state,
            `第${row.seq}条记录所记状态与重放不符`,
          ),
        );
      }
    } else if (row.type === 'DEADLINES_RECOMPUTED') {
      deadlineCalendar = calendarAt(row.recorded_at);
    } else if (row.type === 'ASSIGNEE_CHANGED') {
      const to = row.payload['to'] as { id?: string } | null | undefined;
      assigneeId = to?.id ?? null;
    }
  }
  return { snapshot: runner.snapshot, calendar: deadlineCalendar, assigneeId };
}

function compareColumns(
  who: CaseIdentity,
  stored: StoredCase,
  replayed: Replayed,
  findings: JournalFinding[],
): void {
  const { snapshot } = replayed;
  const status = caseStatus(snapshot);
  // What the live path stored: the deadlines of the last event's context (as `applyCaseEvent`
  // derives them), or of a recompute since, each on its row's calendar.
  const deadlines = deriveDeadlines(snapshot.context, replayed.calendar);
  const expected: readonly [keyof StoredCase, unknown, string][] = [
    ['state', status.state, '办理状态'],
    ['fee_state', status.fee, '收费状态'],
    ['extension_state', status.extension, '延期状态'],
    ['closed', status.closed, '是否办结'],
    ['outcome', status.outcome, '处理结果'],
    ['decided_on', status.decidedOn, '决定日期'],
    ['served_on', snapshot.context.service?.servedOn ?? null, '送达日期'],
    ['answer_due_on', deadlines.answer.dueOn, '答复期限'],
    ['next_due_on', nextDueOn(status, deadlines), '下一期限'],
    ['flags', status.flags, '逾期等标记'],
    ['deadlines', deadlines, '期限推算'],
  ];
  for (const [column, value, label] of expected) {
    const have = stored[column];
    const equal = typeof value === 'object' && value !== null ? same(have, value) : have === value;
    if (!equal) findings.push(finding(who, column, have, value, `${label}与日志重放结果不符`));
  }
  const value = stored.snapshot?.value;
  const context = stored.snapshot?.context;
  if (!same(value, snapshot.value)) {
    findings.push(
      finding(who, 'snapshot.value', value, snapshot.value, '状态机快照与日志重放结果不符'),
    );
  }
  if (!same(context, snapshot.context)) {
    findings.push(
      finding(
        who,
        'snapshot.context',
        differingKeys(context, snapshot.context),
        null,
        '状态机快照中的办理信息与日志重放结果不符',
      ),
    );
  }
  if (replayed.assigneeId !== undefined && replayed.assigneeId !== stored.assigned_clerk_id) {
    findings.push(
      finding(
        who,
        'assigned_clerk_id',
        stored.assigned_clerk_id,
        replayed.assigneeId,
        '经办人与最后一条改派记录不符',
      ),
    );
  }
}

/** The context's top-level keys that differ: enough to point the auditor at the change. */
function differingKeys(storedContext: unknown, replayed: object): string[] {
  const have = (typeof storedContext === 'object' && storedContext) || {};
  const keys = new Set([...Object.keys(have), ...Object.keys(replayed)]);
  return [...keys].filter(
    (k) => !same((have as Record<string, unknown>)[k], (replayed as Record<string, unknown>)[k]),
  );
}

/**
 * The journal now against a signed checkpoint's entry: it may only have grown, and its row at
 * the checkpoint's length must still carry the signed hash — so history rewritten before the
 * checkpoint is found even when every later hash was recomputed.
 */
export function checkAgainstCheckpoint(
  who: CaseIdentity,
  rows: readonly JournalRecord[],
  entry: CheckpointEntry,
  checkpointId: string,
): JournalFinding | null {
  if (rows.length < entry.length) {
    return finding(
      who,
      'checkpoint.length',
      rows.length,
      entry.length,
      `日志比签名检查点（${checkpointId}）时更短：记录被删除`,
    );
  }
  const then = rows[entry.length - 1];
  if (then.seq !== entry.length || then.hash !== entry.head) {
    return finding(
      who,
      'checkpoint.head',
      then.hash,
      entry.head,
      `第${entry.length}条记录的哈希与签名检查点（${checkpointId}）不符：检查点之前的日志被改写`,
    );
  }
  return null;
}
