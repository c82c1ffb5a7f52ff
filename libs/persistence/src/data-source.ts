import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** Local default when nothing is configured (the machine's own PostgreSQL). */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/gongkai';

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env['DATABASE_URL'] || DEFAULT_DATABASE_URL;
}

export function dataSourceOptions(url: string): DataSourceOptions {
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
    extra: { max: Number(process.env['DATABASE_POOL_SIZE'] ?? 20), application_name: 'gongkai' },
  };
}

export function createDataSource(url: string = databaseUrlFromEnv()): DataSource {
  return new DataSource(dataSourceOptions(url));
}
