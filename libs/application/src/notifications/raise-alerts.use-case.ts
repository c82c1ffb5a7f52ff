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

  /**
   * `agencyIds`: only these agencies' cases (an administrator's run); `email: false`: raise
   * without sending (the minute sweep; e-mails go out with the daily job).
   */
  execute(
    options: { readonly agencyIds?: readonly string[]; readonly email?: boolean } = {},
  ): Promise<RaiseAlertsResult> {
    const now = this.clock.now();
    return raiseAlerts(this.dataSource, {
      today: localDateInShanghai(now),
      now,
      mailer: options.email === false ? null : this.mailer,
      ...(options.agencyIds ? { agencyIds: options.agencyIds } : {}),
    });
  }
}
