import { z } from 'zod';
import { requiredText, text } from '../cases/common.schema';
import { reportTextsSchema } from './report-texts.schema';

export const REPORT_FORMATS = ['json', 'txt', 'html', 'docx', 'xlsx', 'csv'] as const;
export type ReportDownloadFormat = (typeof REPORT_FORMATS)[number];

export const agencyCodeSchema = z
  .string({ error: '机关代码应为文字' })
  .regex(/^[a-z0-9][a-z0-9-]*$/, '机关代码只能包含小写字母、数字和连字符')
  .max(100);

export const reportYearSchema = z.coerce
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(2008, '年度不能早于2008年')
  .max(2999);

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'subtree 只能是 true 或 false' })
  .transform((v) => v === 'true' || v === '1');

/** Which agency a staff route is about: the user's own unless a code in scope is given. */
export const reportQuerySchema = z.object({ agency: agencyCodeSchema.optional() });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** PUT /api/reports/:year/texts */
export const putReportTextsSchema = z.object({
  texts: reportTextsSchema,
  /** The revision the clerk edited; a stale one is refused (409) instead of overwriting. */
  expectedRevision: z.int().min(1).optional(),
});
export type PutReportTextsRequest = z.infer<typeof putReportTextsSchema>;

/** POST /api/reports/:year/submit */
export const submitReportSchema = z.object({
  /** Why 上年结转 differs from last year's published 结转下年度 (I5), e.g. a reorganisation. */
  crossYearNote: text(2000, '跨年度核对说明').optional(),
});
export type SubmitReportRequest = z.infer<typeof submitReportSchema>;

export const approveReportSchema = z.object({ comment: text(2000, '审批意见').optional() });
export type ApproveReportRequest = z.infer<typeof approveReportSchema>;

export const returnReportSchema = z.object({ comment: requiredText(2000, '退回意见') });
export type ReturnReportRequest = z.infer<typeof returnReportSchema>;

/**
 * POST /api/reports/:year/publish: a correction (version 2 on) must say what changed; a text that
 * contradicts the tables (N1/N2) is published only with the approving leader's acknowledgement.
 */
export const publishReportSchema = z.object({
  changeNote: text(2000, '更正说明').optional(),
  acknowledgeNarrative: z
    .boolean({ error: 'acknowledgeNarrative 只能是 true 或 false' })
    .optional(),
});
export type PublishReportRequest = z.infer<typeof publishReportSchema>;

export const reportDownloadQuerySchema = z.object({
  format: z.enum(REPORT_FORMATS, { error: '格式只能是 json、txt、html、docx、xlsx 或 csv' }),
  version: z.coerce.number().int('版本号应为整数').min(1, '版本号从1开始').optional(),
  /** CSV only: section 三 (default) or 四. */
  section: z.enum(['3', '4'], { error: 'section 只能是 3 或 4' }).default('3'),
  agency: agencyCodeSchema.optional(),
});
export type ReportDownloadQuery = z.infer<typeof reportDownloadQuerySchema>;

export const publicDownloadQuerySchema = reportDownloadQuerySchema.omit({
  version: true,
  agency: true,
});
export type PublicDownloadQuery = z.infer<typeof publicDownloadQuerySchema>;

/** GET /api/statistics/:year */
export const statisticsQuerySchema = z.object({
  agency: agencyCodeSchema.optional(),
  /** A supervising office: count its whole subtree (within the reader's scope). */
  subtree: booleanFlag.default(false),
});
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;

/** GET /api/statistics/:year/cells: the cases (or proceedings) behind one cell. */
export const statisticsCellQuerySchema = statisticsQuerySchema.extend({
  row: z.string({ error: '请指定行' }).min(1, '请指定行').max(64),
  column: z.string({ error: '请指定列' }).min(1, '请指定列').max(64),
});
export type StatisticsCellQuery = z.infer<typeof statisticsCellQuerySchema>;

export type ReportLifecycleStatus = 'draft' | 'submitted' | 'approved' | 'published';

export interface ReportCheckView {
  id: string;
  ok: boolean;
  level: 'error' | 'warning';
  message: string;
  cells: { section: string; row: string; column: string }[];
  /** N1/N2: the sentence of the text, shown beside the cells it contradicts. */
  sentence?: string;
}

export interface ReportVersionView {
  version: number;
  sha256: string;
  changeNote: string | null;
  publishedAt: string;
}

/** GET /api/reports/:year: the draft with live numbers, its checks and what may happen next. */
export interface ReportDraftView {
  agency: { id: string; code: string; name: string };
  year: number;
  format: '2019' | '2021';
  status: ReportLifecycleStatus;
  revision: number;
  texts: z.infer<typeof reportTextsSchema>;
  /** Generated starting paragraphs: 一's 依申请公开 and 六's fee statement. */
  suggestions: { onRequest: string; feeStatement: string };
  section2Entered: boolean;
  /** The report JSON of report-json.md, live numbers and checks included. */
  report: unknown;
  checks: ReportCheckView[];
  /** The failing error checks (and I5) that block submission, approval and publication. */
  blockers: ReportCheckView[];
  crossYearNote: string | null;
  review: { comment: string | null; by: string | null; at: string | null };
  latestVersion: number;
  versions: ReportVersionView[];
  allowed: ('editTexts' | 'submit' | 'approve' | 'return' | 'publish')[];
}
