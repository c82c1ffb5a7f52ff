import {
  defaultDecisionBasis,
  outcomeDefinition,
  requiresReasons,
  type Outcome,
  type OutcomeGroup,
} from '@gongkai/domain';

/** Reasons as a clerk would write them, by outcome family (the letters print them). */
const REASONS: Partial<Record<OutcomeGroup, string>> = {
  partially_disclosed:
    '所申请材料中第三部分载有企业报价和技术方案，属于第三方商业秘密，经征求意见第三方不同意公开；其余部分予以公开。',
  withheld: '经审查，所申请信息属于该情形，公开后将损害相关权益，依法不予公开。',
  unavailable: '经在本机关档案室和业务系统检索查找，未找到所申请的政府信息。',
  not_handled: '经审查，所申请事项不属于《条例》所称政府信息公开申请的处理范围。',
};

/** A DRAFT_DECISION payload the machine accepts for the outcome. */
export function demoDecision(outcome: Outcome): {
  outcome: Outcome;
  reasons?: string;
  basis?: string;
} {
  if (!requiresReasons(outcome)) return { outcome };
  const definition = outcomeDefinition(outcome);
  return {
    outcome,
    reasons: REASONS[definition.group] ?? definition.label,
    basis:
      defaultDecisionBasis(outcome) ||
      '《国务院办公厅政府信息与政务公开办公室关于政府信息公开处理决定类型的说明》',
  };
}
