import type { EntityManager } from 'typeorm';
import {
  caseStatus,
  createCase,
  deriveDeadlines,
  yearOf,
  CASE_MACHINE_ID,
  CASE_MACHINE_VERSION,
} from '@gongkai/domain';
import {
  CaseError,
  GENESIS_HASH,
  type JournalActor,
  type RegisterCaseInput,
  type TransitionResult,
} from '@gongkai/persistence';
import { checkRegistration, generateQueryCode } from './case-registration';
import {
  inTransaction,
  requireActiveClerk,
  snapshotColumns,
  trimmed,
  type CaseTransitionContext,
} from './case-transition.context';

/** Registers an application: the case row and its first journal row (REGISTERED, Art. 31). */
export class RegisterCase {
  constructor(private readonly ctx: CaseTransitionContext) {}

  async execute(
    input: RegisterCaseInput,
    actor: JournalActor,
    options: { manager?: EntityManager } = {},
  ): Promise<TransitionResult> {
    const { ctx } = this;
    const facts = checkRegistration(input, ctx.today(), ctx.cipher);
    return inTransaction(ctx, options.manager, async (m) => {
      const calendar = await ctx.calendars.get(m);
      // Serialises registrations of one agency, so generated refs do not collide.
      await ctx.rows.lockAgencyRegister(m, input.agencyId);
      const ref =
        trimmed(input.ref) ?? (await ctx.rows.nextRef(m, input.agencyId, yearOf(input.receivedOn)));
      if (await ctx.rows.refTaken(m, input.agencyId, ref)) {
        throw new CaseError('conflict', 'duplicate_ref', `登记编号“${ref}”已被本机关其他案件使用`);
      }
      if (input.assignedClerkId) {
        await requireActiveClerk(ctx, m, input.agencyId, input.assignedClerkId);
      }
      const steps = input.approvalSteps ?? ((await ctx.rows.decisionSteps(m, input.agencyId)) || 1);
      const snapshot = createCase({ receivedOn: input.receivedOn, approvalSteps: steps }, calendar);
      const status = caseStatus(snapshot);
      const deadlines = deriveDeadlines(snapshot.context, calendar);
      const now = new Date();
      const saved = await ctx.rows.insertCase(m, {
        agencyId: input.agencyId,
        ref,
        receivedOn: input.receivedOn,
        channel: input.channel,
        applicantCategory: input.applicant.category,
        ...facts,
        requestText: trimmed(input.request),
        requestedForm: trimmed(input.requestedForm),
        origin: input.origin ?? 'desk',
        machineId: CASE_MACHINE_ID,
        machineVersion: CASE_MACHINE_VERSION,
        ...snapshotColumns(snapshot, deadlines),
        assignedClerkId: input.assignedClerkId ?? null,
        version: 1,
        queryCode: generateQueryCode(),
        createdAt: now,
        updatedAt: now,
      });
      const event = await ctx.rows.appendJournal(
        m,
        saved,
        {
          type: 'REGISTERED',
          machineEvent: false,
          payload: {
            ref,
            receivedOn: input.receivedOn,
            channel: input.channel,
            applicantCategory: input.applicant.category,
            applicantName: facts.applicantName,
            identityNumberHint: facts.applicantIdentityHint,
            // Only organisations have one; a citizen's registration row reads as before.
            ...(facts.applicantCreditCode
              ? { applicantCreditCode: facts.applicantCreditCode }
              : {}),
            request: saved.requestText,
            approvalSteps: steps,
            origin: saved.origin,
          },
          actor,
          occurredOn: input.receivedOn,
          basis: '第三十一条',
          stateAfter: status.state,
        },
        { seq: 0, hash: GENESIS_HASH },
      );
      return { case: saved, event, effects: [] };
    });
  }
}
