import type { DataSource, EntityManager } from 'typeorm';
import { WorkingDayCalendar, type CalendarArrangement } from '@gongkai/domain';
import {
  checkpointById,
  checkpointProblems,
  latestCheckpoint,
  type CheckpointEntry,
  type JournalCheckpoint,
} from '@gongkai/persistence';
import type { Clock } from '../common/clock';
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
/** Findings kept in the result; the count goes on beyond it (a wholesale rewrite is one story). */
const FINDINGS_KEPT = 1000;

export interface VerifyJournalCommand {
  /** The agencies to verify; every agency when absent. */
  readonly agencyIds?: readonly string[];
  /**
   * What to compare against: a checkpoint given by the auditor (a file), the latest stored one
   * covering each agency (`latest`, the default), or none.
   */
  readonly checkpoint?: JournalCheckpoint | 'latest' | 'none';
  /** The current signer's fingerprint: a checkpoint signed by another key is a finding. */
  readonly trustedFingerprint?: string;
  readonly onProgress?: (progress: VerifyProgress) => void | Promise<void>;
  /** Agencies verified at once (their reads overlap the replay of others). */
  readonly concurrency?: number;
}

export interface VerifyProgress {
  readonly casesTotal: number;
  readonly casesChecked: number;
  readonly eventsChecked: number;
}

export interface CheckpointUsed {
  readonly id: string | null;
  readonly agencyCode: string | null;
  readonly takenAt: string;
  readonly fingerprint: string;
  readonly root: string;
}

export interface JournalAudit {
  readonly ok: boolean;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly agenciesChecked: number;
  readonly casesChecked: number;
  readonly eventsChecked: number;
  readonly findingCount: number;
  /** The first FINDINGS_KEPT findings, by agency code and ref. */
  readonly findings: readonly JournalFinding[];
  readonly checkpoints: readonly CheckpointUsed[];
}

