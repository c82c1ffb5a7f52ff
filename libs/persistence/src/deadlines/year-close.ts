import type { DataSource } from 'typeorm';
import { yearOf, type LocalDate } from '@gongkai/domain';
import { CaseEntity } from '../entities/case.entity';
import { CaseError } from '../cases/case-errors';
import { SYSTEM_ACTOR, type CaseTransitions } from '../cases/case-transitions.port';
import { sweepDeadlines, type SweepResult } from './deadline-sweep';

export interface YearCloseOptions {
  readonly year: number;
  readonly today: LocalDate;
  /**
   * Send expiries that fell due before the year ended first (default true): a worker that was
   * down over New Year must not carry forward a case the law had already closed in December.
   */
  readonly sweepFirst?: boolean;
  /** Only these agencies' cases (tests sharing one database; an operator redoing one agency). */
  readonly agencyIds?: readonly string[];
  /** How long to wait for a case a clerk is changing right now before reporting it (ms). */
  readonly lockTimeoutMs?: number;
}

export interface YearCloseResult {
  readonly year: number;
  readonly sweep: SweepResult | null;
  /** Open cases received by 31 December that were not yet closed for the year. */
  readonly candidates: number;
  readonly marked: { caseId: string; agencyId: string; ref: string; state: string }[];
  /** Already carried forward (a second run, or a concurrent worker got there first). */
  readonly alreadyClosed: string[];
  /** Cases that could not be marked now; a retry picks them up. */
  readonly failed: { caseId: string; message: string }[];
}

export class YearCloseError extends Error {}

/** The years a year close may be run for on `today`: ended ones only. */
export function checkYearToClose(year: number, today: LocalDate): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2999) {
    throw new YearCloseError(`年份不正确：${String(year)}`);
  }
  if (year >= yearOf(today)) {
    throw new YearCloseError(`${year}年尚未结束（今天是${today}），不能办理年度结转`);
  }
}

/**
 * Records YEAR_CLOSED {year} on every case still open at the end of `year` (DESIGN.md: the
 * carry-forward 结转下年度 is in the journal). Each case goes through the one transition path as the
 * system actor, dated 31 December. Idempotent: a case that already has the year is skipped, so a
 * second run, a retry after a crash, or two workers at once change nothing more.
 */
export async function closeYear(
  dataSource: DataSource,
  transitions: CaseTransitions,
  options: YearCloseOptions,
): Promise<YearCloseResult> {
  const { year, today } = options;
  checkYearToClose(year, today);
  const sweep =
    options.sweepFirst === false
      ? null
      : await sweepDeadlines(dataSource, transitions, { today, agencyIds: options.agencyIds });
  const yearEnd = `${year}-12-31`;
  const rows = (await dataSource.query(
    `SELECT id FROM cases
      WHERE NOT closed
        AND received_on <= $1
        AND NOT (coalesce(snapshot->'context'->'yearsClosed', '[]'::jsonb) @> to_jsonb($2::int))
        AND ($3::uuid[] IS NULL OR agency_id = ANY($3::uuid[]))
      ORDER BY received_on, id`,
    [yearEnd, year, options.agencyIds ?? null],
  )) as { id: string }[];

  const marked: YearCloseResult['marked'] = [];
  const alreadyClosed: string[] = [];
  const failed: YearCloseResult['failed'] = [];
  for (const { id } of rows) {
    try {
      const done = await dataSource.transaction(async (m) => {
        // Wait briefly for a clerk's transaction rather than skip: every open case must be marked.
        await m.query(`SET LOCAL lock_timeout = '${Math.round(options.lockTimeoutMs ?? 5000)}ms'`);
        const row = await m.getRepository(CaseEntity).findOne({
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        // Closed meanwhile: nothing to carry forward (its decision date decides its year).
        if (!row || row.closed) return 'closed' as const;
        if (row.snapshot.context.yearsClosed?.includes(year)) return 'already' as const;
        const result = await transitions.apply(
          id,
          { type: 'YEAR_CLOSED', on: yearEnd, year },
          SYSTEM_ACTOR,
          undefined,
          { manager: m },
        );
        return { caseId: id, agencyId: row.agencyId, ref: row.ref, state: result.case.state };
      });
      if (done === 'already') alreadyClosed.push(id);
      else if (done !== 'closed') marked.push(done);
    } catch (error) {
      if (error instanceof CaseError && error.code === 'already_done') {
        alreadyClosed.push(id);
        continue;
      }
      failed.push({ caseId: id, message: (error as Error).message });
    }
  }
  return { year, sweep, candidates: rows.length, marked, alreadyClosed, failed };
}
