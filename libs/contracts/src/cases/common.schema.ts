import { z } from 'zod';
import {
  validateCreditCode,
  APPLICANT_CATEGORY_CODES,
  CHANNEL_CODES,
  isLocalDate,
  isSupportedDate,
  unsupportedDateMessage,
  OUTCOME_CODES,
  PROCEEDING_KIND_CODES,
  SERVICE_METHOD_CODES,
  type Outcome,
  type ServiceMethod,
} from '@gongkai/domain';

// PostgreSQL text and jsonb refuse NUL and unpaired surrogates; refusing them here keeps such
// input a 400 instead of a database error.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The message of a wrong-typed field: a field left out is asked for ("请填写…") rather than
 * described as the wrong type, which a clerk who sent nothing would not understand.
 */
export const typeMessage =
  (label: string, expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? `请填写${label}` : `${label}${expected}`;

/** Free text as a clerk types it: trimmed, bounded, storable. */
export const text = (max: number, label = '内容') =>
  z
    .string({ error: typeMessage(label, '应为文字') })
    .max(max, `${label}不能超过${max}个字`)
    .refine((s) => !UNSTORABLE.test(s), `${label}含有无法保存的字符`)
    .transform((s) => s.trim());

/**
 * A domain rule's verdict (GB 11643 identity numbers, GB 32100 credit codes, phone numbers) as the
 * field's message, so the form and the API say the same thing; an empty field is left to the
 * schema's own optional/required rule.
 */
export const checkedBy =
  (check: (value: string) => { valid: true } | { valid: false; message: string }) =>
  (value: string, ctx: z.RefinementCtx): void => {
    if (!value) return;
    const checked = check(value);
    if (!checked.valid) ctx.addIssue({ code: 'custom', message: checked.message });
  };

// GB 32100: the check character is verified here (400) and again by the service; stored in
// capitals, as printed on the licence. The bound is loose so that the domain's message says how
// many characters there are instead of "too long".
export const creditCodeSchema = () =>
  text(40, '统一社会信用代码')
    .transform((s) => s.toUpperCase())
    .superRefine(checkedBy(validateCreditCode));

export const requiredText = (max: number, label: string) =>
  text(max, label).refine((s) => s.length > 0, `请填写${label}`);

// Every date field: a valid calendar date the working-day calendar can compute with (a date
// decades back once committed a case whose every view then failed).
export const localDate = (label = '日期') =>
  z
    .string({ error: typeMessage(label, '应为 YYYY-MM-DD 格式的日期') })
    .refine((s) => isLocalDate(s), `${label}应为 YYYY-MM-DD 格式的有效日期`)
    .refine((s) => !isLocalDate(s) || isSupportedDate(s), unsupportedDateMessage(label));

export const channelSchema = z.enum(CHANNEL_CODES as [string, ...string[]], {
  error: '未知的申请方式',
});
export const applicantCategorySchema = z.enum(APPLICANT_CATEGORY_CODES as [string, ...string[]], {
  error: '未知的申请人类型',
});
export const outcomeSchema = z.enum(OUTCOME_CODES as [Outcome, ...Outcome[]], {
  error: '未知的办理结果',
});
export const serviceMethodSchema = z.enum(
  SERVICE_METHOD_CODES as [ServiceMethod, ...ServiceMethod[]],
  {
    error: '未知的送达方式',
  },
);
export const proceedingKindSchema = z.enum(PROCEEDING_KIND_CODES as [string, ...string[]], {
  error: '未知的复议诉讼类型',
});
export const proceedingResultSchema = z.enum(['maintained', 'corrected', 'other'], {
  error: '审理结果只能是 maintained、corrected 或 other',
});

export const uuidSchema = (label = '编号') => z.uuid(`${label}格式有误`);

/** `page` and `pageSize` of a paged list's query string, with messages a clerk understands. */
export const pagingFields = (maxPageSize = 200) => ({
  page: z.coerce
    .number({ error: '页码应为数字' })
    .int('页码应为整数')
    .min(1, '页码从1开始')
    .max(100_000)
    .default(1),
  pageSize: z.coerce
    .number({ error: '每页条数应为数字' })
    .int('每页条数应为整数')
    .min(1, '每页至少1条')
    .max(maxPageSize, `每页最多${maxPageSize}条`)
    .default(20),
});
