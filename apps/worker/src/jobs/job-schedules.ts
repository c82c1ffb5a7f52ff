import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JOB_SCHEDULE_TIMEZONE, JOB_SCHEDULES, QUEUE_NAME } from '@gongkai/contracts';

/** Retries of a scheduled run; its next run comes anyway, so a few attempts suffice. */
export const SCHEDULED_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { count: 200 },
  removeOnFail: { count: 1000 },
} as const;

/**
 * Upserts the recurring jobs (BullMQ 6 job schedulers, cron in Asia/Shanghai). Upserting is
 * idempotent, so every worker does it at start-up; the scheduler id is the job name.
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
  }
}
