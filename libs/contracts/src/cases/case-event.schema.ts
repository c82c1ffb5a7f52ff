import { z } from 'zod';
import {
  CASE_EVENT_TYPES,
  CASE_PAYLOAD_LIMITS as L,
  DECISION_BASIS_MAX,
  DECISION_REASONS_MAX,
} from '@gongkai/domain';
import { localDate, outcomeSchema, requiredText, serviceMethodSchema, text } from './common.schema';

const on = localDate('办理日期');
const version = z.int('版本号应为整数').min(1, '版本号应为正整数');

function variant<T extends string, S extends z.ZodRawShape>(type: T, fields: S) {
  return z.object({
    type: z.literal(type),
    payload: z.strictObject({ on, ...fields }, { error: '操作内容应为对象' }),
    /** The version the client saw; a different current version is a 409. */
    expectedVersion: version.optional(),
  });
}

/**
 * POST /api/cases/:id/events. The payload carries the legal date of the fact (`on`) and the
 * fields of the event type; the actor is the signed-in user, never the client's say.
 */
export const sendCaseEventSchema = z.discriminatedUnion(
  'type',
  [
    variant('ACCEPT', {}),
    variant('REQUEST_SUPPLEMENT', {
      dueOn: localDate('补正期限'),
      items: z
        .array(requiredText(L.supplementItemLength, '补正事项'))
        .min(L.supplementItems.min, '请列明需要补正的全部事项')
        .max(L.supplementItems.max, `补正事项最多${L.supplementItems.max}项`),
    }),
    variant('SUPPLEMENT_RECEIVED', {}),
    variant('SUPPLEMENT_OVERDUE', {}),
    variant('START_CONSULTATION', {
      party: z.enum(['third_party', 'other_agency'], {
        error: '征求意见对象只能是第三方或其他机关',
      }),
    }),
    variant('CONSULTATION_REPLIED', {}),
    variant('CONSULTATION_EXPIRED', {}),
    variant('SERVE_FEE_NOTICE', {
      standard: z.enum(['per_application', 'per_page'], { error: '收费标准只能是按件或按量' }),
      amountYuan: z
        .number('收费金额应为数字')
        .positive('收费金额应大于0')
        .max(L.feeAmountYuan.max, `收费金额不应超过${L.feeAmountYuan.max}元`),
      ordinalInMonth: z
        .int('当月件数应为整数')
        .min(L.feeOrdinalInMonth.min)
        .max(L.feeOrdinalInMonth.max)
        .optional(),
      pages: z.int('页数应为整数').min(L.feePages.min).max(L.feePages.max).optional(),
      overrideReason: text(L.textLength, '调整金额的理由').optional(),
    }),
    variant('FEE_PAID', {}),
    variant('FEE_OVERDUE', {}),
    variant('REQUEST_REASONS', {}),
    variant('REASONS_JUDGED', {
      reasonable: z.boolean('请选择理由是否合理'),
      delayedAnswerOn: localDate('延迟答复日期').optional(),
    }),
    // Reasons and basis are required for refusing/limiting outcomes; the machine decides which.
    variant('DRAFT_DECISION', {
      outcome: outcomeSchema,
      reasons: text(DECISION_REASONS_MAX, '理由').optional(),
      basis: text(DECISION_BASIS_MAX, '法律依据').optional(),
    }),
    variant('APPROVE_DECISION', { comment: text(L.textLength, '审批意见').optional() }),
    variant('RETURN_DECISION', { comment: requiredText(L.textLength, '退回意见') }),
    variant('REQUEST_EXTENSION', {
      workingDays: z
        .int('延长工作日数应为整数')
        .min(L.extensionWorkingDays.min, `延长期限至少${L.extensionWorkingDays.min}个工作日`)
        .max(
          L.extensionWorkingDays.max,
          `延长期限最长不超过${L.extensionWorkingDays.max}个工作日（第三十三条）`,
        ),
      reason: requiredText(L.textLength, '延期理由'),
    }),
    variant('APPROVE_EXTENSION', {}),
    variant('REFUSE_EXTENSION', { comment: text(L.textLength, '意见').optional() }),
    variant('RECORD_SERVICE', { method: serviceMethodSchema, servedOn: localDate('送达日期') }),
    variant('RECORD_NOTICE_SERVICE', {
      method: serviceMethodSchema,
      servedOn: localDate('送达日期'),
    }),
    variant('WITHDRAW', { reason: text(L.textLength, '撤回理由').optional() }),
    variant('YEAR_CLOSED', { year: z.int().min(L.year.min).max(L.year.max) }),
  ],
  { error: '未知的操作类型' },
);
export type SendCaseEventRequest = z.infer<typeof sendCaseEventSchema>;

/**
 * The envelope of an event request, for the OpenAPI document and the first validation pass;
 * `sendCaseEventSchema` then checks the payload of the named type.
 */
export const sendCaseEventBodySchema = z.object({
  type: z.enum(CASE_EVENT_TYPES as [string, ...string[]], { error: '未知的操作类型' }),
  payload: z.record(z.string(), z.unknown(), { error: '操作内容应为对象' }),
  expectedVersion: version.optional(),
});
export type SendCaseEventBody = z.infer<typeof sendCaseEventBodySchema>;
