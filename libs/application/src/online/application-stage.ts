import type { ApplicationStage } from '@gongkai/contracts';
import { OUTCOMES, OUTCOME_GROUPS } from '@gongkai/domain';

/** What a member of the public reads for each stage (the status page's words). */
export const APPLICATION_STAGE_LABELS: Readonly<Record<ApplicationStage, string>> = {
  received: '已收到',
  awaitingSupplement: '待补正',
  processing: '办理中',
  consulting: '征求意见中',
  awaitingFee: '待缴费',
  awaitingReasons: '待说明理由',
  decided: '已作出答复',
  served: '已送达',
  withdrawn: '已撤回',
  endedSupplementOverdue: '已终止（逾期未补正）',
  endedFeeUnpaid: '已终止（逾期未缴费）',
};

/**
 * The public stage of a case: the machine state in plain words. Internal steps (a drafted
 * decision waiting for a leader's approval) read as 办理中; closures without an answer say why.
 */
export function applicationStage(
  state: string,
  outcome: string | null,
  feeState = 'none',
): ApplicationStage {
  // An unpaid notice is what the applicant must act on, even while a third party is consulted.
  if (feeState === 'awaiting') return 'awaitingFee';
  switch (state) {
    case 'intake':
      return 'received';
    case 'awaitingSupplement':
      return 'awaitingSupplement';
    case 'consulting':
      return 'consulting';
    case 'awaitingFee':
      return 'awaitingFee';
    case 'awaitingReasons':
      return 'awaitingReasons';
    case 'awaitingService':
      return 'decided';
    case 'served':
      return 'served';
    case 'ended':
      // Art. 30 and 109号 close a case without an answer; any other ending is a withdrawal.
      if (outcome === 'other.supplement_overdue') return 'endedSupplementOverdue';
      if (outcome === 'other.fee_unpaid') return 'endedFeeUnpaid';
      return 'withdrawn';
    default:
      return 'processing';
  }
}

/**
 * The outcome as the applicant reads it: the group (予以公开, 不予公开 …) and, inside a group, the
 * reason — without the report's counting note on 部分公开.
 */
export function publicOutcome(
  code: string | null,
): { code: string; label: string; labelEn: string } | null {
  if (!code) return null;
  const outcome = OUTCOMES.find((o) => o.code === code);
  if (!outcome) return null;
  const group = OUTCOME_GROUPS.find((g) => g.group === outcome.group);
  const groupLabel = (group?.label ?? outcome.label).replace(/（.*）$/, '');
  if (outcome.item === null) return { code, label: groupLabel, labelEn: outcome.labelEn };
  return {
    code,
    label: `${groupLabel}（${outcome.label}）`,
    labelEn: `${group?.labelEn ?? ''} (${outcome.labelEn})`,
  };
}
