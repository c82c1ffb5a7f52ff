import { createHash } from 'node:crypto';

/** The `prev_hash` of the first row of every case. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a journal row's hash covers: every column that carries meaning, and the previous hash. */
export interface JournalHashInput {
  readonly caseId: string;
  readonly seq: number;
  readonly type: string;
  readonly machineEvent: boolean;
  readonly payload: unknown;
  readonly actorId: string;
  readonly actorRole: string;
  readonly occurredOn: string;
  readonly recordedAt: Date;
  readonly basis: string | null;
  readonly stateAfter: string;
  readonly prevHash: string;
}

/**
 * JSON with object keys sorted at every level: jsonb does not keep key order, so the hash must not
 * depend on it. Dates are ISO strings (millisecond precision, which timestamptz keeps).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  // Written as loops: every journal row is hashed on verification, a million at a time.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(v);
    first = false;
  }
  return out + '}';
}

export function journalHash(row: JournalHashInput): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        caseId: row.caseId,
        seq: row.seq,
        type: row.type,
        machineEvent: row.machineEvent,
        payload: row.payload,
        actorId: row.actorId,
        actorRole: row.actorRole,
        occurredOn: row.occurredOn,
        recordedAt: row.recordedAt,
        basis: row.basis,
        stateAfter: row.stateAfter,
        prevHash: row.prevHash,
      }),
    )
    .digest('hex');
}
