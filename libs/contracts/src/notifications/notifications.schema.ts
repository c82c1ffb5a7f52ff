import { z } from 'zod';
import { pagingFields } from '../cases/common.schema';

/** Alerts (预警/督办) the daily job raises; see libs/persistence notifications/alert-rules.ts. */
export const NOTIFICATION_KINDS = [
  'answer_due_soon',
  'answer_overdue',
  'supplement_notice_due',
  // 督办: the nightly journal verification found something (libs/application journal).
  'journal_failed',
] as const;
export type NotificationKindCode = (typeof NOTIFICATION_KINDS)[number];

/** GET /api/notifications query string: the signed-in user's own, unread first. */
export const notificationListQuerySchema = z.object({
  unreadOnly: z
    .enum(['true', 'false'], { error: 'unreadOnly 只能是 true 或 false' })
    .transform((v) => v === 'true')
    .optional(),
  ...pagingFields(100),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export interface NotificationView {
  id: string;
  kind: NotificationKindCode;
  caseId: string;
  caseRef: string;
  dueOn: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationView[];
  total: number;
  /** All unread notifications of the user, whatever the page. */
  unread: number;
  page: number;
  pageSize: number;
}
