import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  applyCaseEvent,
  CASE_MACHINE_ID,
  CASE_MACHINE_VERSION,
  caseStatus,
  createCase,
  deriveDeadlines,
  isLocalDate,
  persistSnapshot,
  type CaseEvent,
  type CaseEventType,
  type CaseSnapshot,
  type LocalDate,
  type WorkingDayCalendar,
} from '@gongkai/domain';
import { CaseEntity } from '../entities/case.entity';
import { CaseEventEntity } from '../entities/case-event.entity';
import { CaseError } from './case-errors';
import {
  generateQueryCode,
  journalRow,
  nextDueOn,
  snapshotChanges,
  stateColumns,
  type CaseEventInput,
  type CaseTransitionService,
  type JournalActor,
  type JournalEntry,
  type RegisterCaseInput,
} from './case-transition';
import { GENESIS_HASH } from './journal-hash';

/** One step of a history to replay, and who takes it. */
export interface ReplayStep {
  readonly event: CaseEventInput;
  readonly actor: JournalActor;
}

/** A case and its whole journal, as register() and apply() step by step would have written them. */
export interface ReplayedCase {
  readonly row: CaseEntity;
  readonly journal: readonly ReturnType<typeof journalRow>['fields'][];
  readonly snapshot: CaseSnapshot;
}

export type ReplayResult =
  | { readonly ok: true; readonly replayed: ReplayedCase }
  | {
      readonly ok: false;
      readonly message: string;
      /** The refused step; absent when the registration itself was refused. */
      readonly step?: { readonly type: CaseEventType; readonly on: LocalDate };
    };

/**
 * A registration and its history replayed in memory through the machine, with the same checks,
 * rows, versions (one per journal row) and hash chain as register() followed by one apply() per
 * step — without writing. The importer replays every line first (all or nothing), then writes
 * the replayed cases with writeReplayedCases(); a history imported this way verifies like one
 * typed in at the desk.
 */
