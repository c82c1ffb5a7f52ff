import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QUEUE_NAME } from '@gongkai/contracts';
import { JobRegistry } from './job-registry';

/** Thin: switches on the job name through the registry and delegates. */
@Processor(QUEUE_NAME)
export class QueueProcessor extends WorkerHost {
  constructor(private readonly registry: JobRegistry) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.registry.handle(job);
  }
}
