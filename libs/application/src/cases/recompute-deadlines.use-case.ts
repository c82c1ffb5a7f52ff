import { JOURNAL_NOTE_LABELS } from '@gongkai/domain';
import type { EntityManager } from 'typeorm';
import type { JournalActor } from '@gongkai/persistence';
import {
  inTransaction,
  rederive,
  snapshotChanges,
  type CaseTransitionContext,
} from './case-transition.context';

/**
 * Re-derives the deadlines of a case with the current calendar (Project rule 16) and journals a
 * DEADLINES_RECOMPUTED note when they changed. Returns whether they did.
 */
export class RecomputeDeadlines {
  constructor(private readonly ctx: CaseTransitionContext) {}

  async execute(
    caseId: string,
    actor: JournalActor,
    reason: string,
    options: { manager?: EntityManager } = {},
  ): Promise<boolean> {
    const { ctx } = this;
    return inTransaction(ctx, options.manager, async (m) => {
      const { row } = await ctx.rows.lock(m, caseId);
      if (row.closed) return false;
      const calendar = await ctx.calendars.get(m);
      const { snapshot, deadlines, changed } = rederive(row, calendar);
      if (!changed) return false;
      const before = row.answerDueOn;
      const updated = await ctx.rows.update(m, row, snapshotChanges(row, snapshot, deadlines));
      await ctx.rows.appendJournal(m, updated, {
        type: 'DEADLINES_RECOMPUTED',
        machineEvent: false,
        payload: {
          reason,
          answerDueOnBefore: before,
          answerDueOnAfter: updated.answerDueOn,
          nextDueOnAfter: updated.nextDueOn,
        },
        actor,
        occurredOn: ctx.today(),
        basis: JOURNAL_NOTE_LABELS.DEADLINES_RECOMPUTED.basis ?? null,
        stateAfter: updated.state,
      });
      return true;
    });
  }
}
