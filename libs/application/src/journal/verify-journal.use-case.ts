import { availableParallelism } from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';
import {
  checkpointById,
  checkpointProblems,
  latestCheckpoint,
  type CheckpointEntry,
  type JournalCheckpoint,
} from '@gongkai/persistence';
import type { Clock } from '../common/clock';
import { calendarHistory, readCalendarYears, type LoadedCalendarYear } from './calendar-history';
import { finding, type JournalFinding } from './journal-finding';
import { verifyAgency, type AgencyEntries, type AgencySink } from './verify-agency';
import { VerifyPool } from './verify-pool';

/**
 * From how many cases a verification runs in worker threads: below it, starting the threads
 * (each loads the code and connects, about a second) costs more than they save.
 */
const WORKER_THRESHOLD_CASES = 20_000;

/**
 * One thread per core but one, which PostgreSQL (on the same machine, as a rule) and the main
 * thread need; none on two cores or fewer, where the replay and PostgreSQL already keep both
 * busy: measured on 2 cores over 1,000,000 rows, two threads came out 1.21× as fast in one run
 * and 0.93× in another, for 5–40% more CPU.
 */
function defaultWorkers(): number {
  const cores = availableParallelism();
  return cores > 2 ? cores - 1 : 0;
}

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
  /**
   * Worker threads to verify agencies in (0: in this process). By default, with more than one
   * agency and WORKER_THRESHOLD_CASES cases or more, one per core but one (see `defaultWorkers`).
   */
  readonly workers?: number;
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
  /** The worker threads the agencies were verified in (0: in the process). */
  readonly workerThreads: number;
}

interface Agency {
  readonly id: string;
  readonly code: string;
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
 * Streams cases by agency in batches (memory bounded by the batch, not the register); agencies
 * run side by side, in worker threads (`VerifyPool`) when the register is large enough for the
 * threads' start to pay, else interleaved in the process.
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
    const calendarYears = await readCalendarYears(m);
    const findings: JournalFinding[] = [];
    let findingCount = 0;
    const add = (f: JournalFinding): void => {
      findingCount++;
      if (findings.length < FINDINGS_KEPT) findings.push(f);
    };
    const progress = { casesTotal, casesChecked: 0, eventsChecked: 0 };
    const checkpoints = new CheckpointChoice(m, command, agencies, add);
    await checkpoints.prepare();

    const sink: AgencySink = {
      add,
      checked: async (cases, events) => {
        progress.casesChecked += cases;
        progress.eventsChecked += events;
        await command.onProgress?.({ ...progress });
      },
    };
    const pool = await this.pool(command, agencies.length, casesTotal, calendarYears);
    try {
      const calendarAt = calendarHistory(calendarYears);
      await inParallel(agencies, pool ? pool.size : (command.concurrency ?? 2), async (agency) => {
        const entries = await checkpoints.entriesFor(agency);
        if (pool) await pool.verify(agency, entries, sink);
        else await verifyAgency(m, agency, entries, calendarAt, sink);
      });
    } finally {
      await pool?.close();
    }

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
      workerThreads: pool?.size ?? 0,
    };
  }

  /** The worker threads for this verification, or null to verify in the process. */
  private async pool(
    command: VerifyJournalCommand,
    agencies: number,
    cases: number,
    calendarYears: readonly LoadedCalendarYear[],
  ): Promise<VerifyPool | null> {
    const wanted =
      command.workers ?? (agencies > 1 && cases >= WORKER_THRESHOLD_CASES ? defaultWorkers() : 0);
    const size = Math.min(wanted, agencies);
    const url = (this.dataSource.options as { url?: string }).url;
    if (size < 1 || !url) return null;
    return VerifyPool.start(size, url, calendarYears);
  }
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

  /** By agency code (a checkpoint of every agency first), whatever order the agencies ran in. */
  used(): CheckpointUsed[] {
    return [...this.usedById.values()].sort(
      (a, b) =>
        (a.agencyCode ?? '').localeCompare(b.agencyCode ?? '') ||
        a.takenAt.localeCompare(b.takenAt),
    );
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
