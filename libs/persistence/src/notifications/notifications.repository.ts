import type { EntityManager } from 'typeorm';

/** A notification with its case's ref, as the desk lists it. */
export interface NotificationRow {
  id: string;
  kind: string;
  case_id: string;
  ref: string;
  due_on: string;
  title: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

const NOTIFICATION_SELECT = `SELECT n.id, n.kind, n.case_id, c.ref, n.due_on::text AS due_on, n.title,
              n.body, n.created_at, n.read_at
         FROM notifications n JOIN cases c ON c.id = n.case_id`;

/** A user's own alerts: every statement is by user id, whatever the user's scope. */
export class NotificationsRepository {
  constructor(private readonly m: EntityManager) {}

  async page(
    userId: string,
    unreadOnly: boolean,
    limit: number,
    offset: number,
  ): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
    const rows = (await this.m.query(
      `${NOTIFICATION_SELECT}
        WHERE n.user_id = $1 AND (NOT $2 OR n.read_at IS NULL)
        ORDER BY (n.read_at IS NULL) DESC, n.created_at DESC, n.due_on, n.id
        LIMIT $3 OFFSET $4`,
      [userId, unreadOnly, limit, offset],
    )) as NotificationRow[];
    const [counts] = (await this.m.query(
      `SELECT count(*) FILTER (WHERE NOT $2 OR read_at IS NULL)::int AS total,
              count(*) FILTER (WHERE read_at IS NULL)::int AS unread
         FROM notifications WHERE user_id = $1`,
      [userId, unreadOnly],
    )) as { total: number; unread: number }[];
    return { rows, total: counts.total, unread: counts.unread };
  }

  /** Idempotent: reading twice keeps the first time. Null when it is not the user's. */
  async markRead(userId: string, id: string, at: Date): Promise<NotificationRow | null> {
    await this.m.query(
      'UPDATE notifications SET read_at = coalesce(read_at, $3) WHERE id = $1 AND user_id = $2',
      [id, userId, at],
    );
    const [row] = (await this.m.query(`${NOTIFICATION_SELECT} WHERE n.id = $1 AND n.user_id = $2`, [
      id,
      userId,
    ])) as NotificationRow[];
    return row ?? null;
  }
}
