/**
 * Outcomes: one per closed case, the 21 rows of 三、本年度办理结果 (regulation.md §5, codes.md).
 * The order is the official row order and must not change: reports, statistics and JSON rely on it.
 */
export type OutcomeGroup =
  'disclosed' | 'partially_disclosed' | 'withheld' | 'unavailable' | 'not_handled' | 'other';

export interface OutcomeDefinition {
  readonly code: string;
  readonly group: OutcomeGroup;
  /** Row number as printed: （一） … （六）, and the item number inside groups （三）–（六）. */
  readonly groupNumber: string;
  readonly item: number | null;
  /** Exact official label, without the item number. */
  readonly label: string;
  readonly labelEn: string;
  /** Legal basis; null where the texts name none (Project rule 9). */
  readonly basis: string | null;
}

export const OUTCOME_GROUPS: readonly {
  group: OutcomeGroup;
  number: string;
  label: string;
  labelEn: string;
}[] = [
  { group: 'disclosed', number: '（一）', label: '予以公开', labelEn: 'Disclosed' },
  {
    group: 'partially_disclosed',
    number: '（二）',
    label: '部分公开（区分处理的，只计这一情形，不计其他情形）',
    labelEn: 'Partially disclosed',
  },
  { group: 'withheld', number: '（三）', label: '不予公开', labelEn: 'Withheld' },
  { group: 'unavailable', number: '（四）', label: '无法提供', labelEn: 'Cannot be provided' },
  { group: 'not_handled', number: '（五）', label: '不予处理', labelEn: 'Not handled' },
  { group: 'other', number: '（六）', label: '其他处理', labelEn: 'Other handling' },
];

