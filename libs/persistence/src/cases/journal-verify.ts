import type { EntityManager } from 'typeorm';
import { GENESIS_HASH, journalHash } from './journal-hash';

export interface BrokenLink {
  readonly caseId: string;
  readonly ref: string;
  /** The first row whose link does not hold (for a missing row, the seq that is missing). */
  readonly seq: number;
  readonly reason: string;
}

export interface JournalVerification {
  readonly ok: boolean;
  readonly casesChecked: number;
  readonly eventsChecked: number;
  /** The first broken link of the first broken case (cases by ref), or null. */
  readonly firstBroken: BrokenLink | null;
  /** The first broken link of every broken case. */
  readonly broken: readonly BrokenLink[];
}

/** A `case_events` row as read with ROW_COLUMNS (dates as YYYY-MM-DD, like the hash input). */
export interface JournalRow {
  case_id: string;
  seq: number;
  type: string;
  machine_event: boolean;
  payload: unknown;
  actor_id: string;
  actor_role: string;
  occurred_on: string;
  recorded_at: Date;
  basis: string | null;
  state_after: string;
  prev_hash: string;
  hash: string;
}

/** The hash a journal row should carry, recomputed from its columns. */
export function journalRowHash(caseId: string, row: Omit<JournalRow, 'case_id'>): string {
  return journalHash({
    caseId,
    seq: row.seq,
    type: row.type,
    machineEvent: row.machine_event,
    payload: row.payload,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    occurredOn: row.occurred_on,
    recordedAt: row.recorded_at,
    basis: row.basis,
    stateAfter: row.state_after,
    prevHash: row.prev_hash,
  });
}

/** Checks one case's chain; returns the first broken link or null. */
export function verifyChain(
  caseId: string,
  ref: string,
  rows: readonly JournalRow[],
  version: number,
): BrokenLink | null {
  let prev = GENESIS_HASH;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const expectedSeq = i + 1;
    const at = (seq: number, reason: string): BrokenLink => ({ caseId, ref, seq, reason });
    if (row.seq !== expectedSeq) return at(expectedSeq, `第${expectedSeq}条记录缺失`);
    if (row.prev_hash !== prev)
      return at(row.seq, '与上一条记录的哈希链接不符（上一条被修改或删除）');
    const hash = journalRowHash(row.case_id, row);
    if (hash !== row.hash) return at(row.seq, '记录内容与其哈希不符（记录被修改）');
    prev = row.hash;
  }
  // Every change adds one row and one version: fewer rows means the last ones were removed.
  if (rows.length !== version) {
    return {
      caseId,
      ref,
      seq: rows.length + 1,
      reason: `案件版本为${version}，但只有${rows.length}条记录（末尾记录被删除）`,
    };
  }
  return null;
}

const ROW_COLUMNS = `e.case_id, e.seq, e.type, e.machine_event, e.payload, e.actor_id, e.actor_role,
  to_char(e.occurred_on, 'YYYY-MM-DD') AS occurred_on, e.recorded_at, e.basis, e.state_after,
  e.prev_hash, e.hash`;

/**
 * Verifies the journal of the cases matching `where` (on `cases c`), in batches of cases so an
 * agency's whole history never sits in memory at once.
 */
async function verifyCases(
  manager: EntityManager,
  where: string,
  params: unknown[],
): Promise<JournalVerification> {
  const broken: BrokenLink[] = [];
  let casesChecked = 0;
  let eventsChecked = 0;
  let after = '';
  for (;;) {
    const cases = (await manager.query(
      `SELECT c.id, c.ref, c.version FROM cases c WHERE ${where} AND c.ref > $${params.length + 1}
        ORDER BY c.ref LIMIT 200`,
      [...params, after],
    )) as { id: string; ref: string; version: number }[];
    if (!cases.length) break;
    after = cases[cases.length - 1].ref;
    const rows = (await manager.query(
      `SELECT ${ROW_COLUMNS} FROM case_events e WHERE e.case_id = ANY($1::uuid[]) ORDER BY e.case_id, e.seq`,
      [cases.map((c) => c.id)],
    )) as JournalRow[];
    const byCase = new Map<string, JournalRow[]>();
    for (const row of rows) {
      const list = byCase.get(row.case_id) ?? [];
      list.push(row);
      byCase.set(row.case_id, list);
    }
    for (const c of cases) {
      const list = byCase.get(c.id) ?? [];
      casesChecked++;
      eventsChecked += list.length;
      const link = verifyChain(c.id, c.ref, list, c.version);
      if (link) broken.push(link);
    }
  }
  return {
    ok: broken.length === 0,
    casesChecked,
    eventsChecked,
    firstBroken: broken[0] ?? null,
    broken,
  };
}

export function verifyCaseJournal(
  manager: EntityManager,
  caseId: string,
): Promise<JournalVerification> {
  return verifyCases(manager, 'c.id = $1', [caseId]);
}

/** Verifies every case of these agencies (cases ordered by agency, then ref). */
export async function verifyAgencyJournal(
  manager: EntityManager,
  agencyIds: readonly string[],
): Promise<JournalVerification> {
  const results = [];
  for (const agencyId of [...agencyIds].sort()) {
    results.push(await verifyCases(manager, 'c.agency_id = $1', [agencyId]));
  }
  const broken = results.flatMap((r) => r.broken);
  return {
    ok: broken.length === 0,
    casesChecked: results.reduce((n, r) => n + r.casesChecked, 0),
    eventsChecked: results.reduce((n, r) => n + r.eventsChecked, 0),
    firstBroken: broken[0] ?? null,
    broken,
  };
}
