import {
  apiEnvironmentSchema,
  cliEnvironmentSchema,
  ConfigurationError,
  parseEnvironment,
  workerEnvironmentSchema,
} from './environment.schema';

describe('environment schemas', () => {
  it('gives the documented defaults when nothing is set, and takes empty as unset', () => {
    const api = parseEnvironment(apiEnvironmentSchema, { REDIS_URL: '' });
    expect(api).toMatchObject({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/gongkai',
      DATABASE_POOL_SIZE: 20,
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'gongkai',
      API_HOST: '127.0.0.1',
      LOGIN_RATE_LIMIT: 20,
      LOGIN_RATE_WINDOW_SECONDS: 600,
      SESSION_IDLE_MINUTES: 30,
      LOG_LEVEL: 'info',
    });
    expect(api.API_PORT).toBeUndefined();
    expect(api.PASSWORD_MAX_AGE_DAYS).toBeUndefined();
    const worker = parseEnvironment(workerEnvironmentSchema, {});
    expect(worker).toMatchObject({
      WORKER_CONCURRENCY: 4,
      WORKER_SHUTDOWN_TIMEOUT_MS: 20_000,
      SMTP_FROM: 'Gongkai <gongkai@localhost>',
    });
    expect(worker.SMTP_URL).toBeUndefined();
    expect(parseEnvironment(cliEnvironmentSchema, { DATABASE_POOL_SIZE: '3' })).toEqual({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/gongkai',
      DATABASE_POOL_SIZE: 3,
    });
  });

  it('reads numbers as numbers', () => {
    const worker = parseEnvironment(workerEnvironmentSchema, {
      WORKER_CONCURRENCY: '8',
      WORKER_SHUTDOWN_TIMEOUT_MS: '0',
      DATABASE_POOL_SIZE: '5',
    });
    expect(worker.WORKER_CONCURRENCY).toBe(8);
    expect(worker.WORKER_SHUTDOWN_TIMEOUT_MS).toBe(0);
    expect(worker.DATABASE_POOL_SIZE).toBe(5);
  });

  it.each([
    ['WORKER_CONCURRENCY', 'four'],
    ['WORKER_CONCURRENCY', '0'],
    ['DATABASE_POOL_SIZE', '-1'],
    ['WORKER_SHUTDOWN_TIMEOUT_MS', '1.5'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => parseEnvironment(workerEnvironmentSchema, { [name]: value })).toThrow(
      ConfigurationError,
    );
    expect(() => parseEnvironment(workerEnvironmentSchema, { [name]: value })).toThrow(name);
  });

  it.each([
    ['LOGIN_RATE_LIMIT', 'many'],
    ['LOGIN_RATE_WINDOW_SECONDS', '0'],
    ['PASSWORD_MAX_AGE_DAYS', '-90'],
  ])('refuses the API %s=%s, naming the variable', (name, value) => {
    expect(() => parseEnvironment(apiEnvironmentSchema, { [name]: value })).toThrow(name);
  });

  it('refuses a port that is not a number', () => {
    expect(() => parseEnvironment(apiEnvironmentSchema, { API_PORT: 'http' })).toThrow('API_PORT');
  });
});
