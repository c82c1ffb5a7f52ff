import type { EntityManager } from 'typeorm';
import type { CheckpointEntry, JournalCheckpoint } from './journal-checkpoint';
import { CHECKPOINT_FORMAT } from './journal-checkpoint';

/** A checkpoint as the desk lists it: without its entries. */
export type CheckpointSummary = Omit<JournalCheckpoint, 'entries'>;

interface CheckpointRow {
  id: string;
  agency_id: string | null;
  agency_code: string | null;
  taken_at: Date;
  case_count: number;
  event_count: string;
  merkle_root: string;
  entries?: CheckpointEntry[];
  public_key: string;
  key_fingerprint: string;
  signature: string;
}

const SUMMARY_COLUMNS = `id::text, agency_id, agency_code, taken_at, case_count, event_count,
  merkle_root, public_key, key_fingerprint, signature`;

function summaryOf(r: CheckpointRow): CheckpointSummary {
  return {
    format: CHECKPOINT_FORMAT,
    id: r.id,
    agencyId: r.agency_id,
    agencyCode: r.agency_code,
    takenAt: r.taken_at.toISOString(),
    caseCount: r.case_count,
    eventCount: Number(r.event_count),
    root: r.merkle_root,
    publicKey: r.public_key,
    fingerprint: r.key_fingerprint,
    signature: r.signature,
  };
}

function checkpointOf(r: CheckpointRow): JournalCheckpoint {
  return { ...summaryOf(r), entries: r.entries ?? [] };
}

/**
 * Every case's journal head (length and last hash) of these agencies, or of all: what a
 * checkpoint signs. Read from the journal itself, so a case row without a journal is not signed.
 */
export async function journalHeads(
  manager: EntityManager,
  agencyIds?: readonly string[],
): Promise<CheckpointEntry[]> {
  const rows = (await manager.query(
    `SELECT DISTINCT ON (e.case_id) e.case_id, e.agency_id, c.ref, e.seq, e.hash
       FROM case_events e JOIN cases c ON c.id = e.case_id
      ${agencyIds ? 'WHERE e.agency_id = ANY($1::uuid[])' : ''}
      ORDER BY e.case_id, e.seq DESC`,
    agencyIds ? [agencyIds] : [],
  )) as { case_id: string; agency_id: string; ref: string; seq: number; hash: string }[];
  return rows.map((r) => ({
    caseId: r.case_id,
    agencyId: r.agency_id,
    ref: r.ref,
    length: r.seq,
    head: r.hash,
  }));
}

export async function saveCheckpoint(
  manager: EntityManager,
  c: JournalCheckpoint,
): Promise<JournalCheckpoint> {
  const [row] = (await manager.query(
    `INSERT INTO journal_checkpoints (agency_id, agency_code, taken_at, case_count, event_count,
       merkle_root, entries, public_key, key_fingerprint, signature)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10) RETURNING id::text`,
    [
      c.agencyId,
      c.agencyCode,
      c.takenAt,
      c.caseCount,
      c.eventCount,
      c.root,
      JSON.stringify(c.entries),
      c.publicKey,
      c.fingerprint,
      c.signature,
    ],
  )) as { id: string }[];
  return { ...c, id: row.id };
}

/**
 * The newest checkpoint that covers the agency (its own or one of every agency); with no agency,
 * the newest of every agency.
 */
export async function latestCheckpoint(
  manager: EntityManager,
  agencyId: string | null,
): Promise<JournalCheckpoint | null> {
  const [row] = (await manager.query(
    `SELECT ${SUMMARY_COLUMNS}, entries FROM journal_checkpoints
      WHERE ${agencyId ? '(agency_id = $1 OR agency_id IS NULL)' : 'agency_id IS NULL'}
      ORDER BY taken_at DESC, id DESC LIMIT 1`,
    agencyId ? [agencyId] : [],
  )) as CheckpointRow[];
  return row ? checkpointOf(row) : null;
}

export async function checkpointById(
  manager: EntityManager,
  id: string,
): Promise<JournalCheckpoint | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const [row] = (await manager.query(
    `SELECT ${SUMMARY_COLUMNS}, entries FROM journal_checkpoints WHERE id = $1`,
    [id],
  )) as CheckpointRow[];
  return row ? checkpointOf(row) : null;
}

/** The newest checkpoints covering any of these agencies (or all of them), newest first. */
export async function recentCheckpoints(
  manager: EntityManager,
  agencyIds: readonly string[] | null,
  limit = 20,
): Promise<CheckpointSummary[]> {
  const rows = (await manager.query(
    `SELECT ${SUMMARY_COLUMNS} FROM journal_checkpoints
      ${agencyIds ? 'WHERE agency_id = ANY($1::uuid[]) OR agency_id IS NULL' : ''}
      ORDER BY taken_at DESC, id DESC LIMIT ${Math.max(1, Math.min(limit, 200))}`,
    agencyIds ? [agencyIds] : [],
  )) as CheckpointRow[];
  return rows.map(summaryOf);
}
