import { setImmediate } from 'node:timers/promises';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import {
  addDays,
  CONSULTATION_WORKING_DAYS,
  defaultDecisionBasis,
  EVENT_LABELS,
  EVENT_RULES,
  formatLocalDateZh,
  requiresReasons,
  type ActorRole,
  type ApplicantCategory,
  type CaseEventType,
  type CaseFlags,
  type Channel,
  type LocalDate,
  type Outcome,
  type WorkingDayCalendar,
} from '@gongkai/domain';
import { ProceedingEntity, writeReplayedCases, type CaseEventInput } from '@gongkai/persistence';
import type { CaseTransitionService } from '../cases/case-transition.service';
import {
  replayLedgerCase,
  sharedInitialSnapshots,
  type InitialSnapshot,
  type ReplayedCase,
} from './replay-ledger-case';
import { ledgerLineSchema, type LedgerLine, type RawLedgerLine } from './ledger-line';
import { readLedgerFile, type LedgerFile } from './ledger-read';
import type { LedgerReading } from './ledger-workbook';
import { FIELD_NAMES } from './workbook-synonyms';

// The report's shape is the API's contract; the importer answers in it (one definition).
import type { LedgerImportReport, LedgerLineError } from '@gongkai/contracts';
export type { LedgerImportReport, LedgerLineError };

/**
 * A refused line as a clerk reads it: `第9行（2024-017）：reason`, or a workbook cell's own
 * message, which already names its row and column (`第9行"收到日期"：无法识别的日期"2024-13-01"`).
 */
export function formatRejection(r: LedgerLineError): string {
  if (r.reason.startsWith(`第${r.line}行`)) return r.reason;
  return `第${r.line}行${r.ref ? `（${r.ref}）` : ''}：${r.reason}`;
}

/** The messages of a schema refusal; on a workbook row each names its cell by the sheet's header. */
function schemaReason(
  raw: RawLedgerLine,
  issues: readonly { path: PropertyKey[]; message: string }[],
): string {
  return issues
    .map((i) => {
      const path = i.path.map(String).join('.');
      if (!raw.columns) return path ? `${path}：${i.message}` : i.message;
      const header = raw.columns[path] ?? FIELD_NAMES[path] ?? path;
      return header ? `第${raw.line}行"${header}"：${i.message}` : `第${raw.line}行：${i.message}`;
    })
    .join('；');
}

/** Lines checked (`validating`), then lines written in the transaction (`importing`). */
export interface LedgerImportProgress {
  phase: 'validating' | 'importing';
  done: number;
  total: number;
}

export interface LedgerImportOptions {
  readonly agencyId: string;
  /** Who the replayed steps are journaled as: `system`, or a named clerk's user id. */
  readonly actorId?: string;
  readonly skipInvalid?: boolean;
  /**
   * Told at the start of each phase, about every 1 % of its lines, and when it is done; awaited,
   * so a queue job can report to Redis between lines.
   */
  readonly onProgress?: (progress: LedgerImportProgress) => void | Promise<void>;
}

/** Calls onProgress at 0, every ~1 % and at the end of a phase, not on every line. */
function progressReporter(options: LedgerImportOptions) {
  return async (phase: LedgerImportProgress['phase'], done: number, total: number) => {
    if (!options.onProgress) return;
    const step = Math.max(1, Math.ceil(total / 100));
    if (done % step === 0 || done === total) await options.onProgress({ phase, done, total });
  };
}

interface PlannedLine {
  readonly data: LedgerLine;
  /** What will be written; the machine snapshot is not kept, and the rows only until written. */
  readonly replayed: Pick<ReplayedCase, 'row' | 'journal'>;
}

/** The most cases written per statement batch. */
const WRITE_BATCH = 1_000;

const FLAG_LABELS: Record<keyof CaseFlags, string> = {
  supplementNoticeLate: '补正通知超过7个工作日',
  decidedLate: '答复决定逾期',
  answeredLate: '送达逾期',
  extensionLate: '延期在期限届满后批准',
};

// Facts the ledger has no field for are supplied as the outcome requires (ledger-format.md).
const SUPPLEMENT_ITEMS = ['（台账未载明补正事项）'];
const EXTENSION_REASON = '（台账记载的延期）';
const IMPORTED_REASONS = '（台账未载明理由，见原答复书）';

/** Refusing outcomes need reasons (Arts 36–37); the ledger has only the outcome. */
function importedDecision(outcome: Outcome): {
  outcome: Outcome;
  reasons?: string;
  basis?: string;
} {
  if (!requiresReasons(outcome)) return { outcome };
  return {
    outcome,
    reasons: IMPORTED_REASONS,
    basis: defaultDecisionBasis(outcome) || '（台账未载明）',
  };
}

