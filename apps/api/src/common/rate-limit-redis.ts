import { Redis } from 'ioredis';
import { type ApiConfig } from '../config/api-config';

/**
 * The Redis connection of a rate limiter: counters under the API's rate-limit prefix, shared by
 * every API instance, and never a reason for a request to wait long or fail (the callers fall
 * back to counting in this process).
 */
export function rateLimitRedis(config: ApiConfig): Redis {
  const redis = new Redis(config.redisUrl, {
    keyPrefix: config.rateLimitPrefix,
    // Boot never waits for Redis: onApplicationBootstrap starts connecting without awaiting it.
    lazyConnect: true,
    // Queued while connecting, and dropped (hence counted locally) as soon as a connection
    // attempt fails instead of being retried.
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: (times: number) => Math.min(times * 500, 5000),
    // A socket that never connected emits no second 'close': don't keep a stopping API for 2 s.
    disconnectTimeout: 200,
  });
  redis.on('error', () => undefined);
  return redis;
}

/** The work's result, or a rejection once `ms` have passed without one. */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
