import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AlertsJobData } from '@gongkai/contracts';
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

  /** Scheduled for every agency; run by an administrator (POST /api/jobs/alerts) for their scope. */
  @JobHandler('alerts.daily')
  raise(job: Job<AlertsJobData>): Promise<RaiseAlertsResult> {
    const agencyIds = job.data?.agencyIds;
    return raiseAlerts(this.dataSource, {
      today: todayOf(this.clock),
      now: this.clock.now(),
      mailer: this.mailer,
      ...(Array.isArray(agencyIds) ? { agencyIds } : {}),
    });
  }
}