/** The role an event needs: replayed steps are done in that role by the importing actor. */
function roleFor(type: CaseEventType): ActorRole {
  return EVENT_RULES[type].roles[0];
}

function ev(
  type: CaseEventType,
  on: LocalDate,
  fields: Record<string, unknown> = {},
): CaseEventInput {
  return { type, on, ...fields } as CaseEventInput;
}

/** The steps of a ledger line, in date order, as a clerk would have sent them. */
export function planEvents(
  data: LedgerLine,
  calendar: WorkingDayCalendar,
): CaseEventInput[] | string {
  const events: CaseEventInput[] = [];
  const order = (e: CaseEventInput, rank: number) => ({ e, rank });
  const steps: { e: CaseEventInput; rank: number }[] = [];
  let rank = 0;
  const push = (e: CaseEventInput) => steps.push(order(e, rank++));

  if (data.outcome && !data.decidedOn && !data.withdrawnOn)
    return '有办理结果（outcome）但缺少答复日期（decidedOn）';
  if (!data.outcome && data.decidedOn) return '有答复日期（decidedOn）但缺少办理结果（outcome）';
  if (data.withdrawnOn && data.outcome && data.outcome !== 'other.other') {
    return `撤回申请的案件办理结果应为 other.other，而不是 ${data.outcome}`;
  }
  if (data.service && !data.outcome && !data.withdrawnOn) return '未办结的案件不能有送达记录';

  if (data.supplement) {
    push(
      ev('REQUEST_SUPPLEMENT', data.supplement.requestedOn, {
        dueOn: data.supplement.dueOn,
        items: SUPPLEMENT_ITEMS,
      }),
    );
    if (data.supplement.receivedOn) push(ev('SUPPLEMENT_RECEIVED', data.supplement.receivedOn));
  } else {
    push(ev('ACCEPT', data.receivedOn));
  }
  const closing = data.withdrawnOn ?? data.decidedOn ?? null;
  for (const c of data.consultations ?? []) {
    push(ev('START_CONSULTATION', c.sentOn, { party: c.party }));
    if (c.repliedOn) push(ev('CONSULTATION_REPLIED', c.repliedOn));
    else if (closing) {
      // Arts 32, 34: no reply within 15 WD; the consultation ended the day after.
      const due = calendar.addWorkingDays(c.sentOn, CONSULTATION_WORKING_DAYS).dueOn;
      push(ev('CONSULTATION_EXPIRED', addDays(due, 1)));
    }
  }
  if (data.fee) {
    push(
      ev('SERVE_FEE_NOTICE', data.fee.noticeServedOn, {
        standard: 'per_page',
        amountYuan: data.fee.amountYuan,
      }),
    );
    if (data.fee.paidOn) push(ev('FEE_PAID', data.fee.paidOn));
  }
  if (data.extension) {
    push(
      ev('REQUEST_EXTENSION', data.extension.approvedOn, {
        workingDays: data.extension.workingDays,
        reason: EXTENSION_REASON,
      }),
    );
    push(ev('APPROVE_EXTENSION', data.extension.approvedOn));
  }
  if (data.withdrawnOn) push(ev('WITHDRAW', data.withdrawnOn));
  else if (data.outcome && data.decidedOn) {
    if (data.outcome === 'other.supplement_overdue') push(ev('SUPPLEMENT_OVERDUE', data.decidedOn));
    else if (data.outcome === 'other.fee_unpaid') push(ev('FEE_OVERDUE', data.decidedOn));
    else {
      push(ev('DRAFT_DECISION', data.decidedOn, importedDecision(data.outcome as Outcome)));
      push(ev('APPROVE_DECISION', data.decidedOn));
    }
  }
  if (data.service) {
    // A case ended without a decision has no answer to serve: its `service` is that of the
    // notice that it is no longer processed (ledger-format.md), which changes no statistic.
    const ended =
      !!data.withdrawnOn ||
      data.outcome === 'other.supplement_overdue' ||
      data.outcome === 'other.fee_unpaid';
    push(
      ev(ended ? 'RECORD_NOTICE_SERVICE' : 'RECORD_SERVICE', data.service.servedOn, {
        method: data.service.method,
        servedOn: data.service.servedOn,
      }),
    );
  }
  const early = steps.find((s) => s.e.on < data.receivedOn);
  if (early) {
    return `${EVENT_LABELS[early.e.type].zh}日期（${formatLocalDateZh(early.e.on)}）早于收到申请之日（${formatLocalDateZh(data.receivedOn)}）`;
  }
  // Date order; on the same day, the order in which the facts follow from each other.
  steps.sort((a, b) => (a.e.on < b.e.on ? -1 : a.e.on > b.e.on ? 1 : a.rank - b.rank));
  for (const s of steps) events.push(s.e);
  return events;
}

