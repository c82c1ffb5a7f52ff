import type { EntityManager } from 'typeorm';
import { CaseEntity } from '../entities/case.entity';
import { CaseEventEntity } from '../entities/case-event.entity';
import type { JournalFields } from './case-transition.repository';

/** A case row and its whole journal, built in memory (the importer's replay) and not yet written. */
export interface ReplayedCaseRows {
  readonly row: CaseEntity;
  readonly journal: readonly JournalFields[];
}

/**
 * Rows as one jsonb parameter, expanded by PostgreSQL into the table's own column types: one
 * statement per batch, whatever its size, with no per-value placeholders to build.
 */
async function insertRows(
  m: EntityManager,
  entity: typeof CaseEntity | typeof CaseEventEntity,
  rows: readonly object[],
): Promise<void> {
  if (!rows.length) return;
  const metadata = m.connection.getMetadata(entity);
  // Only the columns the rows set, so the others keep their defaults.
  const columns = metadata.columns.filter((c) =>
    rows.some((r) => (r as Record<string, unknown>)[c.propertyName] !== undefined),
  );
  const json = rows.map((r) => {
    const record = r as Record<string, unknown>;
    return Object.fromEntries(columns.map((c) => [c.databaseName, record[c.propertyName]]));
  });
  const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
  await m.query(
    `INSERT INTO ${metadata.tableName} (${names})
     SELECT ${names} FROM jsonb_populate_recordset(NULL::${metadata.tableName}, $1::jsonb)`,
    [JSON.stringify(json)],
  );
}

/**
 * Writes replayed cases and their journals in a few multi-row statements, inside the caller's
 * transaction. Registrations of each agency are serialised as register() does.
 */
export async function writeReplayedCases(
  m: EntityManager,
  cases: readonly ReplayedCaseRows[],
): Promise<void> {
  for (const agencyId of [...new Set(cases.map((c) => c.row.agencyId))].sort()) {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cases:${agencyId}`]);
  }
  await insertRows(
    m,
    CaseEntity,
    cases.map((c) => c.row),
  );
  await insertRows(
    m,
    CaseEventEntity,
    cases.flatMap((c) => c.journal),
  );
}
