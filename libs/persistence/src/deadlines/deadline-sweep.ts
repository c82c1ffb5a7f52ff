import type { DataSource, EntityManager } from 'typeorm';
import {
  addDays,
  allowedEvents,
  deriveDeadlines,
  maxLocalDate,
  type CaseEventType,
  type CaseSnapshot,
  type LocalDate,
  type WorkingDayCalendar,
} from '@gongkai/domain';
import { CaseEntity } from '../entities/case.entity';
import { CaseError } from '../cases/case-errors';
import { SYSTEM_ACTOR, type CaseTransitions } from '../cases/case-transitions.port';

/** The events a deadline sends by itself; only the system actor may send them. */
export const EXPIRY_EVENTS = ['SUPPLEMENT_OVERDUE', 'CONSULTATION_EXPIRED', 'FEE_OVERDUE'] as const;
export type ExpiryEventType = (typeof EXPIRY_EVENTS)[number];

export interface SweepAction {
  readonly caseId: string;
  readonly agencyId: string;
  readonly ref: string;
  readonly type: ExpiryEventType;
  /** The legal date of the event: the first day after the deadline. */
  readonly on: LocalDate;
  readonly deadline: LocalDate;
  readonly stateAfter: string;
  readonly outcome: string | null;
}

export type SweepSkipReason = 'locked' | 'nothing_due' | 'refused';

export interface SweepSkip {
  readonly caseId: string;
  readonly reason: SweepSkipReason;
  readonly message?: string;
}

export interface SweepResult {
  readonly today: LocalDate;
  readonly candidates: number;
  readonly applied: SweepAction[];
  readonly skipped: SweepSkip[];
}

export interface SweepOptions {
  readonly today: LocalDate;
  /** Only these agencies' cases (tests sharing one database; an operator redoing one agency). */
  readonly agencyIds?: readonly string[];
  /** Candidates fetched per round; a sweep keeps going until none are left. */
  readonly batchSize?: number;
  /** Called after each case's transaction has committed (progress; tests simulate a crash). */
  readonly afterCase?: (action: SweepAction) => void | Promise<void>;
}

/**
 * The deadline each expiry event waits for, re-derived from the clock ledger and the current
 * calendar (the stored `deadlines` column only selects candidates).
 */
function expiryDeadline(
  type: ExpiryEventType,
  snapshot: CaseSnapshot,
  calendar: WorkingDayCalendar,
): LocalDate | null {
  const deadlines = deriveDeadlines(snapshot.context, calendar);
  switch (type) {
    case 'SUPPLEMENT_OVERDUE':
      // Art. 30: the deadline the clerk set in the 补正 notice.
      return snapshot.context.supplement?.dueOn ?? null;
    case 'CONSULTATION_EXPIRED':
      // Arts 32, 34: 15 WD from service of the letter.
      return deadlines.consultationReply?.dueOn ?? null;
    case 'FEE_OVERDUE':
      // 国办函〔2020〕109号: 20 WD from the day after the fee notice was received.
      return deadlines.feePayment?.dueOn ?? null;
  }
}

/**
 * Open cases whose expiry deadline, as stored on the row, is before `today`. `next_due_on` is the
 * earliest of the row's deadlines, so it narrows the scan to the partial index first.
 */
async function candidateIds(
  manager: EntityManager,
  today: LocalDate,
  exclude: readonly string[],
  limit: number,
  agencyIds: readonly string[] | null,
): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT id FROM cases
      WHERE NOT closed
        AND next_due_on < $1::date
        AND (
          (state = 'awaitingSupplement' AND (deadlines->'supplement'->>'dueOn')::date < $1::date)
          OR (state = 'consulting' AND (deadlines->'consultationReply'->>'dueOn')::date < $1::date)
          OR (fee_state = 'awaiting' AND (deadlines->'feePayment'->>'dueOn')::date < $1::date)
        )
        AND NOT (id = ANY($2::uuid[]))
        AND ($4::uuid[] IS NULL OR agency_id = ANY($4::uuid[]))
      ORDER BY next_due_on, id
      LIMIT $3`,
    [today, exclude, limit, agencyIds],
  )) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * One deadline sweep (DESIGN.md "Deadline sweeps and jobs"). The database is the truth: each
 * candidate is locked in its own transaction with SKIP LOCKED (another worker holding it will do
 * it), re-read, and the machine is asked which expiry the system may send today. The event goes
 * through the one transition path as the system actor, so a sweep that runs late, twice, or
 * concurrently with another never sends one expiry twice: the second finds the case moved on.
 */
export async function sweepDeadlines(
  dataSource: DataSource,
  transitions: CaseTransitions,
  options: SweepOptions,
): Promise<SweepResult> {
  const { today } = options;
  const batchSize = options.batchSize ?? 200;
  const seen: string[] = [];
  const applied: SweepAction[] = [];
  const skipped: SweepSkip[] = [];

  for (;;) {
    const ids = await candidateIds(
      dataSource.manager,
      today,
      seen,
      batchSize,
      options.agencyIds ?? null,
    );
    if (ids.length === 0) break;
    seen.push(...ids);
    for (const caseId of ids) {
      const outcome = await sweepOne(dataSource, transitions, caseId, today);
      if ('skip' in outcome) {
        skipped.push(outcome.skip);
        continue;
      }
      applied.push(outcome.action);
      await options.afterCase?.(outcome.action);
    }
  }
  return { today, candidates: seen.length, applied, skipped };
}

async function sweepOne(
  dataSource: DataSource,
  transitions: CaseTransitions,
  caseId: string,
  today: LocalDate,
): Promise<{ action: SweepAction } | { skip: SweepSkip }> {
  try {
    return await dataSource.transaction(async (m) => {
      const locked = (await m.query(
        'SELECT id FROM cases WHERE id = $1 AND NOT closed FOR UPDATE SKIP LOCKED',
        [caseId],
      )) as { id: string }[];
      if (locked.length === 0) return { skip: { caseId, reason: 'locked' as const } };
      // Read after the lock: the committed row, whatever a concurrent sweep or clerk did.
      const row = await m.getRepository(CaseEntity).findOneByOrFail({ id: caseId });
      const calendar = await transitions.calendar(m);
      const snapshot = transitions.restore(row, calendar);
      const allowed = new Set(
        allowedEvents(snapshot, 'system', calendar, today).map((e) => e.type as CaseEventType),
      );
      const type = EXPIRY_EVENTS.find((t) => allowed.has(t));
      const deadline = type ? expiryDeadline(type, snapshot, calendar) : null;
      if (!type || !deadline) return { skip: { caseId, reason: 'nothing_due' as const } };
      // The first day after the deadline, so a late sweep still closes the case in the right
      // report year (Project rule 2); never before the last recorded step of the case.
      const on = maxLocalDate(addDays(deadline, 1), snapshot.context.lastEventOn);
      const result = await transitions.apply(caseId, { type, on }, SYSTEM_ACTOR, undefined, {
        manager: m,
      });
      return {
        action: {
          caseId,
          agencyId: row.agencyId,
          ref: row.ref,
          type,
          on,
          deadline,
          stateAfter: result.case.state,
          outcome: result.case.outcome,
        },
      };
    });
  } catch (error) {
    // A refusal is about this case only (e.g. a snapshot needing migration): report, carry on.
    if (error instanceof CaseError && error.kind !== 'conflict') {
      return { skip: { caseId, reason: 'refused', message: error.message } };
    }
    throw error;
  }
}
