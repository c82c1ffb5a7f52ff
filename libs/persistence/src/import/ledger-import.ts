import type { DataSource, EntityManager } from 'typeorm';
import {
  addDays,
  applyCaseEvent,
  CONSULTATION_WORKING_DAYS,
  createCase,
  defaultDecisionBasis,
  EVENT_LABELS,
  EVENT_RULES,
  formatLocalDateZh,
  requiresReasons,
  type ActorRole,
  type ApplicantCategory,
  type CaseEvent,
  type CaseEventType,
  type CaseFlags,
  type Channel,
  type LocalDate,
  type Outcome,
  type WorkingDayCalendar,
} from '@gongkai/domain';
import { ProceedingEntity } from '../entities/proceeding.entity';
import type { CaseEventInput, CaseTransitionService } from '../cases/case-transition';
import { ledgerLineSchema, type LedgerLine, type RawLedgerLine } from './ledger-line';
import { readLedgerFile, type LedgerFile } from './ledger-read';

export interface LedgerLineError {
  line: number;
  ref: string | null;
  reason: string;
}

export interface LedgerImportReport {
  committed: boolean;
  lines: number;
  imported: number;
  unchanged: number;
  rejected: LedgerLineError[];
  flagged: { line: number; ref: string; flags: string[] }[];
  proceedings: number;
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
  readonly line: number;
  readonly data: LedgerLine;
  readonly events: readonly CaseEventInput[];
  readonly flags: string[];
}

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
  if (data.service)
    push(
      ev('RECORD_SERVICE', data.service.servedOn, {
        method: data.service.method,
        servedOn: data.service.servedOn,
      }),
    );
  const early = steps.find((s) => s.e.on < data.receivedOn);
  if (early) {
    return `${EVENT_LABELS[early.e.type].zh}日期（${formatLocalDateZh(early.e.on)}）早于收到申请之日（${formatLocalDateZh(data.receivedOn)}）`;
  }
  // Date order; on the same day, the order in which the facts follow from each other.
  steps.sort((a, b) => (a.e.on < b.e.on ? -1 : a.e.on > b.e.on ? 1 : a.rank - b.rank));
  for (const s of steps) events.push(s.e);
  return events;
}

/** Replays a line in memory: the reason of the first refused step, or the flags it ends with. */
function dryRun(
  data: LedgerLine,
  events: readonly CaseEventInput[],
  calendar: WorkingDayCalendar,
  today: LocalDate,
): { error: string } | { flags: string[] } {
  for (const [label, value] of [
    ['收到日期', data.receivedOn],
    ...events.map((e) => [EVENT_LABELS[e.type].zh, e.on]),
  ]) {
    if (value > today) return { error: `${label}（${value}）晚于今天` };
  }
  let snapshot = createCase({ receivedOn: data.receivedOn, approvalSteps: 1 }, calendar);
  for (const input of events) {
    const event = {
      ...input,
      actor: { id: 'import', role: roleFor(input.type) },
    } as unknown as CaseEvent;
    const result = applyCaseEvent(snapshot, event, calendar);
    if (!result.ok)
      return {
        error: `${EVENT_LABELS[input.type].zh}（${formatLocalDateZh(input.on)}）：${result.message}`,
      };
    snapshot = result.snapshot;
  }
  const flags = (Object.keys(FLAG_LABELS) as (keyof CaseFlags)[])
    .filter((f) => snapshot.context.flags[f])
    .map((f) => FLAG_LABELS[f]);
  return { flags };
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
  lines: readonly RawLedgerLine[],
  options: LedgerImportOptions,
): Promise<LedgerImportReport> {
  const calendar = await transitions.calendar();
  const today = transitions.currentDate();
  const rejected: LedgerLineError[] = [];
  const planned: PlannedLine[] = [];
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
      reject(
        parsed.error.issues
          .map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message))
          .join('；'),
      );
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
    const outcome = dryRun(data, events, calendar, today);
    if ('error' in outcome) {
      reject(outcome.error);
      continue;
    }
    planned.push({ line: raw.line, data, events, flags: outcome.flags });
  }
  await progress('validating', lines.length, lines.length);
  const report: LedgerImportReport = {
    committed: false,
    lines: lines.length,
    imported: 0,
    unchanged,
    rejected,
    flagged: planned
      .filter((p) => p.flags.length)
      .map((p) => ({ line: p.line, ref: p.data.ref, flags: p.flags })),
    proceedings: 0,
  };
  if (rejected.length && !options.skipInvalid) return report;
  await dataSource.transaction(async (m) => {
    for (const [index, p] of planned.entries()) {
      await progress('importing', index, planned.length);
      report.proceedings += await writeLine(m, transitions, p, options);
    }
  });
  // After the commit: 100 % means the cases are there.
  await progress('importing', planned.length, planned.length);
  return { ...report, committed: true, imported: planned.length };
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

async function writeLine(
  m: EntityManager,
  transitions: CaseTransitionService,
  p: PlannedLine,
  options: LedgerImportOptions,
): Promise<number> {
  const actorId = options.actorId ?? 'system';
  const { data } = p;
  const { case: created } = await transitions.register(
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
    { id: actorId, role: 'clerk' },
    { manager: m },
  );
  for (const event of p.events) {
    await transitions.apply(
      created.id,
      event,
      { id: actorId, role: roleFor(event.type) },
      undefined,
      { manager: m },
    );
  }
  for (const proceeding of data.proceedings ?? []) {
    await m.save(ProceedingEntity, {
      agencyId: options.agencyId,
      caseId: created.id,
      kind: proceeding.kind,
      filedOn: proceeding.filedOn,
      result: proceeding.result ?? null,
      concludedOn: proceeding.concludedOn ?? null,
      note: null,
    });
  }
  return data.proceedings?.length ?? 0;
}