interface Agency {
  readonly id: string;
  readonly code: string;
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
 * The calendars the live path ran on over time: the chinese-days years plus the years loaded into
 * `calendar_years` before each moment. One calendar per moment a year was loaded, built once.
 */
async function calendarHistory(m: EntityManager): Promise<CalendarAt> {
  const rows = (await m.query(
    `SELECT arrangement, date_trunc('milliseconds', loaded_at) AS loaded_at
       FROM calendar_years ORDER BY loaded_at, year`,
  )) as { arrangement: CalendarArrangement; loaded_at: Date }[];
  const times = rows.map((r) => r.loaded_at.getTime());
  const built = new Map<number, WorkingDayCalendar>();
  return (recordedAt) => {
    const t = recordedAt.getTime();
    let n = 0;
    while (n < times.length && times[n] <= t) n++;
    let calendar = built.get(n);
    if (!calendar) {
      calendar = WorkingDayCalendar.withDefaults(rows.slice(0, n).map((r) => r.arrangement));
      built.set(n, calendar);
    }
    return calendar;
  };
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

/**
 * `gongkai verify`, the desk's 日志校验 and the nightly job: every case of the agencies in scope
 * is chain-checked, replayed through the machine and compared with its row; then compared with
 * the signed checkpoint, which finds what a database superuser could otherwise hide (a case
 * erased with its journal, a journal cut short, history rewritten with recomputed hashes).
 * Streams cases by agency in batches (memory bounded by the batch, not the register), agencies in
 * parallel.
 */
export class VerifyJournalUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(command: VerifyJournalCommand = {}): Promise<JournalAudit> {
    const m = this.dataSource.manager;
    const startedAt = this.clock.now().toISOString();
    const agencies = (await m.query(
      `SELECT id, code FROM agencies ${command.agencyIds ? 'WHERE id = ANY($1::uuid[])' : ''}
        ORDER BY code`,
      command.agencyIds ? [command.agencyIds] : [],
    )) as Agency[];
    const ids = agencies.map((a) => a.id);
    const [{ n: casesTotal }] = (await m.query(
      'SELECT count(*)::int AS n FROM cases WHERE agency_id = ANY($1::uuid[])',
      [ids],
    )) as { n: number }[];
    const calendarAt = await calendarHistory(m);
    const findings: JournalFinding[] = [];
    let findingCount = 0;
    const add = (f: JournalFinding): void => {
      findingCount++;
      if (findings.length < FINDINGS_KEPT) findings.push(f);
    };
    const progress = { casesTotal, casesChecked: 0, eventsChecked: 0 };
    const checkpoints = new CheckpointChoice(m, command, agencies, add);
    await checkpoints.prepare();

    await inParallel(agencies, command.concurrency ?? 2, async (agency) => {
      const entries = await checkpoints.entriesFor(agency);
      let after = '';
      for (;;) {
        const cases = (await m.query(
          `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.agency_id = $1 AND c.ref > $2
            ORDER BY c.ref LIMIT ${CASE_BATCH}`,
          [agency.id, after],
        )) as Omit<StoredCase, 'agency_code'>[];
        if (!cases.length) break;
        after = cases[cases.length - 1].ref;
        const rows = (await m.query(
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
        for (const c of cases) {
          const stored: StoredCase = { ...c, agency_code: agency.code };
          const journal = byCase.get(c.id) ?? [];
          for (const f of replayCase(stored, journal, calendarAt).findings) add(f);
          const entry = entries?.cases.get(c.id);
          if (entry && entries) {
            entries.cases.delete(c.id);
            const f = checkAgainstCheckpoint(identityOf(stored), journal, entry, entries.label);
            if (f) add(f);
          }
          progress.casesChecked++;
          progress.eventsChecked += journal.length;
        }
        await command.onProgress?.({ ...progress });
      }
      // Journal rows whose case row is gone: the row was deleted with the guard switched off.
      const orphans = (await m.query(
        `SELECT e.case_id, max(e.seq)::int AS length, max(e.payload->>'ref') AS ref
           FROM case_events e WHERE e.agency_id = $1
            AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id)
          GROUP BY e.case_id`,
        [agency.id],
      )) as { case_id: string; length: number; ref: string | null }[];
      for (const o of orphans) {
        entries?.cases.delete(o.case_id);
        add(
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
          add(
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
    });

    findings.sort(
      (a, b) =>
        a.agencyCode.localeCompare(b.agencyCode) ||
        a.ref.localeCompare(b.ref) ||
        a.field.localeCompare(b.field),
    );
    return {
      ok: findingCount === 0,
      startedAt,
      finishedAt: this.clock.now().toISOString(),
      agenciesChecked: agencies.length,
      casesChecked: progress.casesChecked,
      eventsChecked: progress.eventsChecked,
      findingCount,
      findings,
      checkpoints: checkpoints.used(),
    };
  }
}

interface AgencyEntries {
  readonly label: string;
  readonly cases: Map<string, CheckpointEntry>;
}

/**
 * Which signed checkpoint each agency is compared with: the one given, or the newest stored one
 * covering it (its own or one of every agency). A checkpoint that does not verify is a finding
 * and is not used.
 */
class CheckpointChoice {
  private readonly usedById = new Map<string, CheckpointUsed>();
  private readonly judged = new Map<JournalCheckpoint, boolean>();
  private shared: JournalCheckpoint | null = null;
  private readonly sharedByAgency = new Map<string, CheckpointEntry[]>();
  private readonly own = new Map<string, { id: string; takenAt: Date }>();

  constructor(
    private readonly m: EntityManager,
    private readonly command: VerifyJournalCommand,
    private readonly agencies: readonly Agency[],
    private readonly add: (f: JournalFinding) => void,
  ) {}

  async prepare(): Promise<void> {
    const choice = this.command.checkpoint ?? 'latest';
    if (choice === 'none') return;
    if (choice !== 'latest') {
      this.shared = choice;
    } else {
      this.shared = await latestCheckpoint(this.m, null);
      const own = (await this.m.query(
        `SELECT DISTINCT ON (agency_id) agency_id, id::text, taken_at FROM journal_checkpoints
          WHERE agency_id = ANY($1::uuid[]) ORDER BY agency_id, taken_at DESC, id DESC`,
        [this.agencies.map((a) => a.id)],
      )) as { agency_id: string; id: string; taken_at: Date }[];
      for (const o of own) this.own.set(o.agency_id, { id: o.id, takenAt: o.taken_at });
    }
    if (this.shared && this.trust(this.shared)) {
      for (const e of this.shared.entries) {
        let list = this.sharedByAgency.get(e.agencyId);
        if (!list) this.sharedByAgency.set(e.agencyId, (list = []));
        list.push(e);
      }
      // A checkpoint of one agency given for another, or an agency erased from the register.
      const inScope = new Set(this.agencies.map((a) => a.id));
      if (!this.command.agencyIds) {
        for (const [agencyId, list] of this.sharedByAgency) {
          if (inScope.has(agencyId)) continue;
          for (const e of list) {
            this.add(
              finding(
                { agencyId, agencyCode: '', caseId: e.caseId, ref: e.ref },
                'checkpoint.case',
                null,
                e.length,
                `签名检查点（${this.label(this.shared)}）中的机关及其案件已不存在`,
              ),
            );
          }
        }
      }
    }
  }

  async entriesFor(agency: Agency): Promise<AgencyEntries | null> {
    let chosen = this.shared && this.judged.get(this.shared) ? this.shared : null;
    const own = this.own.get(agency.id);
    if (own && (!chosen || own.takenAt.getTime() > Date.parse(chosen.takenAt))) {
      const loaded = await checkpointById(this.m, own.id);
      chosen = loaded && this.trust(loaded) ? loaded : chosen;
    }
    if (!chosen) return null;
    const list =
      chosen === this.shared
        ? (this.sharedByAgency.get(agency.id) ?? [])
        : chosen.entries.filter((e) => e.agencyId === agency.id);
    this.record(chosen);
    return { label: this.label(chosen), cases: new Map(list.map((e) => [e.caseId, e])) };
  }

  used(): CheckpointUsed[] {
    return [...this.usedById.values()];
  }

  private label(c: JournalCheckpoint): string {
    return `${c.agencyCode ?? '全部机关'} ${c.takenAt}`;
  }

  private record(c: JournalCheckpoint): void {
    const key = c.id ?? `file:${c.takenAt}`;
    this.usedById.set(key, {
      id: c.id,
      agencyCode: c.agencyCode,
      takenAt: c.takenAt,
      fingerprint: c.fingerprint,
      root: c.root,
    });
  }

  /** Whether the checkpoint verifies; if not, its problems are findings (once). */
  private trust(c: JournalCheckpoint): boolean {
    const known = this.judged.get(c);
    if (known !== undefined) return known;
    const problems = checkpointProblems(c, this.command.trustedFingerprint);
    for (const p of problems) {
      this.add(
        finding(
          { agencyId: c.agencyId ?? '', agencyCode: c.agencyCode ?? '', caseId: '', ref: '' },
          'checkpoint',
          c.id ?? c.takenAt,
          null,
          p,
        ),
      );
    }
    this.judged.set(c, problems.length === 0);
    return problems.length === 0;
  }
}
