import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JOB_SCHEDULE_TIMEZONE, JOB_SCHEDULES, QUEUE_NAME, type JobName } from '@gongkai/contracts';

/** Retries of a scheduled run; its next run comes anyway, so a few attempts suffice. */
export const SCHEDULED_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { count: 200 },
  removeOnFail: { count: 1000 },
} as const;

export const START_UP_SWEEP: JobName = 'deadlines.sweep';

/**
 * Upserts the recurring jobs (BullMQ 6 job schedulers, cron in Asia/Shanghai). Upserting is
 * idempotent, so every worker does it at start-up; the scheduler id is the job name.
 *
 * It also sweeps once at start-up rather than at the next minute: the deadlines that lapsed
 * while no worker ran are applied, and the alerts of a fresh install are on the workbench,
 * at once. The sweep is idempotent, so two workers starting together do no harm.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUE_NAME) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const { name, pattern } of JOB_SCHEDULES) {
      await this.queue.upsertJobScheduler(
        name,
        { pattern, tz: JOB_SCHEDULE_TIMEZONE },
        { name, data: {}, opts: SCHEDULED_JOB_OPTIONS },
      );
    }
    await this.queue.add(START_UP_SWEEP, {}, SCHEDULED_JOB_OPTIONS);
  }
}