export const OUTCOMES = [
  {
    code: 'disclosed',
    group: 'disclosed',
    groupNumber: '（一）',
    item: null,
    label: '予以公开',
    labelEn: 'Disclosed',
    basis: '第三十六条第（一）（二）项',
  },
  {
    code: 'partially_disclosed',
    group: 'partially_disclosed',
    groupNumber: '（二）',
    item: null,
    label: '部分公开（区分处理的，只计这一情形，不计其他情形）',
    labelEn: 'Partially disclosed',
    basis: '第三十七条',
  },
  {
    code: 'withheld.state_secret',
    group: 'withheld',
    groupNumber: '（三）',
    item: 1,
    label: '属于国家秘密',
    labelEn: 'State secret',
    basis: '第十四条',
  },
  {
    code: 'withheld.prohibited_by_law',
    group: 'withheld',
    groupNumber: '（三）',
    item: 2,
    label: '其他法律行政法规禁止公开',
    labelEn: 'Prohibited by other laws or regulations',
    basis: '第十四条',
  },
  {
    code: 'withheld.security_stability',
    group: 'withheld',
    groupNumber: '（三）',
    item: 3,
    label: '危及“三安全一稳定”',
    labelEn: 'Endangers security or stability',
    basis: '第十四条',
  },
  {
    code: 'withheld.third_party_rights',
    group: 'withheld',
    groupNumber: '（三）',
    item: 4,
    label: '保护第三方合法权益',
    labelEn: "Protects a third party's lawful rights",
    basis: '第十五条、第三十二条',
  },
  {
    code: 'withheld.internal_affairs',
    group: 'withheld',
    groupNumber: '（三）',
    item: 5,
    label: '属于三类内部事务信息',
    labelEn: 'Internal affairs information',
    basis: '第十六条第一款',
  },
  {
    code: 'withheld.process_information',
    group: 'withheld',
    groupNumber: '（三）',
    item: 6,
    label: '属于四类过程性信息',
    labelEn: 'Process information',
    basis: '第十六条第二款',
  },
  {
    code: 'withheld.enforcement_file',
    group: 'withheld',
    groupNumber: '（三）',
    item: 7,
    label: '属于行政执法案卷',
    labelEn: 'Administrative enforcement file',
    basis: '第十六条第二款',
  },
  {
    code: 'withheld.administrative_query',
    group: 'withheld',
    groupNumber: '（三）',
    item: 8,
    label: '属于行政查询事项',
    labelEn: 'Administrative query matter',
    basis: '第三十六条第（七）项',
  },
  {
    code: 'unavailable.not_held',
    group: 'unavailable',
    groupNumber: '（四）',
    item: 1,
    label: '本机关不掌握相关政府信息',
    labelEn: 'Not held by this agency',
    basis: '第三十六条第（四）（五）项',
  },
  {
    code: 'unavailable.needs_creation',
    group: 'unavailable',
    groupNumber: '（四）',
    item: 2,
    label: '没有现成信息需要另行制作',
    labelEn: 'Would need to be created',
    basis: '第三十八条',
  },
  {
    code: 'unavailable.unclear_after_supplement',
    group: 'unavailable',
    groupNumber: '（四）',
    item: 3,
    label: '补正后申请内容仍不明确',
    labelEn: 'Still unclear after supplement',
    basis: '第三十条',
  },
  {
    code: 'not_handled.petition_complaint',
    group: 'not_handled',
    groupNumber: '（五）',
    item: 1,
    label: '信访举报投诉类申请',
    labelEn: 'Petition, report or complaint',
    basis: '第三十九条第一款',
  },
  {
    code: 'not_handled.duplicate',
    group: 'not_handled',
    groupNumber: '（五）',
    item: 2,
    label: '重复申请',
    labelEn: 'Duplicate application',
    basis: '第三十六条第（六）项',
  },
  {
    code: 'not_handled.publication',
    group: 'not_handled',
    groupNumber: '（五）',
    item: 3,
    label: '要求提供公开出版物',
    labelEn: 'Public publication requested',
    basis: '第三十九条第二款',
  },
  {
    code: 'not_handled.excessive',
    group: 'not_handled',
    groupNumber: '（五）',
    item: 4,
    label: '无正当理由大量反复申请',
    labelEn: 'Excessive applications without good reason',
    basis: '第三十五条',
  },
  {
    code: 'not_handled.confirm_or_reissue',
    group: 'not_handled',
    groupNumber: '（五）',
    item: 5,
    label: '要求行政机关确认或重新出具已获取信息',
    labelEn: 'Confirm or reissue information already obtained',
    basis: null,
  },
  {
    code: 'other.supplement_overdue',
    group: 'other',
    groupNumber: '（六）',
    item: 1,
    label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    labelEn: 'Supplement overdue without good reason',
    basis: '第三十条',
  },
  {
    code: 'other.fee_unpaid',
    group: 'other',
    groupNumber: '（六）',
    item: 2,
    label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    labelEn: 'Fee not paid in time',
    basis: '第四十二条；国办函〔2020〕109号',
  },
  {
    code: 'other.other',
    group: 'other',
    groupNumber: '（六）',
    item: 3,
    label: '其他',
    labelEn: 'Other (e.g. withdrawn)',
    basis: null,
  },
] as const satisfies readonly OutcomeDefinition[];

export type Outcome = (typeof OUTCOMES)[number]['code'];

export const OUTCOME_CODES: readonly Outcome[] = OUTCOMES.map((o) => o.code);

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && (OUTCOME_CODES as readonly string[]).includes(value);
}

export function outcomeDefinition(code: Outcome): OutcomeDefinition {
  const found = OUTCOMES.find((o) => o.code === code);
  if (!found) throw new Error(`unknown outcome ${code}`);
  return found;
}

/** Printed row label, e.g. `1.属于国家秘密` or `（一）予以公开`. */
export function outcomeRowLabel(code: Outcome): string {
  const o = outcomeDefinition(code);
  return o.item === null ? `${o.groupNumber}${o.label}` : `${o.item}.${o.label}`;
}

/** Outcomes the system may reach without a decision document (Art. 30, Art. 42, withdrawal). */
export const AUTOMATIC_OUTCOMES = [
  'other.supplement_overdue',
  'other.fee_unpaid',
  'other.other',
] as const satisfies readonly Outcome[];
