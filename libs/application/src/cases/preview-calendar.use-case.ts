import type { EntityManager } from 'typeorm';
import { caseStatus, type LocalDate, type WorkingDayCalendar } from '@gongkai/domain';
import { nextDueOn, rederive, type CaseTransitionContext } from './case-transition.context';

/** How one open case's deadlines would move under another calendar. */
export interface DeadlineChange {
  readonly caseId: string;
  readonly agencyId: string;
  readonly ref: string;
  readonly state: string;
  readonly answerDueOnBefore: LocalDate | null;
  readonly answerDueOnAfter: LocalDate | null;
  readonly nextDueOnBefore: LocalDate | null;
  readonly nextDueOnAfter: LocalDate | null;
}

export interface DeadlineChangeScan {
  readonly openCasesChecked: number;
  /** Every open case whose deadlines differ, by ref. */
  readonly changes: readonly DeadlineChange[];
  /** Open cases whose snapshot could not be read (as RecomputeDeadlines would report them). */
  readonly casesFailed: number;
}

/**
 * What RecomputeDeadlines would change if `calendar` were the calendar, for every open case,
 * without writing anything: an administrator sees a year's effect before loading it (Project
 * rule 16). Reads the open cases in batches by id, so a large register does not sit in memory.
 */
export class PreviewCalendar {
  constructor(private readonly ctx: CaseTransitionContext) {}

  async execute(
    calendar: WorkingDayCalendar,
    manager: EntityManager = this.ctx.dataSource.manager,
  ): Promise<DeadlineChangeScan> {
    const changes: DeadlineChange[] = [];
    let openCasesChecked = 0;
    let casesFailed = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.ctx.rows.openCasesAfter(manager, after);
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      for (const row of rows) {
        openCasesChecked++;
        try {
          const { snapshot, deadlines, changed } = rederive(row, calendar);
          if (!changed) continue;
          changes.push({
            caseId: row.id,
            agencyId: row.agencyId,
            ref: row.ref,
            state: row.state,
            answerDueOnBefore: row.answerDueOn,
            answerDueOnAfter: deadlines.answer.dueOn,
            nextDueOnBefore: row.nextDueOn,
            nextDueOnAfter: nextDueOn(caseStatus(snapshot), deadlines),
          });
        } catch {
          casesFailed++;
        }
      }
    }
    changes.sort((a, b) => a.ref.localeCompare(b.ref) || a.caseId.localeCompare(b.caseId));
    return { openCasesChecked, changes, casesFailed };
  }
}