/**
 * Replays a line in memory through the one transition path's replay (what register() and one
 * apply() per step would write): the reason of the first refused step, or the replayed case.
 */
function dryRun(
  transitions: CaseTransitionService,
  data: LedgerLine,
  events: readonly CaseEventInput[],
  calendar: WorkingDayCalendar,
  initialSnapshot: InitialSnapshot,
  options: LedgerImportOptions,
): { error: string } | { replayed: Pick<ReplayedCase, 'row' | 'journal'>; flags: string[] } {
  const today = transitions.currentDate();
  for (const [label, value] of [
    ['收到日期', data.receivedOn],
    ...events.map((e) => [EVENT_LABELS[e.type].zh, e.on]),
  ]) {
    if (value > today) return { error: `${label}（${value}）晚于今天` };
  }
  const actorId = options.actorId ?? 'system';
  const result = replayLedgerCase(
    transitions,
    {
      agencyId: options.agencyId,
      ref: data.ref,
      receivedOn: data.receivedOn,
      channel: data.channel as Channel,
      applicant: {
        category: data.applicant.category as ApplicantCategory,
        name: data.applicant.name ?? null,
      },
      request: data.request ?? null,
      origin: 'import',
      approvalSteps: 1,
    },
    events.map((event) => ({ event, actor: { id: actorId, role: roleFor(event.type) } })),
    calendar,
    { id: actorId, role: 'clerk' },
    initialSnapshot,
  );
  if (!result.ok) {
    return {
      error: result.step
        ? `${EVENT_LABELS[result.step.type].zh}（${formatLocalDateZh(result.step.on)}）：${result.message}`
        : result.message,
    };
  }
  const flags = (Object.keys(FLAG_LABELS) as (keyof CaseFlags)[])
    .filter((f) => result.replayed.snapshot.context.flags[f])
    .map((f) => FLAG_LABELS[f]);
  const { row, journal } = result.replayed;
  return { replayed: { row, journal }, flags };
}

function refOf(value: unknown): string | null {
  const ref = (value as { ref?: unknown } | null)?.ref;
  return typeof ref === 'string' ? ref : typeof ref === 'number' ? String(ref) : null;
}

/**
 * Imports a ledger (ledger-format.md): every line is checked and replayed in memory first; then,
 * if no line was rejected (or with skipInvalid), the valid lines are written through the one
 * transition path in one transaction. Lines whose ref the agency already has are left alone.
 */
export async function importLedger(
  dataSource: DataSource,
  transitions: CaseTransitionService,
  ledger: LedgerReading | readonly RawLedgerLine[],
  options: LedgerImportOptions,
): Promise<LedgerImportReport> {
  const { lines, ignoredColumns } =
    'lines' in ledger ? ledger : { lines: ledger, ignoredColumns: [] as string[] };
  const calendar = await transitions.calendar();
  const initialSnapshot = sharedInitialSnapshots(calendar);
  const rejected: LedgerLineError[] = [];
  const flagged: LedgerImportReport['flagged'] = [];
  let planned = 0;
  const seen = new Map<string, number>();
  const refs = lines.map((l) => refOf(l.value)).filter((r): r is string => !!r);
  const existing = new Set(
    (
      (await dataSource.query(
        'SELECT ref FROM cases WHERE agency_id = $1 AND ref = ANY($2::text[])',
        [options.agencyId, refs],
      )) as { ref: string }[]
    ).map((r) => r.ref),
  );
  let unchanged = 0;
  const progress = progressReporter(options);
  const writer = new BackgroundWriter(dataSource);
  try {
    for (const [index, raw] of lines.entries()) {
      await progress('validating', index, lines.length);
      const ref = refOf(raw.value);
      const reject = (reason: string) => rejected.push({ line: raw.line, ref, reason });
      if (raw.readError) {
        reject(raw.readError);
        continue;
      }
      const parsed = ledgerLineSchema.safeParse(raw.value);
      if (!parsed.success) {
        reject(schemaReason(raw, parsed.error.issues));
        continue;
      }
      const data = parsed.data;
      const first = seen.get(data.ref);
      if (first !== undefined) {
        reject(`登记编号 ${data.ref} 与第${first}行重复`);
        continue;
      }
      seen.set(data.ref, raw.line);
      if (existing.has(data.ref)) {
        unchanged++;
        continue;
      }
      const events = planEvents(data, calendar);
      if (typeof events === 'string') {
        reject(events);
        continue;
      }
      const outcome = dryRun(transitions, data, events, calendar, initialSnapshot, options);
      if ('error' in outcome) {
        reject(outcome.error);
        continue;
      }
      planned++;
      if (outcome.flags.length)
        flagged.push({ line: raw.line, ref: data.ref, flags: outcome.flags });
      // Full batches are written while the next lines are checked (PostgreSQL works on its own
      // core meanwhile); a refused line stops it, and the transaction is rolled back below.
      if (!rejected.length || options.skipInvalid) {
        await writer.offer({ data, replayed: outcome.replayed });
      }
    }
    await progress('validating', lines.length, lines.length);
    const report: LedgerImportReport = {
      committed: false,
      lines: lines.length,
      imported: 0,
      unchanged,
      rejected,
      flagged,
      proceedings: 0,
      ...(ignoredColumns.length ? { ignoredColumns } : {}),
    };
    if (rejected.length && !options.skipInvalid) return report;
    // Batches of about 1 % of the lines, so progress is told as often as the contract says.
    const batch = Math.min(WRITE_BATCH, Math.max(1, Math.ceil(planned / 100)));
    await writer.writeQueued(batch, (done) => progress('importing', done, planned));
    report.proceedings += await writer.commit();
    // After the commit: 100 % means the cases are there.
    await progress('importing', planned, planned);
    return { ...report, committed: true, imported: planned };
  } finally {
    // Refused, or failed on the way: nothing of the ledger stays (all or nothing).
    await writer.release();
  }
}

