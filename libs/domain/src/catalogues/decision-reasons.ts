import { outcomeDefinition, type Outcome, type OutcomeGroup } from './outcomes';

/**
 * Outcomes that refuse or limit disclosure. Art. 36 (三)–(七) and Art. 37 require the answer to
 * tell the applicant the reasons (并说明理由), so these decisions carry reasons and a legal basis.
 */
const REASONED_GROUPS: readonly OutcomeGroup[] = [
  'partially_disclosed',
  'withheld',
  'unavailable',
  'not_handled',
];

export const DECISION_REASONS_MAX = 2000;
export const DECISION_BASIS_MAX = 500;

export function requiresReasons(outcome: Outcome): boolean {
  return REASONED_GROUPS.includes(outcomeDefinition(outcome).group);
}

const REGULATION = '《中华人民共和国政府信息公开条例》';
const FEE_MEASURES = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

/**
 * The legal basis as the letter prints it, pre-filled from the outcome catalogue: the articles of
 * the Regulation, and the fee measures by their document number. Empty where the texts name none
 * (确认或重新出具: the clerk writes the basis).
 */
export function defaultDecisionBasis(outcome: Outcome): string {
  const basis = outcomeDefinition(outcome).basis;
  if (!basis) return '';
  return basis
    .split('；')
    .map((part) => (part.startsWith('国办函') ? FEE_MEASURES : `${REGULATION}${part}`))
    .join('；');
}

/** Art. 35: the reasons of the automatic 不予处理 when the applicant's reasons were unreasonable. */
export const ART35_UNREASONABLE_REASONS =
  '申请人申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，申请人未说明理由或者理由不合理。';

/** Null when the reasons and basis fit the outcome; otherwise the clerk's message. */
export function decisionReasonsProblem(
  outcome: Outcome,
  reasons: unknown,
  basis: unknown,
): string | null {
  for (const [value, label, max] of [
    [reasons, '理由', DECISION_REASONS_MAX],
    [basis, '法律依据', DECISION_BASIS_MAX],
  ] as const) {
    if (value === undefined) continue;
    if (typeof value !== 'string') return `${label}应为文字`;
    if (value.length > max) return `${label}不能超过${max}个字`;
  }
  if (!requiresReasons(outcome)) return null;
  const label = outcomeDefinition(outcome).label;
  if (typeof reasons !== 'string' || reasons.trim() === '') {
    return `“${label}”的答复应说明理由（第三十六条、第三十七条），请填写理由`;
  }
  if (typeof basis !== 'string' || basis.trim() === '') {
    return `“${label}”的答复应写明法律依据，请填写法律依据`;
  }
  return null;
}
