import type { DataSource } from 'typeorm';
import { NotificationsRepository, type NotificationRow } from '@gongkai/persistence';
import type { Clock } from '../common/clock';

/** Marks one of the user's alerts read (the first time counts); null when it is not theirs. */
export class MarkNotificationRead {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  execute(userId: string, id: string): Promise<NotificationRow | null> {
    return new NotificationsRepository(this.dataSource.manager).markRead(
      userId,
      id,
      this.clock.now(),
    );
  }
}
