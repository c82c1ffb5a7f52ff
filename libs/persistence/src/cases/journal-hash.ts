import { hash } from 'node:crypto';

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
  /** A Date, or the instant as `Date#toISOString` writes it (the same in the hash). */
  readonly recordedAt: Date | string;
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

const json = JSON.stringify;

/**
 * The row's members written in sorted key order (what `canonicalJson` of the row object gives,
 * without building and sorting it: a verification hashes every row), SHA-256 in one call.
 */
export function journalHash(row: JournalHashInput): string {
  const at = typeof row.recordedAt === 'string' ? row.recordedAt : row.recordedAt.toISOString();
  const text =
    `{"actorId":${json(row.actorId)},"actorRole":${json(row.actorRole)},` +
    `"basis":${json(row.basis)},"caseId":${json(row.caseId)},` +
    `"machineEvent":${row.machineEvent},"occurredOn":${json(row.occurredOn)},` +
    `"payload":${canonicalJson(row.payload)},"prevHash":${json(row.prevHash)},` +
    `"recordedAt":${json(at)},"seq":${json(row.seq)},"stateAfter":${json(row.stateAfter)},` +
    `"type":${json(row.type)}}`;
  return hash('sha256', text, 'hex');
}
