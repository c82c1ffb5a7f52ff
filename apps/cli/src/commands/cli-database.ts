import { cliEnvironmentSchema, parseEnvironment } from '@gongkai/application';
import { createDataSource, ReportSourcesRepository, type AgencyEntity } from '@gongkai/persistence';
import { UsageError } from '../cli-errors';

export function parseYearOption(value: string): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2008 || year > 2999) {
    throw new UsageError(`无效的年度：${value}`);
  }
  return year;
}

/** The connection a command hands to the use cases (opened and closed here only). */
export type CliDatabase = ReturnType<typeof createDataSource>;

/** Opens the database of DATABASE_URL, runs `work`, and always closes it. */
export async function withDatabase<T>(work: (db: CliDatabase) => Promise<T>): Promise<T> {
  const env = parseEnvironment(cliEnvironmentSchema);
  const db = createDataSource(env.DATABASE_URL, env.DATABASE_POOL_SIZE);
  await db.initialize();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

export async function agencyByCode(db: CliDatabase, code: string): Promise<AgencyEntity> {
  const agency = await new ReportSourcesRepository(db.manager).findAgencyByCode(code);
  if (!agency) throw new UsageError(`没有代码为 ${code} 的机关`);
  return agency;
}
