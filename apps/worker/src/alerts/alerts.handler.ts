import { Injectable } from '@nestjs/common';
import { RaiseAlerts } from '@gongkai/application';
import type { RaiseAlertsResult } from '@gongkai/persistence';
import { JobHandler } from '../jobs/job-handler.decorator';

/** Thin: the daily alerts (预警/督办) are raised by the RaiseAlerts use case, de-duplicated there. */
@Injectable()
export class AlertsHandler {
  constructor(private readonly alerts: RaiseAlerts) {}

  @JobHandler('alerts.daily')
  raise(): Promise<RaiseAlertsResult> {
    return this.alerts.execute();
  }
}
