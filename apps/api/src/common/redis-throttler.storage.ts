import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { rateLimitRedis, withTimeout } from './rate-limit-redis';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * How long a public request waits for its Redis count before it is counted in this process. A
 * stopped Redis refuses at once; this bounds a hung one, and leaves room for a busy two-core host.
 */
export const RATE_LIMIT_TIMEOUT_MS = 1000;
/** After a failure, requests are counted in this process at once for this long. */
export const RATE_LIMIT_RETRY_AFTER_MS = 5000;

/**
 * The public routes' rate-limit counters, in Redis under `rateLimitPrefix` so that every API
 * instance behind the load balancer adds to the same count (one atomic Lua increment with expiry,
 * from @nest-lab/throttler-storage-redis).
 *
 * Fails open: when Redis does not answer within RATE_LIMIT_TIMEOUT_MS (down, unreachable, slow),
 * the request is counted by this process's in-memory counter instead, a warning is logged once
 * per outage, and `fallbacks` (exported as gongkai_rate_limit_fallbacks_total) grows. The limiter
 * protects the public routes; it must never be the reason they answer 5xx, and counting per
 * process for the length of an outage (the limit times the number of instances) is a smaller
 * harm than refusing citizens their applications and the published reports.
 */
@Injectable()
export class RedisThrottlerStorage
  implements ThrottlerStorage, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis;
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private downUntil = 0;
  private degraded = false;
  /** Requests counted in this process because Redis did not answer. */
  fallbacks = 0;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.redis = rateLimitRedis(config);
    this.shared = new ThrottlerStorageRedisService(this.redis);
  }

  /**
   * Connects in the background as the API starts, so the first public request does not pay the
   * handshake inside its timeout (and get counted locally for it). A failure here only means
   * ioredis keeps retrying; requests meanwhile fall back as documented above.
   */
  onApplicationBootstrap(): void {
    this.redis.connect().catch(() => undefined);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerRecord> {
    if (Date.now() >= this.downUntil) {
      try {
        const record = await withTimeout(
          this.shared.increment(key, ttl, limit, blockDuration, throttlerName),
          RATE_LIMIT_TIMEOUT_MS,
        );
        if (this.degraded) {
          this.degraded = false;
          this.logger.log('Redis answers again: public rate limits are shared again');
        }
        return record;
      } catch (error) {
        this.downUntil = Date.now() + RATE_LIMIT_RETRY_AFTER_MS;
        if (!this.degraded) {
          this.degraded = true;
          this.logger.warn(
            `Redis did not answer (${(error as Error).message}): public rate limits are counted per API process until it does`,
          );
        }
      }
    }
    this.fallbacks++;
    return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  onApplicationShutdown(): void {
    // Also reached through ThrottlerModule's provider of the same instance: must be idempotent.
    this.redis.disconnect();
    this.local.onApplicationShutdown();
  }
}
