/** Proceedings about disclosure work: the 15 cells of section 四 (codes.md, regulation.md §1.4). */
export const PROCEEDING_KINDS = [
  { code: 'reconsideration', label: '行政复议', labelEn: 'Administrative reconsideration' },
  {
    code: 'litigation_direct',
    label: '未经复议直接起诉',
    labelEn: 'Litigation without reconsideration',
  },
  {
    code: 'litigation_after_reconsideration',
    label: '复议后起诉',
    labelEn: 'Litigation after reconsideration',
  },
] as const;
export type ProceedingKind = (typeof PROCEEDING_KINDS)[number]['code'];
export const PROCEEDING_KIND_CODES: readonly ProceedingKind[] = PROCEEDING_KINDS.map((k) => k.code);

export const PROCEEDING_RESULTS = [
  { code: 'maintained', label: '结果维持', labelEn: 'Upheld' },
  { code: 'corrected', label: '结果纠正', labelEn: 'Corrected' },
  { code: 'other', label: '其他结果', labelEn: 'Other result' },
  { code: 'pending', label: '尚未审结', labelEn: 'Pending' },
] as const;
export type ProceedingResult = (typeof PROCEEDING_RESULTS)[number]['code'];
/** A concluded proceeding's result; `pending` is what an open one counts as. */
export type ProceedingFinalResult = Exclude<ProceedingResult, 'pending'>;
export const PROCEEDING_RESULT_CODES: readonly ProceedingResult[] = PROCEEDING_RESULTS.map(
  (r) => r.code,
);
export const PROCEEDING_TOTAL_LABEL = '总计';
export const LITIGATION_GROUP_LABEL = '行政诉讼';

export function isProceedingKind(value: unknown): value is ProceedingKind {
  return typeof value === 'string' && (PROCEEDING_KIND_CODES as readonly string[]).includes(value);
}
export function isProceedingFinalResult(value: unknown): value is ProceedingFinalResult {
  return value === 'maintained' || value === 'corrected' || value === 'other';
}
