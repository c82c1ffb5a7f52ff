import { applyCaseEvent, caseStatus, futureDateRefusal, type CaseEvent } from '@gongkai/domain';
import {
  caseNotFound,
  CaseError,
  isUuid,
  type CaseEventInput,
  type JournalActor,
  type TransitionOptions,
  type TransitionResult,
} from '@gongkai/persistence';
import {
  checkVersion,
  inTransaction,
  invalid,
  restoreCase,
  snapshotChanges,
  type CaseTransitionContext,
} from './case-transition.context';

/** The event with the acting user set: the one place a client's event becomes the machine's. */
export function withActor(input: CaseEventInput, actor: JournalActor): CaseEvent {
  return { ...input, actor: { id: actor.id, role: actor.role } };
}

/**
 * Applies one event: lock the row, compare the version, run the pure transition, then update the
 * row and append the hash-chained journal row in one statement. Throws CaseError: not_found
 * (unknown id, or outside `agencyIds`), conflict (version moved on), refused (the machine said
 * no, with its Chinese reason), invalid (a date in the future).
 */
export class ApplyCaseEvent {
  constructor(private readonly ctx: CaseTransitionContext) {}

  async execute(
    caseId: string,
    input: CaseEventInput,
    actor: JournalActor,
    expectedVersion?: number,
    options: TransitionOptions = {},
  ): Promise<TransitionResult> {
    const { ctx } = this;
    if (!isUuid(caseId)) throw caseNotFound();
    const today = ctx.today();
    // Facts cannot lie ahead; the deadlines a clerk sets (dueOn, delayedAnswerOn) may.
    const future = futureDateRefusal(input, today);
    if (future) throw invalid(future.message, future.code);
    return inTransaction(ctx, options.manager, async (m) => {
      const locked = await ctx.rows.lock(m, caseId, options.agencyIds);
      checkVersion(locked.row, expectedVersion);
      const calendar = await ctx.calendars.get(m);
      const snapshot = restoreCase(locked.row, calendar);
      const result = applyCaseEvent(snapshot, withActor(input, actor), calendar);
      if (!result.ok) throw new CaseError('refused', result.code, result.message);
      const { type, on, ...payload } = input;
      const status = caseStatus(result.snapshot);
      const written = await ctx.rows.writeTransition(
        m,
        locked,
        snapshotChanges(locked.row, result.snapshot, result.deadlines),
        {
          type,
          machineEvent: true,
          payload: { ...payload, ...(result.effects.length ? { effects: result.effects } : {}) },
          actor,
          occurredOn: on,
          basis: result.basis,
          stateAfter: status.state,
        },
      );
      return {
        case: written.case,
        event: written.event,
        effects: result.effects,
        snapshot: result.snapshot,
        calendar,
        assigneeName: locked.assigneeName,
      };
    });
  }
}
