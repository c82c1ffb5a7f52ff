import { APPLICANT_CATEGORIES, CHANNELS, OUTCOMES, SERVICE_METHODS } from '@gongkai/domain';

const MAX_SUMMARY = 160;

// The legal date and the actor have their own columns; effects are the service's bookkeeping; the
// ref is the row's case column; the masked identity number tells an auditor nothing here.
const HIDDEN_KEYS = new Set(['on', 'actor', 'effects', 'ref', 'identityNumberHint']);

const KEY_LABELS: Record<string, string> = {
  receivedOn: '收到申请日期',
  channel: '申请方式',
  applicantCategory: '申请人类型',
  applicantName: '申请人',
  request: '申请内容',
  approvalSteps: '审批级数',
  origin: '来源',
  dueOn: '补正期限',
  items: '补正事项',
  party: '征求意见对象',
  standard: '收费标准',
  amountYuan: '金额（元）',
  ordinalInMonth: '当月件次',
  pages: '页数',
  reasonable: '理由成立',
  delayedAnswerOn: '延迟答复日期',
  outcome: '办理结果',
  comment: '意见',
  workingDays: '延期工作日',
  reason: '理由',
  method: '送达方式',
  servedOn: '送达日期',
  year: '年度',
  answerDueOnBefore: '原答复期限',
  answerDueOnAfter: '新答复期限',
  nextDueOnAfter: '下一期限',
};

const CODE_LABELS: Record<string, ReadonlyMap<string, string>> = {
  channel: new Map<string, string>(CHANNELS.map((c) => [c.code, c.label])),
  applicantCategory: new Map<string, string>(APPLICANT_CATEGORIES.map((c) => [c.code, c.label])),
  outcome: new Map<string, string>(OUTCOMES.map((o) => [o.code, o.label])),
  method: new Map<string, string>(SERVICE_METHODS.map((m) => [m.code, m.label])),
};

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return CODE_LABELS[key]?.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => valueText(key, v)).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A journal row's payload in one line of Chinese, for a result list (the case page has it all). */
export function summarizePayload(payload: Record<string, unknown>): string {
  const text = Object.entries(payload)
    .filter(([key]) => !HIDDEN_KEYS.has(key))
    .map(([key, value]) => `${KEY_LABELS[key] ?? key}：${valueText(key, value)}`)
    .join('；');
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text;
}
