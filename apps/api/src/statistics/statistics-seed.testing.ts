import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** The facts section 三 reads of a case; the rest of the row is filler (spec support only). */
export interface CaseRowInput {
  receivedOn: string;
  decidedOn: string | null;
  outcome: string | null;
  applicantCategory: string;
  fee?: { servedOn: string; amountYuan: number; paidOn: string | null };
}

export interface ProceedingRowInput {
  kind: string;
  filedOn: string;
  result: string | null;
  concludedOn: string | null;
}

/**
 * Inserts case rows straight into `cases` (no machine replay): the statistics read only the
 * columns and the fee in the snapshot, and a property test needs thousands of histories fast.
 */
export async function insertCaseRows(
  db: DataSource,
  agencyId: string,
  rows: readonly CaseRowInput[],
): Promise<void> {
  if (!rows.length) return;
  const params: unknown[] = [];
  const values = rows.map((r, i) => {
    const snapshot = { context: { fee: r.fee ?? null } };
    params.push(
      agencyId,
      `T-${i + 1}-${randomUUID().slice(0, 6)}`,
      r.receivedOn,
      r.applicantCategory,
      JSON.stringify(snapshot),
      r.decidedOn === null ? 'processing' : 'served',
      r.decidedOn !== null,
      r.outcome,
      r.decidedOn,
      randomUUID(),
    );
    const b = i * 10;
    return `($${b + 1}, $${b + 2}, $${b + 3}::date, 'online', $${b + 4}, 'gongkai-case', 1, $${b + 5}::jsonb,
             $${b + 6}, 'none', $${b + 7}, $${b + 8}, $${b + 9}::date, '{}'::jsonb, $${b + 10})`;
  });
  await db.query(
    `INSERT INTO cases (agency_id, ref, received_on, channel, applicant_category, machine_id,
                        machine_version, snapshot, state, extension_state, closed, outcome,
                        decided_on, deadlines, query_code)
     VALUES ${values.join(', ')}`,
    params,
  );
}

export async function insertProceedingRows(
  db: DataSource,
  agencyId: string,
  rows: readonly ProceedingRowInput[],
): Promise<void> {
  for (const p of rows) {
    await db.query(
      `INSERT INTO proceedings (agency_id, kind, filed_on, result, concluded_on)
       VALUES ($1, $2, $3, $4, $5)`,
      [agencyId, p.kind, p.filedOn, p.result, p.concludedOn],
    );
  }
}
