import { ATTACHMENT_KINDS } from '@gongkai/contracts';
import {
  APPLICANT_CATEGORIES,
  CHANNELS,
  OUTCOMES,
  payloadValueLabel,
  SERVICE_METHODS,
} from '@gongkai/domain';

const MAX_SUMMARY = 160;

// The legal date and the actor have their own columns; effects are the service's bookkeeping; the
// ref is the row's case column; the masked identity number tells an auditor nothing here, nor do
// an attachment's internal id and media type (the file name says what it is).
const HIDDEN_KEYS = new Set([
  'on',
  'actor',
  'effects',
  'ref',
  'identityNumberHint',
  'attachmentId',
  'mediaType',
]);

const KEY_LABELS: Record<string, string> = {
  receivedOn: '收到申请日期',
  channel: '申请方式',
  applicantCategory: '申请人类型',
  applicantName: '申请人',
  applicantCreditCode: '统一社会信用代码',
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
  overrideReason: '调整金额的理由',
  reasons: '理由',
  basis: '法律依据',
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
  fileName: '文件',
  kind: '附件类别',
  sizeBytes: '大小（字节）',
  sha256: 'SHA-256',
  withdrawalReason: '撤回原因',
  from: '原经办人',
  to: '新经办人',
};

const CODE_LABELS: Record<string, ReadonlyMap<string, string>> = {
  channel: new Map<string, string>(CHANNELS.map((c) => [c.code, c.label])),
  applicantCategory: new Map<string, string>(APPLICANT_CATEGORIES.map((c) => [c.code, c.label])),
  outcome: new Map<string, string>(OUTCOMES.map((o) => [o.code, o.label])),
  method: new Map<string, string>(SERVICE_METHODS.map((m) => [m.code, m.label])),
  kind: new Map<string, string>(ATTACHMENT_KINDS.map((k) => [k.code, k.label])),
  origin: new Map<string, string>([
    ['desk', '窗口登记'],
    ['online', '网上申请'],
    ['import', '台账导入'],
    ['demo', '演示数据'],
  ]),
};

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return payloadValueLabel(key, value)?.zh ?? (value ? '是' : '否');
  // A hash is checked against the case page, not read: its head is enough to tell rows apart.
  if (key === 'sha256' && typeof value === 'string') return `${value.slice(0, 12)}…`;
  if (typeof value === 'string')
    return CODE_LABELS[key]?.get(value) ?? payloadValueLabel(key, value)?.zh ?? value;
  if (Array.isArray(value)) return value.map((v) => valueText(key, v)).join('、');
  // A user named in a note (改派: from, to) reads as the name the desk shows.
  if (typeof value === 'object' && 'displayName' in value) return String(value.displayName);
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
