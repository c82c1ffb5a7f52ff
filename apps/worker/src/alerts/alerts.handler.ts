import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { AlertsJobData } from '@gongkai/contracts';
import { RaiseAlerts } from '@gongkai/application';
import type { RaiseAlertsResult } from '@gongkai/persistence';
import { JobHandler } from '../jobs/job-handler.decorator';

/** Thin: the daily alerts (预警/督办) are raised by the RaiseAlerts use case, de-duplicated there. */
@Injectable()
export class AlertsHandler {
  constructor(private readonly alerts: RaiseAlerts) {}

  /** Scheduled for every agency; run by an administrator (POST /api/jobs/alerts) for their scope. */
  @JobHandler('alerts.daily')
  raise(job: Job<AlertsJobData>): Promise<RaiseAlertsResult> {
    const agencyIds = job.data?.agencyIds;
    return this.alerts.execute(Array.isArray(agencyIds) ? { agencyIds } : {});
  }
}
