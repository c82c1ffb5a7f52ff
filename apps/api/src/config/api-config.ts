import { DEFAULT_DATABASE_URL } from '@gongkai/persistence';

/** Everything the API reads from the environment, in one place (README lists each variable). */
export interface ApiConfig {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string;
  /** BullMQ key prefix: lets tests and several deployments share one Redis. */
  queuePrefix: string;
  /** Redis key prefix of the public routes' rate-limit counters (shared by every API instance). */
  rateLimitPrefix: string;
  sessionIdleMinutes: number;
  logLevel: string;
}

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const queuePrefix = env['QUEUE_PREFIX'] || 'gongkai';
  return {
    port: Number(env['API_PORT'] ?? env['PORT'] ?? 3000),
    host: env['API_HOST'] ?? '0.0.0.0',
    databaseUrl: env['DATABASE_URL'] || DEFAULT_DATABASE_URL,
    redisUrl: env['REDIS_URL'] || 'redis://127.0.0.1:6379',
    queuePrefix,
    rateLimitPrefix: `${queuePrefix}:throttle:`,
    sessionIdleMinutes: Number(env['SESSION_IDLE_MINUTES'] ?? 30),
    logLevel: env['LOG_LEVEL'] ?? 'info',
  };
}

export const API_CONFIG = Symbol('API_CONFIG');
