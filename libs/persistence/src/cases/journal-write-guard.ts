import type { EntityManager } from 'typeorm';

/**
 * Opens the `cases` guard (migration 1764118100000) for the caller's transaction only: the
 * setting is transaction-local, so it ends with the commit or rollback. Only the transition path
 * (and fixtures that stand in for it) call this.
 */
export async function allowCaseWrites(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT set_config('gongkai.transition', 'on', true)`);
}
