import type { JournalNoteType } from '@gongkai/domain';
import {
  caseNotFound,
  isUuid,
  type CaseEntity,
  type CaseEventEntity,
  type JournalActor,
  type TransitionOptions,
} from '@gongkai/persistence';
import { inTransaction, type CaseTransitionContext } from './case-transition.context';

/** A note about the case file that another part of the system journals (attachments). */
export interface JournalNote {
  readonly type: Extract<JournalNoteType, 'ATTACHMENT_ADDED' | 'ATTACHMENT_WITHDRAWN'>;
  readonly payload: Record<string, unknown>;
  readonly basis?: string | null;
}

/**
 * Journals a note that leaves the procedure alone (an attachment added or withdrawn): locks the
 * row, bumps its version (the verifier counts one journal row per version) and appends the
 * hash-chained row. Pass the caller's transaction, so the note and what it records land together.
 */
export class AddCaseNote {
  constructor(private readonly ctx: CaseTransitionContext) {}

  async execute(
    caseId: string,
    note: JournalNote,
    actor: JournalActor,
    options: TransitionOptions = {},
  ): Promise<{ case: CaseEntity; event: CaseEventEntity }> {
    const { ctx } = this;
    if (!isUuid(caseId)) throw caseNotFound();
    return inTransaction(ctx, options.manager, async (m) => {
      const { row } = await ctx.rows.lock(m, caseId, options.agencyIds);
      const updated = await ctx.rows.update(m, row, {
        version: row.version + 1,
        updatedAt: new Date(),
      });
      const event = await ctx.rows.appendJournal(m, updated, {
        type: note.type,
        machineEvent: false,
        payload: note.payload,
        actor,
        occurredOn: ctx.today(),
        basis: note.basis ?? null,
        stateAfter: updated.state,
      });
      return { case: updated, event };
    });
  }
}
