import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ensureAgency } from '../agencies/agency-tree';
import { createDataSource } from '../data-source';
import { migrate } from '../database-admin';
import { AgencyEntity } from '../entities/agency.entity';
import { UserEntity, type UserRole } from '../entities/user.entity';

// Test support for the *.int-spec.ts of this library and of @gongkai/application (imported as
// @gongkai/persistence/testing, never by production code): the run's throw-away database
// (DATABASE_URL from `npm test`), else a developer database migrated here.
const FALLBACK_URL = 'postgres://postgres@127.0.0.1:5432/gongkai_dev_cases';

let migrated: Promise<unknown> | null = null;

export async function openTestDatabase(): Promise<DataSource> {
  const url = process.env['DATABASE_URL'] || FALLBACK_URL;
  migrated ??= migrate(url);
  await migrated;
  const ds = createDataSource(url);
  return ds.initialize();
}

export function uniqueCode(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function seedAgency(ds: DataSource, prefix = 'test'): Promise<AgencyEntity> {
  return (await ensureAgency(ds.manager, { code: uniqueCode(prefix), name: '测试机关' })).agency;
}

export async function seedUser(
  ds: DataSource,
  agency: AgencyEntity,
  roles: UserRole[],
): Promise<UserEntity> {
  const repo = ds.getRepository(UserEntity);
  return repo.save(
    repo.create({
      username: uniqueCode(roles[0] ?? 'user'),
      displayName: `测试${roles.join('/')}`,
      passwordHash: 'not-a-hash',
      roles,
      agencyId: agency.id,
      subtreeScope: false,
    }),
  );
}
