import { apiEnvironmentSchema, parseEnvironment } from '@gongkai/application';

/** Everything the API reads from the environment, in one place (README lists each variable). */
export interface ApiConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** Connections of this process's pool (DATABASE_POOL_SIZE). */
  databasePoolSize?: number;
  redisUrl: string;
  /** BullMQ key prefix: lets tests and several deployments share one Redis. */
  queuePrefix: string;
  /** Redis key prefix of the public routes' rate-limit counters (shared by every API instance). */
  rateLimitPrefix: string;
  sessionIdleMinutes: number;
  logLevel: string;
}

/** The API's configuration, checked against the shared zod schema (ConfigurationError if bad). */
export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const e = parseEnvironment(apiEnvironmentSchema, env);
  return {
    port: Number(e.API_PORT ?? e.PORT ?? 3000),
    host: e.API_HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    rateLimitPrefix: `${e.QUEUE_PREFIX}:throttle:`,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    logLevel: e.LOG_LEVEL,
  };
}

export const API_CONFIG = Symbol('API_CONFIG');
