import { InjectQueue } from '@nestjs/bullmq';
import {
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAME } from '@gongkai/contracts';
import { InjectRedis } from '../redis.provider';
import { JobHandler } from './job-handler.decorator';

export const HEARTBEAT_KEY = 'worker:heartbeat';

/** Records that a worker is alive and consuming jobs, so operators (and /api/health) can see it. */
@Injectable()
export class HeartbeatHandler implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @InjectQueue(QUEUE_NAME) private readonly queue: Queue,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'worker.heartbeat',
      { every: 30_000 },
      { name: 'worker.heartbeat' },
    );
  }

  @JobHandler('worker.heartbeat')
  async beat(): Promise<{ at: string }> {
    const at = new Date().toISOString();
    await this.redis.set(HEARTBEAT_KEY, at, 'EX', 120);
    return { at };
  }

  // After the running jobs have been drained (GracefulShutdown), not before.
  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
