import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AgencyEntity, createDataSource, ensureAgency, migrate } from '@gongkai/persistence';

// Test support for this library's *.int-spec.ts (not exported): the run's throw-away database
// (DATABASE_URL from `npm test`), else a developer database migrated here.
const FALLBACK_URL = 'postgres://postgres@127.0.0.1:5432/gongkai_dev_application';

let migrated: Promise<unknown> | null = null;

export async function openTestDatabase(): Promise<DataSource> {
  const url = process.env['DATABASE_URL'] || FALLBACK_URL;
  migrated ??= migrate(url);
  await migrated;
  return createDataSource(url).initialize();
}

export async function seedAgency(ds: DataSource, prefix = 'test'): Promise<AgencyEntity> {
  const code = `${prefix}-${randomUUID().slice(0, 8)}`;
  return (await ensureAgency(ds.manager, { code, name: '测试机关' })).agency;
}