/**
 * The import's one transaction, opened at its first write: full batches of checked lines go to
 * PostgreSQL one at a time while the caller goes on checking, the rest when it asks. A written
 * line is let go, so a large ledger is not held in memory whole.
 */
class BackgroundWriter {
  private runner: QueryRunner | null = null;
  private queued: PlannedLine[] = [];
  private inFlight: Promise<number> | null = null;
  private written = 0;
  private proceedings = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** Queues a checked line; a full batch starts writing once the previous one is in. */
  async offer(line: PlannedLine): Promise<void> {
    this.queued.push(line);
    // Checking never waits on I/O by itself: without this turn of the event loop PostgreSQL's
    // replies and the COPY stream's drains would wait for the next batch, and nothing overlaps.
    if (this.inFlight) await setImmediate();
    if (this.queued.length < WRITE_BATCH) return;
    await this.flushed();
    const write = this.write(this.queued.splice(0, WRITE_BATCH));
    // Its failure is thrown by the next flushed(); until then it must not be unhandled.
    write.catch(() => undefined);
    this.inFlight = write;
  }

  /** Waits for the batch on its way (throwing its failure); how many lines are written. */
  private async flushed(): Promise<number> {
    const inFlight = this.inFlight;
    this.inFlight = null;
    if (inFlight) this.proceedings += await inFlight;
    return this.written;
  }

  /** Writes what is still queued, `batch` lines at a time, telling `progress` before each. */
  async writeQueued(batch: number, progress: (done: number) => Promise<void>): Promise<void> {
    await this.flushed();
    while (this.queued.length) {
      await progress(this.written);
      this.proceedings += await this.write(this.queued.splice(0, batch));
    }
  }

  private async write(batch: readonly PlannedLine[]): Promise<number> {
    if (!this.runner) {
      this.runner = this.dataSource.createQueryRunner();
      await this.runner.connect();
      await this.runner.startTransaction();
    }
    const proceedings = await writeLines(this.runner.manager, batch);
    this.written += batch.length;
    return proceedings;
  }

  /** Commits what was written; the proceedings written. */
  async commit(): Promise<number> {
    await this.flushed();
    if (this.runner) await this.runner.commitTransaction();
    return this.proceedings;
  }

  async release(): Promise<void> {
    const runner = this.runner;
    if (!runner) return;
    this.runner = null;
    await this.inFlight?.catch(() => undefined);
    try {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  }
}

/** Reads an uploaded ledger and imports it (an unreadable .xlsx throws UnreadableLedgerError). */
export async function importLedgerFile(
  dataSource: DataSource,
  transitions: CaseTransitionService,
  file: LedgerFile,
  options: LedgerImportOptions,
): Promise<LedgerImportReport> {
  return importLedger(dataSource, transitions, await readLedgerFile(file), options);
}

/** The replayed cases of a batch, their journals and their proceedings, in a few statements. */
async function writeLines(m: EntityManager, batch: readonly PlannedLine[]): Promise<number> {
  await writeReplayedCases(
    m,
    batch.map((p) => p.replayed),
  );
  const proceedings = batch.flatMap((p) =>
    (p.data.proceedings ?? []).map((proceeding) => ({
      agencyId: p.replayed.row.agencyId,
      caseId: p.replayed.row.id,
      kind: proceeding.kind,
      filedOn: proceeding.filedOn,
      result: proceeding.result ?? null,
      concludedOn: proceeding.concludedOn ?? null,
      note: null,
    })),
  );
  if (proceedings.length) await m.insert(ProceedingEntity, proceedings);
  return proceedings.length;
}
