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
  /**
   * Browser origins whose state-changing requests are accepted (CSRF): the desk's and the
   * publisher's. A request naming another Origin is refused with 403.
   */
  webOrigins: string[];
  /** Express "trust proxy" (TRUST_PROXY): which proxies' X-Forwarded-* headers are believed. */
  trustProxy: boolean | number | string | null;
  /** METRICS_TOKEN: required from anywhere but loopback; without it, /api/metrics is loopback only. */
  metricsToken: string | null;
  /** /api/docs needs a session (NODE_ENV=production). */
  docsNeedSession: boolean;
  /** Failed logins one client address may make per window (LOGIN_RATE_LIMIT, LOGIN_RATE_WINDOW_SECONDS). */
  loginClientLimit: number;
  loginClientWindowSeconds: number;
  /** PASSWORD_MAX_AGE_DAYS: a password older than this must be reset before signing in. */
  passwordMaxAgeDays: number | null;
}

/** TRUST_PROXY as Express reads it: `true`, a hop count, or addresses/names such as `loopback`. */
export function trustProxyFrom(value: string | undefined): boolean | number | string | null {
  if (!value || value === 'false' || value === '0') return null;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** The admin and publisher URLs `npm start` prints, by name and by address. */
function defaultWebOrigins(adminPort: string, publisherPort: string): string[] {
  const ports = [adminPort, publisherPort];
  return ['127.0.0.1', 'localhost'].flatMap((host) => ports.map((p) => `http://${host}:${p}`));
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
    webOrigins: e.WEB_ORIGINS
      ? e.WEB_ORIGINS.split(',')
          .map((o) => o.trim().replace(/\/+$/, ''))
          .filter(Boolean)
      : defaultWebOrigins(e.ADMIN_PORT, e.PUBLISHER_PORT),
    trustProxy: trustProxyFrom(e.TRUST_PROXY),
    metricsToken: e.METRICS_TOKEN ?? null,
    docsNeedSession: e.NODE_ENV === 'production',
    loginClientLimit: e.LOGIN_RATE_LIMIT,
    loginClientWindowSeconds: e.LOGIN_RATE_WINDOW_SECONDS,
    passwordMaxAgeDays: e.PASSWORD_MAX_AGE_DAYS ?? null,
  };
}

export const API_CONFIG = Symbol('API_CONFIG');
