import {
  caseNotFound,
  CaseError,
  isUuid,
  type JournalActor,
  type TransitionOptions,
  type TransitionResult,
} from '@gongkai/persistence';
import {
  checkVersion,
  inTransaction,
  invalid,
  requireActiveClerk,
  trimmed,
  type CaseTransitionContext,
} from './case-transition.context';

export interface ReassignInput {
  readonly assigneeId: string;
  readonly reason: string;
}

/**
 * Hands a case to another clerk of its agency (改派): the row's version moves on and an
 * ASSIGNEE_CHANGED note names both clerks and the reason, so the journal still says who was
 * responsible on which day. Throws CaseError like ApplyCaseEvent; refused when the case is
 * finished, the clerk already holds it, or the new one is not an active clerk of the case's agency.
 */
export class ReassignCase {
  constructor(private readonly ctx: CaseTransitionContext) {}

  async execute(
    caseId: string,
    input: ReassignInput,
    actor: JournalActor,
    expectedVersion?: number,
    options: TransitionOptions = {},
  ): Promise<TransitionResult> {
    const { ctx } = this;
    if (!isUuid(caseId)) throw caseNotFound();
    const reason = trimmed(input.reason);
    if (!reason) throw invalid('请填写改派理由');
    return inTransaction(ctx, options.manager, async (m) => {
      const { row } = await ctx.rows.lock(m, caseId, options.agencyIds);
      checkVersion(row, expectedVersion);
      // A served or withdrawn case has nothing left to do; awaitingService still needs 送达.
      if (row.closed && row.state !== 'awaitingService') {
        throw new CaseError('refused', 'case_finished', '案件已办结，无需改派经办人');
      }
      if (row.assignedClerkId === input.assigneeId) {
        throw new CaseError('refused', 'same_assignee', '该案件已由所选人员经办');
      }
      const to = await requireActiveClerk(ctx, m, row.agencyId, input.assigneeId);
      const from = await ctx.rows.user(m, row.assignedClerkId);
      const updated = await ctx.rows.update(m, row, {
        assignedClerkId: to.id,
        version: row.version + 1,
        updatedAt: new Date(),
      });
      const event = await ctx.rows.appendJournal(m, updated, {
        type: 'ASSIGNEE_CHANGED',
        machineEvent: false,
        payload: {
          from: from ? { id: from.id, displayName: from.display_name } : null,
          to: { id: to.id, displayName: to.display_name },
          reason,
        },
        actor,
        occurredOn: ctx.today(),
        basis: null,
        stateAfter: updated.state,
      });
      return { case: updated, event, effects: [] };
    });
  }
}
