import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  NotificationKindCode,
  NotificationListQuery,
  NotificationPage,
  NotificationView,
} from '@gongkai/contracts';
import { type SessionUser } from '../auth/session-user';
import { CLOCK, type Clock } from '../common/clock';

interface Row {
  id: string;
  kind: NotificationKindCode;
  case_id: string;
  ref: string;
  due_on: string;
  title: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

function toView(r: Row): NotificationView {
  return {
    id: r.id,
    kind: r.kind,
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
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(user: SessionUser, query: NotificationListQuery): Promise<NotificationPage> {
    const unreadOnly = query.unreadOnly === true;
    const rows = (await this.db.query(
      `SELECT n.id, n.kind, n.case_id, c.ref, n.due_on::text AS due_on, n.title, n.body,
              n.created_at, n.read_at
         FROM notifications n JOIN cases c ON c.id = n.case_id
        WHERE n.user_id = $1 AND (NOT $2 OR n.read_at IS NULL)
        ORDER BY (n.read_at IS NULL) DESC, n.created_at DESC, n.due_on, n.id
        LIMIT $3 OFFSET $4`,
      [user.id, unreadOnly, query.pageSize, (query.page - 1) * query.pageSize],
    )) as Row[];
    const [counts] = (await this.db.query(
      `SELECT count(*) FILTER (WHERE NOT $2 OR read_at IS NULL)::int AS total,
              count(*) FILTER (WHERE read_at IS NULL)::int AS unread
         FROM notifications WHERE user_id = $1`,
      [user.id, unreadOnly],
    )) as { total: number; unread: number }[];
    return {
      items: rows.map(toView),
      total: counts.total,
      unread: counts.unread,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Idempotent: reading twice keeps the first time. */
  async markRead(user: SessionUser, id: string): Promise<NotificationView> {
    await this.db.query(
      'UPDATE notifications SET read_at = coalesce(read_at, $3) WHERE id = $1 AND user_id = $2',
      [id, user.id, this.clock.now()],
    );
    const [row] = (await this.db.query(
      `SELECT n.id, n.kind, n.case_id, c.ref, n.due_on::text AS due_on, n.title, n.body,
              n.created_at, n.read_at
         FROM notifications n JOIN cases c ON c.id = n.case_id
        WHERE n.id = $1 AND n.user_id = $2`,
      [id, user.id],
    )) as Row[];
    if (!row) throw new NotFoundException('通知不存在');
    return toView(row);
  }
}
