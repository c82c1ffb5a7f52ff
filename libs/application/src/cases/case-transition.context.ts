import type { DataSource, EntityManager } from 'typeorm';
import {
  caseStatus,
  deriveDeadlines,
  persistSnapshot,
  restoreSnapshot,
  type CaseDeadlines,
  type CaseSnapshot,
  type CaseStatus,
  type LocalDate,
  type WorkingDayCalendar,
} from '@gongkai/domain';
import {
  allowCaseWrites,
  CalendarSource,
  canonicalJson,
  CaseError,
  CaseTransitionRepository,
  type CaseChanges,
  type CaseEntity,
  type IdentityCipher,
} from '@gongkai/persistence';

/**
 * What every case use case shares: the data source, the calendar cache, the repository with the
 * SQL, "today" by the injected clock and the identity cipher. One per process, so the calendar is
 * cached once.
 */
export interface CaseTransitionContext {
  readonly dataSource: DataSource;
  readonly calendars: CalendarSource;
  readonly rows: CaseTransitionRepository;
  readonly today: () => LocalDate;
  readonly cipher: () => IdentityCipher;
}

/**
 * The caller's transaction when it passes one (the importer's all-or-nothing), else a new one;
 * either way marked as the transition path, the only writer the cases table's guard lets through.
 */
export function inTransaction<T>(
  ctx: CaseTransitionContext,
  manager: EntityManager | undefined,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  const guarded = (m: EntityManager) => allowCaseWrites(m).then(() => work(m));
  return manager ? guarded(manager) : ctx.dataSource.transaction(guarded);
}

/** The case's machine snapshot; refused (invalid_snapshot) when the stored one cannot be read. */
export function restoreCase(row: CaseEntity, calendar: WorkingDayCalendar): CaseSnapshot {
  try {
    return restoreSnapshot(row.snapshot, calendar);
  } catch (error) {
    throw new CaseError('refused', 'invalid_snapshot', (error as Error).message);
  }
}

/** The state columns: what the case waits for (or its closed sub-state) and its two regions. */
export function stateColumns(status: CaseStatus): {
  state: string;
  feeState: string;
  extensionState: string;
} {
  return { state: status.state, feeState: status.fee, extensionState: status.extension };
}

/**
 * The earliest deadline that something will happen on: an expiry the worker sends as an event
 * (补正, consultation, fee) or the answer deadline it raises alerts for. Null once closed.
 */
export function nextDueOn(status: CaseStatus, deadlines: CaseDeadlines): LocalDate | null {
  if (status.closed) return null;
  const candidates: (LocalDate | null | undefined)[] = [];
  if (status.state === 'awaitingSupplement') candidates.push(deadlines.supplement?.dueOn);
  else candidates.push(deadlines.answer.dueOn);
  if (status.state === 'consulting') candidates.push(deadlines.consultationReply?.dueOn);
  if (status.fee === 'awaiting') candidates.push(deadlines.feePayment?.dueOn);
  const dates = candidates.filter((d): d is LocalDate => typeof d === 'string').sort();
  return dates[0] ?? null;
}

/** The columns a snapshot and its deadlines give a row: state, outcome, dates, deadlines. */
export function snapshotColumns(
  snapshot: CaseSnapshot,
  deadlines: CaseDeadlines,
): Omit<CaseChanges, 'version' | 'updatedAt'> {
  const status = caseStatus(snapshot);
  return {
    snapshot: persistSnapshot(snapshot),
    ...stateColumns(status),
    closed: status.closed,
    outcome: status.outcome,
    decidedOn: status.decidedOn,
    servedOn: snapshot.context.service?.servedOn ?? null,
    flags: status.flags,
    deadlines,
    answerDueOn: deadlines.answer.dueOn,
    nextDueOn: nextDueOn(status, deadlines),
  };
}

/** The row's columns after the machine moved, and its version + 1. */
export function snapshotChanges(
  row: CaseEntity,
  snapshot: CaseSnapshot,
  deadlines: CaseDeadlines,
): CaseChanges {
  return {
    ...snapshotColumns(snapshot, deadlines),
    version: row.version + 1,
    updatedAt: new Date(),
  };
}

export function invalid(message: string, code = 'invalid_input'): CaseError {
  return new CaseError('invalid', code, message);
}

export function trimmed(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

/** Optimistic concurrency: the version the client last saw must still be the row's (409). */
export function checkVersion(row: CaseEntity, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    throw new CaseError(
      'conflict',
      'version_conflict',
      `案件已被他人修改（当前版本 ${row.version}，提交时版本 ${expectedVersion}），请刷新后重试`,
      { currentVersion: row.version },
    );
  }
}

/** The user, when it is an active clerk of the agency; refused (422) otherwise. */
export async function requireActiveClerk(
  ctx: CaseTransitionContext,
  m: EntityManager,
  agencyId: string,
  userId: string,
): Promise<{ id: string; display_name: string }> {
  const found = await ctx.rows.activeClerk(m, agencyId, userId);
  if (!found) {
    throw new CaseError(
      'refused',
      'invalid_assignee',
      '经办人须为本案所属机关在岗的经办人员，请重新选择',
    );
  }
  return found;
}

/** The case's snapshot and deadlines under `calendar`, and whether the deadlines moved. */
export function rederive(
  row: CaseEntity,
  calendar: WorkingDayCalendar,
): { snapshot: CaseSnapshot; deadlines: CaseDeadlines; changed: boolean } {
  const snapshot = restoreCase(row, calendar);
  const deadlines = deriveDeadlines(snapshot.context, calendar);
  // jsonb does not keep key order: compare canonical forms.
  return {
    snapshot,
    deadlines,
    changed: canonicalJson(deadlines) !== canonicalJson(row.deadlines),
  };
}
