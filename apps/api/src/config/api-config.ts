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

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** TRUST_PROXY as Express reads it: `true`, a hop count, or addresses/names such as `loopback`. */
export function trustProxyFrom(value: string | undefined): boolean | number | string | null {
  if (!value || value === 'false' || value === '0') return null;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** The admin and publisher URLs `npm start` prints, by name and by address. */
function defaultWebOrigins(env: NodeJS.ProcessEnv): string[] {
  const ports = [env['ADMIN_PORT'] || '4200', env['PUBLISHER_PORT'] || '4300'];
  return ['127.0.0.1', 'localhost'].flatMap((host) => ports.map((p) => `http://${host}:${p}`));
}

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const queuePrefix = env['QUEUE_PREFIX'] || 'gongkai';
  const maxAge = Number(env['PASSWORD_MAX_AGE_DAYS']);
  return {
    port: Number(env['API_PORT'] ?? env['PORT'] ?? 3000),
    // Loopback unless told otherwise: a deployment puts a proxy (or compose's network) in front.
    host: env['API_HOST'] || '127.0.0.1',
    databaseUrl: env['DATABASE_URL'] || DEFAULT_DATABASE_URL,
    redisUrl: env['REDIS_URL'] || 'redis://127.0.0.1:6379',
    queuePrefix,
    rateLimitPrefix: `${queuePrefix}:throttle:`,
    sessionIdleMinutes: Number(env['SESSION_IDLE_MINUTES'] ?? 30),
    logLevel: env['LOG_LEVEL'] ?? 'info',
    webOrigins: env['WEB_ORIGINS']
      ? env['WEB_ORIGINS']
          .split(',')
          .map((o) => o.trim().replace(/\/+$/, ''))
          .filter(Boolean)
      : defaultWebOrigins(env),
    trustProxy: trustProxyFrom(env['TRUST_PROXY']),
    metricsToken: env['METRICS_TOKEN'] || null,
    docsNeedSession: env['NODE_ENV'] === 'production',
    loginClientLimit: positiveInt(env['LOGIN_RATE_LIMIT'], 20),
    loginClientWindowSeconds: positiveInt(env['LOGIN_RATE_WINDOW_SECONDS'], 600),
    passwordMaxAgeDays: Number.isInteger(maxAge) && maxAge > 0 ? maxAge : null,
  };
}

export const API_CONFIG = Symbol('API_CONFIG');
