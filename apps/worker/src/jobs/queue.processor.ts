import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QUEUE_NAME } from '@gongkai/contracts';
import { JobRegistry } from './job-registry';

export const WORKER_CONCURRENCY = Symbol('WORKER_CONCURRENCY');

/** Thin: switches on the job name through the registry and delegates. */
@Processor(QUEUE_NAME)
export class QueueProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly registry: JobRegistry,
    @Inject(WORKER_CONCURRENCY) private readonly concurrency: number,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // The decorator's options are fixed at import time; WORKER_CONCURRENCY is read at start-up.
    this.worker.concurrency = this.concurrency;
  }

  process(job: Job): Promise<unknown> {
    return this.registry.handle(job);
  }
}
