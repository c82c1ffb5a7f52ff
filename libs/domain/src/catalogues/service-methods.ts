/**
 * 送达 methods (国办公开办函〔2016〕235号, ledger-format.md). The legally relevant day is the
 * applicant's signature day, or 交邮之日 for post (Project rule 2).
 */
export const SERVICE_METHODS = [
  { code: 'in_person', label: '直接送达', labelEn: 'In person', dateLabel: '签收之日' },
  { code: 'post', label: '邮寄送达', labelEn: 'By post', dateLabel: '交邮之日' },
  { code: 'electronic', label: '电子送达', labelEn: 'Electronic', dateLabel: '发送之日' },
  { code: 'entrusted', label: '委托送达', labelEn: 'Entrusted', dateLabel: '签收之日' },
] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number]['code'];
export const SERVICE_METHOD_CODES: readonly ServiceMethod[] = SERVICE_METHODS.map((m) => m.code);
export function isServiceMethod(value: unknown): value is ServiceMethod {
  return typeof value === 'string' && (SERVICE_METHOD_CODES as readonly string[]).includes(value);
}
