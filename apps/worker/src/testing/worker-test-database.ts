import { randomUUID } from 'node:crypto';
import { dropDatabase, migrate } from '@gongkai/persistence';

/**
 * A database of the worker spec's own. The worker sweeps every agency's cases with its clock, so
 * on the run's shared database it would close other test files' cases under their feet.
 */
export async function createWorkerTestDatabase(): Promise<{
  url: string;
  drop: () => Promise<void>;
}> {
  const base = new URL(
    process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/gongkai_dev_worker',
  );
  base.pathname = `/gongkai_test_worker_${randomUUID().slice(0, 8)}`;
  const url = base.toString();
  await migrate(url);
  return { url, drop: () => dropDatabase(url) };
}
