import { z } from 'zod';
import { uuidSchema } from '../cases/common.schema';

/**
 * GET /api/attachment-downloads query string: who downloaded which case attachment, in the
 * user's agency scope, newest first. `caseId` narrows the list to one case.
 */
export const attachmentDownloadsQuerySchema = z.object({
  caseId: uuidSchema('案件编号').optional(),
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
    .max(200, '每页最多200条')
    .default(20),
});
export type AttachmentDownloadsQuery = z.infer<typeof attachmentDownloadsQuerySchema>;

/** One recorded download of a case attachment, as the 审计 page lists it. */
export interface AttachmentDownloadRow {
  id: string;
  caseId: string;
  caseRef: string;
  attachmentId: string;
  fileName: string;
  /** The attachment kind's code (ATTACHMENT_KINDS) and its Chinese label. */
  kind: string;
  kindLabel: string;
  user: { id: string; displayName: string | null };
  downloadedAt: string;
}
