import { parseEnvironment, workerEnvironmentSchema } from '@gongkai/application';

export interface WorkerConfig {
  databaseUrl: string;
  /** Connections of this process's pool (DATABASE_POOL_SIZE). */
  databasePoolSize?: number;
  redisUrl: string;
  queuePrefix: string;
  concurrency: number;
  /** How long a shutdown waits for running jobs before giving up (ms). */
  shutdownTimeoutMs: number;
  /** smtp(s):// URL for alert e-mails; null: alerts are only shown in the desk. */
  smtpUrl: string | null;
  /** The From address of alert e-mails. */
  mailFrom: string;
}

/** The worker's configuration, checked against the shared zod schema (ConfigurationError if bad). */
export function workerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const e = parseEnvironment(workerEnvironmentSchema, env);
  return {
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    concurrency: e.WORKER_CONCURRENCY,
    shutdownTimeoutMs: e.WORKER_SHUTDOWN_TIMEOUT_MS,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.SMTP_FROM,
  };
}

/** ioredis options from a redis:// URL, with the settings BullMQ workers require. */
export function redisConnection(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
  };
}
