/**
 * Applicant categories: the data columns of section 三 (codes.md). Order is the official column
 * order; the last five together are 法人或其他组织, for which the format has no subtotal column.
 */
export const APPLICANT_CATEGORIES = [
  { code: 'natural_person', label: '自然人', labelEn: 'Natural person', legalEntity: false },
  {
    code: 'commercial_enterprise',
    label: '商业企业',
    labelEn: 'Commercial enterprise',
    legalEntity: true,
  },
  {
    code: 'research_institution',
    label: '科研机构',
    labelEn: 'Research institution',
    legalEntity: true,
  },
  {
    code: 'social_welfare_org',
    label: '社会公益组织',
    labelEn: 'Social welfare organisation',
    legalEntity: true,
  },
  {
    code: 'legal_service_agency',
    label: '法律服务机构',
    labelEn: 'Legal service agency',
    legalEntity: true,
  },
  { code: 'other_org', label: '其他', labelEn: 'Other organisation', legalEntity: true },
] as const;

export type ApplicantCategory = (typeof APPLICANT_CATEGORIES)[number]['code'];

export const APPLICANT_CATEGORY_CODES: readonly ApplicantCategory[] = APPLICANT_CATEGORIES.map(
  (c) => c.code,
);

/** Header label over the five organisation columns. */
export const LEGAL_ENTITY_GROUP_LABEL = '法人或其他组织';
export const TOTAL_COLUMN_LABEL = '总计';

export function isApplicantCategory(value: unknown): value is ApplicantCategory {
  return (
    typeof value === 'string' && (APPLICANT_CATEGORY_CODES as readonly string[]).includes(value)
  );
}
