export interface WorkerConfig {
  databaseUrl: string;
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

export function workerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return {
    databaseUrl: env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/gongkai',
    redisUrl: env['REDIS_URL'] || 'redis://127.0.0.1:6379',
    queuePrefix: env['QUEUE_PREFIX'] || 'gongkai',
    concurrency: Number(env['WORKER_CONCURRENCY'] ?? 4),
    shutdownTimeoutMs: Number(env['WORKER_SHUTDOWN_TIMEOUT_MS'] ?? 20_000),
    smtpUrl: env['SMTP_URL'] || null,
    mailFrom: env['SMTP_FROM'] || 'Gongkai <gongkai@localhost>',
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
