import type { DataSource } from 'typeorm';
import { NotificationsRepository, type NotificationRow } from '@gongkai/persistence';

export interface NotificationPageResult {
  readonly rows: readonly NotificationRow[];
  readonly total: number;
  readonly unread: number;
}

/** A user's own alerts, unread first, a page at a time. */
export class ListNotifications {
  constructor(private readonly dataSource: DataSource) {}

  execute(
    userId: string,
    query: { unreadOnly: boolean; page: number; pageSize: number },
  ): Promise<NotificationPageResult> {
    return new NotificationsRepository(this.dataSource.manager).page(
      userId,
      query.unreadOnly,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    );
  }
}
