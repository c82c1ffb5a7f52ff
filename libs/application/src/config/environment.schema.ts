import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '@gongkai/persistence';

// An empty variable means "not set" (a compose file's `FOO=`), as it always did.
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const text = (fallback: string) => z.preprocess(unsetIfEmpty, z.string().default(fallback));
const optionalText = () => z.preprocess(unsetIfEmpty, z.string().optional());

/** A whole number of at least `min`, given as decimal text; `fallback` when unset. */
const whole = (fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^\d+$/, `应为不小于${min}的整数`)
      .transform(Number)
      .pipe(z.number().int().min(min, `应为不小于${min}的整数`).max(max, `应不大于${max}`))
      .default(fallback),
  );

/** What every process reads: the database, Redis and the key prefix in it. */
const sharedEnvironment = {
  DATABASE_URL: text(DEFAULT_DATABASE_URL),
  DATABASE_POOL_SIZE: whole(20),
  REDIS_URL: text('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: text('gongkai'),
};

/** The API's variables (README, Configuration). */
export const apiEnvironmentSchema = z.object({
  ...sharedEnvironment,
  API_PORT: optionalText().pipe(z.string().regex(/^\d+$/, '应为端口号').optional()),
  PORT: optionalText().pipe(z.string().regex(/^\d+$/, '应为端口号').optional()),
  // Loopback unless told otherwise: a deployment puts a proxy (or compose's network) in front.
  API_HOST: text('127.0.0.1'),
  SESSION_IDLE_MINUTES: whole(30),
  LOG_LEVEL: text('info'),
  NODE_ENV: optionalText(),
  /** Comma-separated browser origins whose writes are accepted (CSRF); unset: the local sites. */
  WEB_ORIGINS: optionalText(),
  ADMIN_PORT: text('4200'),
  PUBLISHER_PORT: text('4300'),
  TRUST_PROXY: optionalText(),
  METRICS_TOKEN: optionalText(),
  LOGIN_RATE_LIMIT: whole(20),
  LOGIN_RATE_WINDOW_SECONDS: whole(600),
  PASSWORD_MAX_AGE_DAYS: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^\d+$/, '应为天数（正整数）')
      .transform(Number)
      .pipe(z.number().int().min(1, '应为天数（正整数）'))
      .optional(),
  ),
});
export type ApiEnvironment = z.infer<typeof apiEnvironmentSchema>;

/** The worker's variables. */
export const workerEnvironmentSchema = z.object({
  ...sharedEnvironment,
  WORKER_CONCURRENCY: whole(4),
  WORKER_SHUTDOWN_TIMEOUT_MS: whole(20_000, 0),
  SMTP_URL: optionalText(),
  SMTP_FROM: text('Gongkai <gongkai@localhost>'),
});
export type WorkerEnvironment = z.infer<typeof workerEnvironmentSchema>;

/** The command line's variables: the database only. */
export const cliEnvironmentSchema = z.object({
  DATABASE_URL: sharedEnvironment.DATABASE_URL,
  DATABASE_POOL_SIZE: sharedEnvironment.DATABASE_POOL_SIZE,
});
export type CliEnvironment = z.infer<typeof cliEnvironmentSchema>;

/** A variable the process cannot start with, named with why. */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`环境变量配置有误：${problems.join('；')}`);
    this.name = 'ConfigurationError';
  }
}

/** The environment checked against `schema`: its typed values, or a ConfigurationError. */
export function parseEnvironment<S extends z.ZodType>(
  schema: S,
  env: Readonly<Record<string, string | undefined>> = process.env,
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigurationError(
    parsed.error.issues.map((issue) => `${issue.path.join('.')}：${issue.message}`),
  );
}
