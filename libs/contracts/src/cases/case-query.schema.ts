import { z } from 'zod';
import { CASE_EVENT_TYPES, CLOSED_STATES, OPEN_STATES } from '@gongkai/domain';
import {
  applicantCategorySchema,
  outcomeSchema,
  pagingFields,
  text,
  uuidSchema,
} from './common.schema';

export const CASE_SORT_FIELDS = [
  'receivedOn',
  'answerDueOn',
  'nextDueOn',
  'ref',
  'updatedAt',
  'decidedOn',
] as const;

const ASSIGNEE_FILTER = '经办人筛选只能是 me、none 或用户编号';

const states = [...OPEN_STATES, ...CLOSED_STATES] as [string, ...string[]];

/** GET /api/cases query string. */
export const caseListQuerySchema = z.object({
  state: z
    .enum([...states, 'open', 'closed'] as [string, ...string[]], { error: '未知的案件状态' })
    .optional(),
  /**
   * overdue: the domain's `isOverdue` (answer owed — open, or decided and not served — past its
   * deadline); dueSoon: `isDueSoon` (owed, due within DUE_SOON_WORKING_DAYS working days).
   */
  due: z.enum(['overdue', 'dueSoon'], { error: '期限筛选只能是 overdue 或 dueSoon' }).optional(),
  year: z.coerce.number().int('年份应为整数').min(2000).max(2999).optional(),
  category: applicantCategorySchema.optional(),
  outcome: outcomeSchema.optional(),
  q: text(100, '搜索内容').optional(),
  agencyId: uuidSchema('机关编号').optional(),
  /** The 经办人: `me`, `none` (unassigned) or a user id. */
  assignee: z.union([z.enum(['me', 'none']), z.uuid(ASSIGNEE_FILTER)]).optional(),
  sort: z.enum(CASE_SORT_FIELDS, { error: '未知的排序字段' }).default('receivedOn'),
  order: z.enum(['asc', 'desc'], { error: '排序方向只能是 asc 或 desc' }).default('desc'),
  ...pagingFields(),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

/** DESIGN.md "Security": each reveal is journaled with why (a reason of at least 4 characters). */
export const revealIdentitySchema = z.object({
  reason: text(500, '查看理由').refine(
    (s) => [...s.trim()].length >= 4,
    '请填写查看理由（至少4个字），将记入审计记录',
  ),
});
export type RevealIdentityRequest = z.infer<typeof revealIdentitySchema>;

export const caseEventTypeSchema = z.enum(CASE_EVENT_TYPES as [string, ...string[]]);
