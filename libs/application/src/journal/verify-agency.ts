import type { CheckpointEntry } from '@gongkai/persistence';
import { finding, type JournalFinding } from './journal-finding';
import {
  checkAgainstCheckpoint,
  identityOf,
  replayCase,
  type CalendarAt,
  type JournalRecord,
  type StoredCase,
} from './journal-replay';

/** How many cases one batch reads (with all their journal rows): bounds the memory per agency. */
const CASE_BATCH = 200;

/** What the verification reads with: a TypeORM manager, or a worker thread's own connection. */
export interface JournalReader {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface VerifiedAgency {
  readonly id: string;
  readonly code: string;
}

/** The signed checkpoint's entries for one agency, by case id. */
export interface AgencyEntries {
  readonly label: string;
  readonly cases: Map<string, CheckpointEntry>;
}

/** Where one agency's verification reports: every finding, and progress after each batch. */
export interface AgencySink {
  add(f: JournalFinding): void;
  checked(cases: number, events: number): void | Promise<void>;
}

const CASE_COLUMNS = `c.id, c.agency_id, c.ref, to_char(c.received_on, 'YYYY-MM-DD') AS received_on,
  c.channel, c.applicant_category, c.state, c.fee_state, c.extension_state, c.closed, c.outcome,
  to_char(c.decided_on, 'YYYY-MM-DD') AS decided_on, to_char(c.served_on, 'YYYY-MM-DD') AS served_on,
  c.flags, c.deadlines, to_char(c.answer_due_on, 'YYYY-MM-DD') AS answer_due_on,
  to_char(c.next_due_on, 'YYYY-MM-DD') AS next_due_on, c.version, c.snapshot, c.assigned_clerk_id`;

const EVENT_COLUMNS = `e.case_id, e.seq, e.type, e.machine_event, e.payload, e.actor_id, e.actor_role,
  to_char(e.occurred_on, 'YYYY-MM-DD') AS occurred_on, e.recorded_at, e.basis, e.state_after,
  e.prev_hash, e.hash`;

/**
 * One agency's cases, streamed in batches by ref: each chain-checked, replayed through the
 * machine and compared with its row and with the signed checkpoint's entry (`entries` loses
 * every case it finds); then the journals whose case row is gone and the checkpoint's cases
 * that are no longer there. The same in the process and in a worker thread.
 */
export async function verifyAgency(
  db: JournalReader,
  agency: VerifiedAgency,
  entries: AgencyEntries | null,
  calendarAt: CalendarAt,
  sink: AgencySink,
): Promise<void> {
  let after = '';
  for (;;) {
    const cases = (await db.query(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.agency_id = $1 AND c.ref > $2
        ORDER BY c.ref LIMIT ${CASE_BATCH}`,
      [agency.id, after],
    )) as Omit<StoredCase, 'agency_code'>[];
    if (!cases.length) break;
    after = cases[cases.length - 1].ref;
    const rows = (await db.query(
      `SELECT ${EVENT_COLUMNS} FROM case_events e WHERE e.case_id = ANY($1::uuid[])
        ORDER BY e.case_id, e.seq`,
      [cases.map((c) => c.id)],
    )) as (JournalRecord & { case_id: string })[];
    const byCase = new Map<string, JournalRecord[]>();
    for (const row of rows) {
      let list = byCase.get(row.case_id);
      if (!list) byCase.set(row.case_id, (list = []));
      list.push(row);
    }
    let events = 0;
    for (const c of cases) {
      const stored: StoredCase = { ...c, agency_code: agency.code };
      const journal = byCase.get(c.id) ?? [];
      for (const f of replayCase(stored, journal, calendarAt).findings) sink.add(f);
      const entry = entries?.cases.get(c.id);
      if (entry && entries) {
        entries.cases.delete(c.id);
        const f = checkAgainstCheckpoint(identityOf(stored), journal, entry, entries.label);
        if (f) sink.add(f);
      }
      events += journal.length;
    }
    await sink.checked(cases.length, events);
  }
  // Journal rows whose case row is gone: the row was deleted with the guard switched off.
  const orphans = (await db.query(
    `SELECT e.case_id, max(e.seq)::int AS length, max(e.payload->>'ref') AS ref
       FROM case_events e WHERE e.agency_id = $1
        AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id)
      GROUP BY e.case_id`,
    [agency.id],
  )) as { case_id: string; length: number; ref: string | null }[];
  for (const o of orphans) {
    entries?.cases.delete(o.case_id);
    sink.add(
      finding(
        { agencyId: agency.id, agencyCode: agency.code, caseId: o.case_id, ref: o.ref ?? '' },
        'case',
        null,
        o.length,
        `案件记录缺失，但日志中有${o.length}条记录（案件被删除）`,
      ),
    );
  }
  if (entries) {
    for (const e of entries.cases.values()) {
      sink.add(
        finding(
          { agencyId: agency.id, agencyCode: agency.code, caseId: e.caseId, ref: e.ref },
          'checkpoint.case',
          null,
          e.length,
          `签名检查点（${entries.label}）中的案件已不存在（案件及其日志被删除）`,
        ),
      );
    }
  }
}
