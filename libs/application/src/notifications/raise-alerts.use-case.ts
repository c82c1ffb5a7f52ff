import type { DataSource } from 'typeorm';
import { raiseAlerts, type AlertMailer, type RaiseAlertsResult } from '@gongkai/persistence';
import { localDateInShanghai } from '@gongkai/domain';
import type { Clock } from '../common/clock';

/** The daily alerts (预警/督办), de-duplicated per case, kind and deadline; e-mailed when a mailer is set. */
export class RaiseAlerts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly mailer: AlertMailer | null,
  ) {}

  execute(): Promise<RaiseAlertsResult> {
    const now = this.clock.now();
    return raiseAlerts(this.dataSource, {
      today: localDateInShanghai(now),
      now,
      mailer: this.mailer,
    });
  }
}
