import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Worker } from 'bullmq';
import { QueueProcessor } from './queue.processor';

export const SHUTDOWN_TIMEOUT_MS = Symbol('SHUTDOWN_TIMEOUT_MS');

/**
 * Stops taking jobs and lets the running ones finish for at most `timeoutMs`; then closes without
 * waiting (BullMQ's own close waits forever). A job cut off loses its lock and is delivered again
 * later — safe, because every handler re-checks its work under a row lock.
 */
export async function closeWorkerGracefully(
  worker: Pick<Worker, 'pause' | 'close'>,
  timeoutMs: number,
): Promise<'drained' | 'forced'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'forced'>((resolve) => {
    timer = setTimeout(() => resolve('forced'), timeoutMs);
  });
  const drained = worker.pause(false).then(() => 'drained' as const);
  const outcome = await Promise.race([drained, timeout]);
  clearTimeout(timer);
  await worker.close(outcome === 'forced');
  return outcome;
}

@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  outcome: 'drained' | 'forced' | null = null;

  constructor(
    private readonly processor: QueueProcessor,
    @Inject(SHUTDOWN_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    // The worker exists once the module has started; a failed start has nothing to drain.
    let worker: Worker;
    try {
      worker = this.processor.worker;
    } catch {
      return;
    }
    this.outcome = await closeWorkerGracefully(worker, this.timeoutMs);
  }
}
