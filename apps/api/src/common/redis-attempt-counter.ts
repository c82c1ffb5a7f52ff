import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AttemptCounter } from '@gongkai/application';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { rateLimitRedis, withTimeout } from './rate-limit-redis';
import { RATE_LIMIT_TIMEOUT_MS } from './redis-throttler.storage';

const RESERVE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;
const RELEASE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end
return 0`;
const TIMEOUT_MS = RATE_LIMIT_TIMEOUT_MS;

/**
 * Login attempts per client address, in Redis under the API's rate-limit prefix so every API
 * instance adds to one count; each reservation is one atomic script (INCR with expiry), so
 * parallel attempts cannot all pass on one reading. Like the public limits it fails open to a
 * per-process count while Redis does not answer: the account lockout (in PostgreSQL) still holds.
 */
@Injectable()
export class RedisAttemptCounter
  implements AttemptCounter, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('LoginRateLimit');
  private readonly redis: Redis;
  private readonly local = new Map<string, { n: number; until: number }>();
  private degraded = false;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.redis = rateLimitRedis(config);
  }

  onApplicationBootstrap(): void {
    this.redis.connect().catch(() => undefined);
  }

  async reserve(key: string, limit: number, windowMs: number): Promise<boolean> {
    try {
      const n = Number(
        await withTimeout(this.redis.eval(RESERVE, 1, key, String(windowMs)), TIMEOUT_MS),
      );
      this.degraded = false;
      return n <= limit;
    } catch (error) {
      this.warnOnce(error);
      const now = Date.now();
      const entry = this.local.get(key);
      const current = entry && entry.until > now ? entry : { n: 0, until: now + windowMs };
      current.n++;
      if (this.local.size > 10_000) this.local.clear();
      this.local.set(key, current);
      return current.n <= limit;
    }
  }

  async release(key: string): Promise<void> {
    try {
      await withTimeout(this.redis.eval(RELEASE, 1, key), TIMEOUT_MS);
    } catch (error) {
      this.warnOnce(error);
      const entry = this.local.get(key);
      if (entry && entry.n > 0) entry.n--;
    }
  }

  private warnOnce(error: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(
      `Redis did not answer (${(error as Error).message}): login attempts are counted per API process`,
    );
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
