import { type CaseContext } from './case.types';

/** The approval chain needs distinct leaders: whether this leader has approved the draft already. */
export function hasApprovedDraft(context: CaseContext, actorId: string): boolean {
  return context.draft?.approvals.some((a) => a.by === actorId) ?? false;
}

/**
 * Whether a leader may approve the pending decision: one is drafted and awaits a step this
 * leader has not yet signed (the same-approver rule).
 */
export function mayApproveDecision(context: CaseContext, actorId: string): boolean {
  return context.draft !== null && !hasApprovedDraft(context, actorId);
}

/** The step the next approval fills (1-based), and whether it completes the chain. */
export function nextApprovalStep(context: CaseContext): { step: number; final: boolean } {
  const step = (context.draft?.approvals.length ?? 0) + 1;
  return { step, final: step >= context.approvalSteps };
}
