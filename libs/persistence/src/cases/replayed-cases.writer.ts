import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager, EntityMetadata } from 'typeorm';
import { CaseEntity } from '../entities/case.entity';
import { CaseEventEntity } from '../entities/case-event.entity';
import type { JournalFields } from './case-transition.repository';
import { copyField } from './copy-text';

/** A case row and its whole journal, built in memory (the importer's replay) and not yet written. */
export interface ReplayedCaseRows {
  readonly row: CaseEntity;
  readonly journal: readonly JournalFields[];
}

/**
 * COPY text is sent in pieces of about 16K characters: few socket writes, yet each piece stays a
 * regular heap object when flattened and encoded (a two-byte string of 64K characters goes to
 * V8's large-object space, and encoding such pieces took several times longer).
 */
const CHUNK_CHARS = 1 << 14;

function* copyText(
  rows: readonly object[],
  columns: EntityMetadata['columns'],
  json: readonly boolean[],
): Generator<string> {
  let chunk = '';
  for (const r of rows) {
    const record = r as Record<string, unknown>;
    for (let i = 0; i < columns.length; i++) {
      chunk += (i ? '\t' : '') + copyField(record[columns[i].propertyName], json[i]);
    }
    chunk += '\n';
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Rows streamed with COPY FROM STDIN on the transaction's own connection: PostgreSQL reads each
 * value with its column's input function, which costs a fraction of expanding one jsonb parameter
 * per batch (jsonb_populate_recordset). Triggers, constraints and indexes apply as to an INSERT.
 */
async function copyRows(
  client: PoolClient,
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
  const json = columns.map((c) => c.type === 'jsonb' || c.type === 'json');
  const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
  await pipeline(
    Readable.from(copyText(rows, columns, json)),
    client.query(copyFrom(`COPY ${metadata.tableName} (${names}) FROM STDIN`)),
  );
}

/** The pg connection of the caller's transaction: COPY must run inside it (all or nothing). */
async function transactionClient(m: EntityManager): Promise<PoolClient> {
  const runner = m.queryRunner;
  if (!runner?.isTransactionActive) {
    throw new Error('writeReplayedCases writes inside the caller’s transaction');
  }
  // A connected PostgresQueryRunner's connect() resolves to the pg client it already holds.
  return (await runner.connect()) as PoolClient;
}

/**
 * Writes replayed cases and their journals with two COPY statements, inside the caller's
 * transaction. Registrations of each agency are serialised as register() does.
 */
export async function writeReplayedCases(
  m: EntityManager,
  cases: readonly ReplayedCaseRows[],
): Promise<void> {
  const client = await transactionClient(m);
  for (const agencyId of [...new Set(cases.map((c) => c.row.agencyId))].sort()) {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cases:${agencyId}`]);
  }
  await copyRows(
    client,
    m,
    CaseEntity,
    cases.map((c) => c.row),
  );
  await copyRows(
    client,
    m,
    CaseEventEntity,
    cases.flatMap((c) => c.journal),
  );
}
