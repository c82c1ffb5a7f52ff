import { z } from 'zod';
import { pagingFields, uuidSchema } from '../cases/common.schema';

/**
 * GET /api/attachment-downloads query string: who downloaded which case attachment, in the
 * user's agency scope, newest first. `caseId` narrows the list to one case.
 */
export const attachmentDownloadsQuerySchema = z.object({
  caseId: uuidSchema('案件编号').optional(),
  ...pagingFields(),
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
