import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** Local default when nothing is configured (the machine's own PostgreSQL). */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/gongkai';

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env['DATABASE_URL'] || DEFAULT_DATABASE_URL;
}

/** Connections per process when the caller's configuration does not say (DATABASE_POOL_SIZE). */
export const DEFAULT_POOL_SIZE = 20;

export function dataSourceOptions(url: string, poolSize = DEFAULT_POOL_SIZE): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    // Schema changes only through migrations, never synchronize (style.md).
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: { max: poolSize, application_name: 'gongkai' },
  };
}

export function createDataSource(
  url: string = databaseUrlFromEnv(),
  poolSize?: number,
): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize));
}
