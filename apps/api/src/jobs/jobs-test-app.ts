import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { type DataSource } from 'typeorm';
import { migrate } from '@gongkai/persistence';
import { createApiApp } from '../bootstrap';
import { ManualClock } from '../common/clock';
import { apiConfigFromEnv, type ApiConfig } from '../config/api-config';
import { type TestApp } from '../testing/test-app';

/**
 * Like createTestApp, with the config overridable: a queue prefix of the spec's own, or a Redis
 * URL that points nowhere.
 */
export async function createJobsTestApp(
  override: Partial<ApiConfig> = {},
  now = new Date('2025-06-30T02:00:00Z'),
): Promise<TestApp & { config: ApiConfig }> {
  const config = {
    ...apiConfigFromEnv(),
    queuePrefix: `gongkai-test-api-jobs-${randomUUID().slice(0, 8)}`,
    ...override,
  };
  await migrate(config.databaseUrl);
  const clock = new ManualClock(now);
  const app = await createApiApp(config, { quiet: true, clock });
  await app.init();
  const db = app.get<DataSource>(getDataSourceToken());
  return {
    app,
    db,
    clock,
    config,
    http: () => request(app.getHttpServer()),
    close: () => app.close(),
  };
}
