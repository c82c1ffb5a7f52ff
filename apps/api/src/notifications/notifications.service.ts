import { Injectable, NotFoundException } from '@nestjs/common';
import type {
  NotificationKindCode,
  NotificationListQuery,
  NotificationPage,
  NotificationView,
} from '@gongkai/contracts';
import { ListNotifications, MarkNotificationRead } from '@gongkai/application';
import type { NotificationRow } from '@gongkai/persistence';
import { type SessionUser } from '../auth/session-user';

function toView(r: NotificationRow): NotificationView {
  return {
    id: r.id,
    kind: r.kind as NotificationKindCode,
    caseId: r.case_id,
    caseRef: r.ref,
    dueOn: r.due_on,
    title: r.title,
    body: r.body,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
  };
}

/** A user's own alerts: nobody reads another person's notifications, whatever their scope. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly listNotifications: ListNotifications,
    private readonly markNotificationRead: MarkNotificationRead,
  ) {}

  async list(user: SessionUser, query: NotificationListQuery): Promise<NotificationPage> {
    const { rows, total, unread } = await this.listNotifications.execute(user.id, {
      unreadOnly: query.unreadOnly === true,
      page: query.page,
      pageSize: query.pageSize,
    });
    return { items: rows.map(toView), total, unread, page: query.page, pageSize: query.pageSize };
  }

  /** Idempotent: reading twice keeps the first time. */
  async markRead(user: SessionUser, id: string): Promise<NotificationView> {
    const row = await this.markNotificationRead.execute(user.id, id);
    if (!row) throw new NotFoundException('通知不存在');
    return toView(row);
  }
}
