import { APPLICANT_CATEGORIES, CHANNELS, OUTCOMES, SERVICE_METHODS } from '../catalogues';
import { FEE_STANDARDS } from '../fees';
import { type Label } from './case-labels';

/**
 * What a person reads for the fields of a journal row: every key and every code has a label
 * (Chinese first), so no `per_page`, `third_party` or `true` reaches a screen or an export.
 */
export const PAYLOAD_FIELD_LABELS: Readonly<Record<string, Label>> = {
  receivedOn: { zh: '收到申请日期', en: 'Received on' },
  channel: { zh: '申请方式', en: 'Channel' },
  applicantCategory: { zh: '申请人类型', en: 'Applicant category' },
  applicantName: { zh: '申请人', en: 'Applicant' },
  request: { zh: '申请内容', en: 'Request' },
  dueOn: { zh: '补正期限', en: 'Supplement due' },
  items: { zh: '补正事项', en: 'Items to supplement' },
  party: { zh: '征求意见对象', en: 'Consulted party' },
  standard: { zh: '收费方式', en: 'Fee standard' },
  amountYuan: { zh: '收费金额（元）', en: 'Amount (yuan)' },
  ordinalInMonth: { zh: '当月第几件', en: 'Application no. in the month' },
  pages: { zh: '页数', en: 'Pages' },
  overrideReason: { zh: '调整金额的理由', en: 'Why the amount differs' },
  reasonable: { zh: '理由是否合理', en: 'Reasons reasonable' },
  delayedAnswerOn: { zh: '延迟答复日期', en: 'Delayed answer date' },
  outcome: { zh: '办理结果', en: 'Outcome' },
  reasons: { zh: '理由', en: 'Reasons' },
  basis: { zh: '法律依据', en: 'Legal basis' },
  comment: { zh: '意见', en: 'Comment' },
  workingDays: { zh: '延长工作日数', en: 'Working days of extension' },
  reason: { zh: '理由', en: 'Reason' },
  method: { zh: '送达方式', en: 'Service method' },
  servedOn: { zh: '送达日期', en: 'Served on' },
  year: { zh: '年度', en: 'Year' },
  answerDueOnBefore: { zh: '原答复期限', en: 'Answer due before' },
  answerDueOnAfter: { zh: '新答复期限', en: 'Answer due after' },
  nextDueOnAfter: { zh: '下一期限', en: 'Next deadline' },
  from: { zh: '原经办人', en: 'Previous clerk' },
  to: { zh: '新经办人', en: 'New clerk' },
};

const codes = (list: readonly { code: string; label: string; labelEn: string }[]) =>
  new Map<string, Label>(list.map((c) => [c.code, { zh: c.label, en: c.labelEn }]));

const CODE_LABELS: Readonly<Record<string, ReadonlyMap<string, Label>>> = {
  channel: codes(CHANNELS),
  applicantCategory: codes(APPLICANT_CATEGORIES),
  outcome: codes(OUTCOMES),
  method: codes(SERVICE_METHODS),
  standard: codes(FEE_STANDARDS),
  party: new Map([
    ['third_party', { zh: '第三方', en: 'Third party' }],
    ['other_agency', { zh: '其他机关', en: 'Other agency' }],
  ]),
};

const BOOLEAN_LABELS: Readonly<Record<string, [Label, Label]>> = {
  reasonable: [
    { zh: '合理', en: 'Reasonable' },
    { zh: '不合理', en: 'Unreasonable' },
  ],
};

/** The label of a code or flag of the field, or undefined for free text, dates and numbers. */
export function payloadValueLabel(key: string, value: unknown): Label | undefined {
  if (typeof value === 'boolean') {
    const [yes, no] = BOOLEAN_LABELS[key] ?? [
      { zh: '是', en: 'Yes' },
      { zh: '否', en: 'No' },
    ];
    return value ? yes : no;
  }
  return typeof value === 'string' ? CODE_LABELS[key]?.get(value) : undefined;
}

const REGULATION = '《中华人民共和国政府信息公开条例》';
export const HOLIDAY_NOTICE = '国务院办公厅关于部分节假日安排的通知';

/**
 * A legal basis as a person reads it: the article of the Regulation (`第三十条` →
 * 《中华人民共和国政府信息公开条例》第三十条), a document by its name and number, never an
 * internal rule number. Journal rows written before this keep their stored text and are
 * shown through this too.
 */
export function legalBasisLabel(basis: string | null | undefined): string | null {
  if (!basis) return null;
  return (
    basis
      .split('；')
      .map((part) => {
        const p = part.trim();
        if (/^第.+条/.test(p)) return `${REGULATION}${p}`;
        if (p === '国办函〔2020〕109号')
          return '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';
        if (p === '国办公开办函〔2016〕235号')
          return '《国务院办公厅政府信息与政务公开办公室关于政府信息公开处理决定送达问题的解释》（国办公开办函〔2016〕235号）';
        // Project rule 16 recomputes deadlines when the State Council changes the holidays.
        if (/^项目规则\s*16$/.test(p)) return HOLIDAY_NOTICE;
        // Other internal rule numbers are the project's reading of a text, not a legal basis.
        return /^项目规则/.test(p) ? '' : p;
      })
      .filter(Boolean)
      .join('；') || null
  );
}