export function replayCase(
  transitions: CaseTransitionService,
  input: RegisterCaseInput & { readonly ref: string; readonly approvalSteps: number },
  steps: readonly ReplayStep[],
  calendar: WorkingDayCalendar,
  registeredBy: JournalActor,
): ReplayResult {
  let facts: ReturnType<CaseTransitionService['checkRegistration']>;
  try {
    facts = transitions.checkRegistration(input);
  } catch (error) {
    if (error instanceof CaseError) return { ok: false, message: error.message };
    throw error;
  }
  const today = transitions.currentDate();
  let snapshot = createCase(
    { receivedOn: input.receivedOn, approvalSteps: input.approvalSteps },
    calendar,
  );
  const status = caseStatus(snapshot);
  const deadlines = deriveDeadlines(snapshot.context, calendar);
  const now = new Date();
  const requestText = input.request?.trim() || null;
  const origin = input.origin ?? 'desk';
  const row = Object.assign(new CaseEntity(), {
    id: randomUUID(),
    agencyId: input.agencyId,
    ref: input.ref,
    receivedOn: input.receivedOn,
    channel: input.channel,
    applicantCategory: input.applicant.category,
    ...facts,
    requestText,
    requestedForm: input.requestedForm?.trim() || null,
    origin,
    machineId: CASE_MACHINE_ID,
    machineVersion: CASE_MACHINE_VERSION,
    snapshot: persistSnapshot(snapshot),
    ...stateColumns(status),
    closed: false,
    outcome: null,
    decidedOn: null,
    servedOn: null,
    flags: status.flags,
    deadlines,
    answerDueOn: deadlines.answer.dueOn,
    nextDueOn: nextDueOn(status, deadlines),
    assignedClerkId: input.assignedClerkId ?? null,
    version: 1,
    queryCode: generateQueryCode(),
    createdAt: now,
    updatedAt: now,
  });
  const entries: JournalEntry[] = [
    {
      type: 'REGISTERED',
      machineEvent: false,
      payload: {
        ref: input.ref,
        receivedOn: input.receivedOn,
        channel: input.channel,
        applicantCategory: input.applicant.category,
        applicantName: facts.applicantName,
        identityNumberHint: facts.applicantIdentityHint,
        ...(facts.applicantCreditCode ? { applicantCreditCode: facts.applicantCreditCode } : {}),
        request: requestText,
        approvalSteps: input.approvalSteps,
        origin,
      },
      actor: registeredBy,
      occurredOn: input.receivedOn,
      basis: '第三十一条',
      stateAfter: status.state,
    },
  ];
  let last: ReturnType<typeof applyCaseEvent> | null = null;
  for (const { event: input, actor } of steps) {
    const step = { type: input.type, on: input.on };
    // As apply(): no fact after today (the deadlines a clerk sets may be later).
    for (const [field, value] of Object.entries(input)) {
      if (isLocalDate(value) && value > today && field !== 'dueOn' && field !== 'delayedAnswerOn') {
        return { ok: false, step, message: `日期不能晚于今天（${today}）：${value}` };
      }
    }
    const event = { ...input, actor: { id: actor.id, role: actor.role } } as unknown as CaseEvent;
    const result = applyCaseEvent(snapshot, event, calendar);
    if (!result.ok) return { ok: false, step, message: result.message };
    last = result;
    snapshot = result.snapshot;
    const { type, on, ...payload } = input;
    entries.push({
      type,
      machineEvent: true,
      payload: { ...payload, ...(result.effects.length ? { effects: result.effects } : {}) },
      actor,
      occurredOn: on,
      basis: result.basis,
      stateAfter: caseStatus(result.snapshot).state,
    });
  }
  if (last?.ok) {
    Object.assign(row, snapshotChanges(row, snapshot, last.deadlines), {
      version: entries.length,
      updatedAt: now,
    });
  }
  let head = { seq: 0, hash: GENESIS_HASH };
  const journal = entries.map((entry) => {
    const { fields } = journalRow(row, entry, head);
    head = { seq: fields.seq, hash: fields.hash };
    return fields;
  });
  return { ok: true, replayed: { row, journal, snapshot } };
}

/**
 * Rows as one jsonb parameter, expanded by PostgreSQL into the table's own column types: one
 * statement per batch, whatever its size, with no per-value placeholders to build.
 */
async function insertRows(
  m: EntityManager,
  entity: typeof CaseEntity | typeof CaseEventEntity,
  rows: readonly object[],
): Promise<void> {
  if (!rows.length) return;
  const metadata = m.connection.getMetadata(entity);
  // Only the columns the rows set, so the others keep their defaults.
  const columns = metadata.columns.filter((c) =>
    rows.some((r) => (r as Record<string, unknown>)[c.propertyName] !== undefined),
  );
  const json = rows.map((r) => {
    const record = r as Record<string, unknown>;
    return Object.fromEntries(columns.map((c) => [c.databaseName, record[c.propertyName]]));
  });
  const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
  await m.query(
    `INSERT INTO ${metadata.tableName} (${names})
     SELECT ${names} FROM jsonb_populate_recordset(NULL::${metadata.tableName}, $1::jsonb)`,
    [JSON.stringify(json)],
  );
}

/**
 * Writes replayed cases and their journals in a few multi-row statements, inside the caller's
 * transaction. Registrations of each agency are serialised as register() does.
 */
export async function writeReplayedCases(
  m: EntityManager,
  cases: readonly Pick<ReplayedCase, 'row' | 'journal'>[],
): Promise<void> {
  for (const agencyId of [...new Set(cases.map((c) => c.row.agencyId))].sort()) {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cases:${agencyId}`]);
  }
  await insertRows(
    m,
    CaseEntity,
    cases.map((c) => c.row),
  );
  await insertRows(
    m,
    CaseEventEntity,
    cases.flatMap((c) => c.journal),
  );
}
