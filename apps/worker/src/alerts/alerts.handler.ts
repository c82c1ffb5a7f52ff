import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { raiseAlerts, type AlertMailer, type RaiseAlertsResult } from '@gongkai/persistence';
import { InjectDataSource } from '../database.provider';
import { JobHandler } from '../jobs/job-handler.decorator';
import { InjectClock, todayOf, type Clock } from '../worker-clock';
import { ALERT_MAILER } from './smtp-mailer';

/** Thin: the daily alerts (预警/督办) are raised by libs/persistence, de-duplicated there. */
@Injectable()
export class AlertsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectClock() private readonly clock: Clock,
    @Inject(ALERT_MAILER) private readonly mailer: AlertMailer | null,
  ) {}

  @JobHandler('alerts.daily')
  raise(): Promise<RaiseAlertsResult> {
    return raiseAlerts(this.dataSource, {
      today: todayOf(this.clock),
      now: this.clock.now(),
      mailer: this.mailer,
    });
  }
}
