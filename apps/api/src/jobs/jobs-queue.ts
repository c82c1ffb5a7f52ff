import {
  Inject,
  Injectable,
  ServiceUnavailableException,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUE_NAME } from '@gongkai/contracts';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** How long a job route waits for Redis before answering 503. */
export const QUEUE_TIMEOUT_MS = 1500;
/** After a failure, job routes answer 503 at once for this long instead of waiting again. */
export const QUEUE_RETRY_AFTER_MS = 5000;

export class QueueUnavailableError extends ServiceUnavailableException {
  constructor() {
    super('任务队列暂时不可用（无法连接 Redis），请稍后再试；案件办理不受影响');
  }
}

/**
 * The API's BullMQ producer, created on first use and failing soft: nothing at boot touches
 * Redis, so the case routes serve while Redis is down, and only job routes answer 503.
 */
@Injectable()
export class JobsQueue implements OnModuleDestroy {
  private queue: Queue | null = null;
  private downUntil = 0;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** Runs a queue operation, or throws QueueUnavailableError if Redis does not answer in time. */
  async use<T>(work: (queue: Queue) => Promise<T>): Promise<T> {
    if (Date.now() < this.downUntil) throw new QueueUnavailableError();
    try {
      return await this.attempt(work);
    } catch (error) {
      if (error instanceof QueueUnavailableError)
        this.downUntil = Date.now() + QUEUE_RETRY_AFTER_MS;
      throw error;
    }
  }

  private async attempt<T>(work: (queue: Queue) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueueUnavailableError()), QUEUE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([work(this.get()), timeout]);
    } catch (error) {
      if (error instanceof QueueUnavailableError) throw error;
      // ioredis with the offline queue off rejects at once while disconnected.
      if (isConnectionError(error)) throw new QueueUnavailableError();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private get(): Queue {
    if (!this.queue) {
      const u = new URL(this.config.redisUrl);
      this.queue = new Queue(QUEUE_NAME, {
        prefix: this.config.queuePrefix,
        connection: {
          host: u.hostname,
          port: Number(u.port || 6379),
          password: u.password ? decodeURIComponent(u.password) : undefined,
          db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
          // A producer fails fast instead of queueing commands while Redis is away.
          enableOfflineQueue: false,
          connectTimeout: 1000,
          retryStrategy: (times: number) => Math.min(times * 500, 5000),
        },
      });
      this.queue.on('error', () => undefined);
    }
    return this.queue;
  }

  async onModuleDestroy(): Promise<void> {
    const queue = this.queue;
    this.queue = null;
    // While Redis is away the connection is still "initializing", and BullMQ then drops it at once.
    if (queue) await queue.close();
  }
}

function isConnectionError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /ECONNREFUSED|Connection is closed|enableOfflineQueue|Stream isn't writeable|ETIMEDOUT/i.test(
    message,
  );
}
