import { randomInt } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  applyCaseEvent,
  caseStatus,
  createCase,
  deriveDeadlines,
  isApplicantCategory,
  isChannel,
  isLocalDate,
  JOURNAL_NOTE_LABELS,
  localDateInShanghai,
  maskIdentityNumber,
  persistSnapshot,
  restoreSnapshot,
  validateCreditCode,
  validatePhoneNumber,
  validateResidentId,
  yearOf,
  CASE_MACHINE_ID,
  CASE_MACHINE_VERSION,
  type ActorRole,
  type ApplicantCategory,
  type CaseDeadlines,
  type CaseEffect,
  type CaseEvent,
  type CaseEventType,
  type CaseSnapshot,
  type CaseStatus,
  type Channel,
  type JournalNoteType,
  type LocalDate,
  type WorkingDayCalendar,
} from '@gongkai/domain';
import { CaseEntity, type CaseOrigin } from '../entities/case.entity';
import { CaseEventEntity } from '../entities/case-event.entity';
import { IdentityCipher, identityCipherFromEnv } from '../crypto/identity-cipher';
import { CalendarSource } from './calendar-source';
import { CaseError, caseNotFound } from './case-errors';
import { canonicalJson, GENESIS_HASH, journalHash } from './journal-hash';
import { allowCaseWrites } from './journal-write-guard';

/** Who acts: a user id (or `system`) and the role the act is done in. */
export interface JournalActor {
  readonly id: string;
  readonly role: ActorRole;
}

export const SYSTEM_ACTOR: JournalActor = { id: 'system', role: 'system' };

export interface RegisterCaseInput {
  readonly agencyId: string;
  /** The agency's register number; generated as `YYYY-NNNN` when absent. */
  readonly ref?: string | null;
  readonly receivedOn: LocalDate;
  readonly channel: Channel;
  readonly applicant: {
    readonly category: ApplicantCategory;
    readonly name?: string | null;
    readonly phone?: string | null;
    readonly email?: string | null;
    readonly address?: string | null;
    /** 公民身份号码; stored encrypted, shown masked. */
    readonly identityNumber?: string | null;
    /** 统一社会信用代码 of an organisation (GB 32100-2015); public, so stored in clear. */
    readonly creditCode?: string | null;
    /** 法定代表人或联系人 of an organisation. */
    readonly contactPerson?: string | null;
  };
  readonly request?: string | null;
  readonly requestedForm?: string | null;
  /** The 经办人; must be a clerk of `agencyId` (422 otherwise). */
  readonly assignedClerkId?: string | null;
  readonly origin?: CaseOrigin;
  /** Overrides the agency's approval policy (the importer takes historic approvals as one). */
  readonly approvalSteps?: number;
}

/** An event as sent by a client: the type, the legal date and the type's own fields. */
export type CaseEventInput = { readonly type: CaseEventType; readonly on: LocalDate } & Readonly<
  Record<string, unknown>
>;

export interface TransitionOptions {
  /** Run inside the caller's transaction (the importer's all-or-nothing import). */
  readonly manager?: EntityManager;
  /** The agencies the caller may change; another agency's case is reported as not found. */
  readonly agencyIds?: readonly string[];
}

export interface ReassignInput {
  readonly assigneeId: string;
  readonly reason: string;
}

export interface TransitionResult {
  readonly case: CaseEntity;
  readonly event: CaseEventEntity;
  readonly effects: readonly CaseEffect[];
  /**
   * apply() only: the machine snapshot after the event and the calendar it ran on, so that a
   * caller can ask allowedEvents without restoring the snapshot again.
   */
  readonly snapshot?: CaseSnapshot;
  readonly calendar?: WorkingDayCalendar;
  /** apply() only: the display name of the case's 经办人, read with the locked row. */
  readonly assigneeName?: string | null;
}

/** How one open case's deadlines would move under another calendar (deadlineChanges()). */
export interface DeadlineChange {
  readonly caseId: string;
  readonly agencyId: string;
  readonly ref: string;
  readonly state: string;
  readonly answerDueOnBefore: LocalDate | null;
  readonly answerDueOnAfter: LocalDate | null;
  readonly nextDueOnBefore: LocalDate | null;
  readonly nextDueOnAfter: LocalDate | null;
}

export interface DeadlineChangeScan {
  readonly openCasesChecked: number;
  /** Every open case whose deadlines differ, by ref. */
  readonly changes: readonly DeadlineChange[];
  /** Open cases whose snapshot could not be read (as recomputeDeadlines() would report them). */
  readonly casesFailed: number;
}

/** How many open cases deadlineChanges() reads at a time. */
const DEADLINE_SCAN_BATCH = 500;

/** A note about the case file that appendNote() journals for another part of the system. */
export interface JournalNote {
  readonly type: Extract<JournalNoteType, 'ATTACHMENT_ADDED' | 'ATTACHMENT_WITHDRAWN'>;
  readonly payload: Record<string, unknown>;
  readonly basis?: string | null;
}

/** The last journal row of a case: the next one takes seq + 1 and chains to its hash. */
interface JournalHead {
  readonly seq: number;
  readonly hash: string;
}

/** A journal row to append, before its seq, chain and hash are known. */
interface JournalEntry {
  readonly type: string;
  readonly machineEvent: boolean;
  readonly payload: Record<string, unknown>;
  readonly actor: JournalActor;
  readonly occurredOn: LocalDate;
  readonly basis: string | null;
  readonly stateAfter: string;
}

/** The row's columns after the machine moved: state, outcome, dates, deadlines, version + 1. */
function snapshotChanges(row: CaseEntity, snapshot: CaseSnapshot, deadlines: CaseDeadlines) {
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
    version: row.version + 1,
    updatedAt: new Date(),
  };
}

type CaseChanges = ReturnType<typeof snapshotChanges>;

/** The journal row's columns and its hash, chained to `head`. */
function journalRow(row: CaseEntity, entry: JournalEntry, head: JournalHead) {
  // jsonb keeps no undefined; the hash is taken over what the row will hold.
  const payloadJson = JSON.stringify(entry.payload);
  const fields = {
    caseId: row.id,
    agencyId: row.agencyId,
    seq: head.seq + 1,
    type: entry.type,
    machineEvent: entry.machineEvent,
    payload: JSON.parse(payloadJson) as Record<string, unknown>,
    actorId: entry.actor.id,
    actorRole: entry.actor.role,
    occurredOn: entry.occurredOn,
    recordedAt: new Date(),
    basis: entry.basis,
    stateAfter: entry.stateAfter,
    prevHash: head.hash,
  };
  return { fields: { ...fields, hash: journalHash(fields) }, payloadJson };
}

type JournalFields = ReturnType<typeof journalRow>['fields'];

// Column names of writeTransition()'s statement; the types make a new field a compile error here.
const CASE_CHANGE_COLUMNS: { readonly [K in keyof CaseChanges]: string } = {
  snapshot: 'snapshot',
  state: 'state',
  feeState: 'fee_state',
  extensionState: 'extension_state',
  closed: 'closed',
  outcome: 'outcome',
  decidedOn: 'decided_on',
  servedOn: 'served_on',
  flags: 'flags',
  deadlines: 'deadlines',
  answerDueOn: 'answer_due_on',
  nextDueOn: 'next_due_on',
  version: 'version',
  updatedAt: 'updated_at',
};

const JOURNAL_COLUMNS: { readonly [K in keyof JournalFields]: string } = {
  caseId: 'case_id',
  agencyId: 'agency_id',
  seq: 'seq',
  type: 'type',
  machineEvent: 'machine_event',
  payload: 'payload',
  actorId: 'actor_id',
  actorRole: 'actor_role',
  occurredOn: 'occurred_on',
  recordedAt: 'recorded_at',
  basis: 'basis',
  stateAfter: 'state_after',
  prevHash: 'prev_hash',
  hash: 'hash',
};

const CASE_CHANGE_KEYS = Object.keys(CASE_CHANGE_COLUMNS) as (keyof CaseChanges)[];
const JOURNAL_KEYS = Object.keys(JOURNAL_COLUMNS) as (keyof JournalFields)[];

/**
 * writeTransition()'s statement: $1 the case id, $2 its locked version, then the CASE_CHANGE_KEYS
 * and the JOURNAL_KEYS values. The journal row is inserted only if the update took the row.
 */
const WRITE_TRANSITION_SQL = `WITH updated AS (
    UPDATE cases
       SET ${CASE_CHANGE_KEYS.map((k, i) => `${CASE_CHANGE_COLUMNS[k]} = $${i + 3}`).join(', ')}
     WHERE id = $1 AND version = $2
    RETURNING id)
  INSERT INTO case_events (${JOURNAL_KEYS.map((k) => JOURNAL_COLUMNS[k]).join(', ')})
  SELECT ${JOURNAL_KEYS.map((_, i) => `$${i + 3 + CASE_CHANGE_KEYS.length}`).join(', ')}
    FROM updated
  RETURNING id`;

/** A parameter as its column takes it: objects (jsonb) as JSON text, everything else as is. */
function sqlValue(value: unknown): unknown {
  return value !== null && typeof value === 'object' && !(value instanceof Date)
    ? JSON.stringify(value)
    : value;
}

interface CaseRowMapping {
  /** The select list over `cases c`: every column, dates as YYYY-MM-DD like TypeORM's `date`. */
  readonly select: string;
  /** lockRow()'s statement: the row locked, the journal head and the 经办人's display name. */
  readonly lockSql: string;
  readonly hydrate: (raw: Record<string, unknown>) => CaseEntity;
}

const caseRowMappings = new WeakMap<object, CaseRowMapping>();

/** Reads CaseEntity rows with plain SQL, from the entity's own column metadata. */
function caseRowMapping(m: EntityManager): CaseRowMapping {
  const metadata = m.connection.getMetadata(CaseEntity);
  let mapping = caseRowMappings.get(metadata);
  if (!mapping) {
    const columns = metadata.columns.map((c) => ({
      name: c.databaseName,
      property: c.propertyName,
      date: c.type === 'date',
    }));
    const select = columns
      .map((c) =>
        c.date ? `to_char(c."${c.name}", 'YYYY-MM-DD') AS "${c.name}"` : `c."${c.name}"`,
      )
      .join(', ');
    mapping = {
      select,
      lockSql: `SELECT ${select},
              (SELECT e.seq FROM case_events e WHERE e.case_id = c.id
                ORDER BY e.seq DESC LIMIT 1) AS journal_head_seq,
              (SELECT e.hash FROM case_events e WHERE e.case_id = c.id
                ORDER BY e.seq DESC LIMIT 1) AS journal_head_hash,
              (SELECT u.display_name FROM users u
                WHERE u.id = c.assigned_clerk_id) AS assignee_name
         FROM cases c WHERE c.id = $1 FOR UPDATE OF c`,
      hydrate: (raw) => {
        const entity = new CaseEntity() as unknown as Record<string, unknown>;
        for (const c of columns) entity[c.property] = raw[c.name];
        return entity as unknown as CaseEntity;
      },
    };
    caseRowMappings.set(metadata, mapping);
  }
  return mapping;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// No 0/O, 1/I/L: a query code is read out over the phone.
const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
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

/** Optimistic concurrency: the version the client last saw must still be the row's (409). */
function checkVersion(row: CaseEntity, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    throw new CaseError(
      'conflict',
      'version_conflict',
      `案件已被他人修改（当前版本 ${row.version}，提交时版本 ${expectedVersion}），请刷新后重试`,
      { currentVersion: row.version },
    );
  }
}

function generateQueryCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)];
  return code;
}

function invalid(message: string, code = 'invalid_input'): CaseError {
  return new CaseError('invalid', code, message);
}

function trimmed(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

/**
 * The one path by which a case changes (style.md, "Where logic lives"): lock the row, compare the
 * version, run the pure transition, append the hash-chained journal row and update the row — in
 * one transaction. The API, the importer, the demo loader and the worker all call this class.
 */
export class CaseTransitionService {
  readonly calendars = new CalendarSource();
  private readonly cipherOverride: IdentityCipher | undefined;
  private readonly today: () => LocalDate;

  constructor(
    private readonly dataSource: DataSource,
    options: { cipher?: IdentityCipher; today?: () => LocalDate } = {},
  ) {
    this.cipherOverride = options.cipher;
    this.today = options.today ?? (() => localDateInShanghai(new Date()));
  }

  get cipher(): IdentityCipher {
    return this.cipherOverride ?? identityCipherFromEnv();
  }

  currentDate(): LocalDate {
    return this.today();
  }

  calendar(manager: EntityManager = this.dataSource.manager): Promise<WorkingDayCalendar> {
    return this.calendars.get(manager);
  }

  private inTransaction<T>(
    manager: EntityManager | undefined,
    work: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    const guarded = (m: EntityManager) => allowCaseWrites(m).then(() => work(m));
    return manager ? guarded(manager) : this.dataSource.transaction(guarded);
  }

  /** Registers an application: the case row and its first journal row (REGISTERED). */
  async register(
    input: RegisterCaseInput,
    actor: JournalActor,
    options: { manager?: EntityManager } = {},
  ): Promise<TransitionResult> {
    const facts = this.checkRegistration(input);
    return this.inTransaction(options.manager, async (m) => {
      const calendar = await this.calendars.get(m);
      // Serialises registrations of one agency, so generated refs do not collide.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cases:${input.agencyId}`]);
      const ref = trimmed(input.ref) ?? (await this.nextRef(m, input.agencyId, input.receivedOn));
      const taken = await m.query('SELECT 1 FROM cases WHERE agency_id = $1 AND ref = $2', [
        input.agencyId,
        ref,
      ]);
      if (taken.length) {
        throw new CaseError('conflict', 'duplicate_ref', `登记编号“${ref}”已被本机关其他案件使用`);
      }
      if (input.assignedClerkId) await this.assignee(m, input.agencyId, input.assignedClerkId);
      const steps =
        input.approvalSteps ??
        ((
          (await m.query('SELECT decision_steps FROM approval_policies WHERE agency_id = $1', [
            input.agencyId,
          ])) as { decision_steps: number }[]
        )[0]?.decision_steps ||
          1);
      const snapshot = createCase({ receivedOn: input.receivedOn, approvalSteps: steps }, calendar);
      const status = caseStatus(snapshot);
      const deadlines = deriveDeadlines(snapshot.context, calendar);
      const now = new Date();
      const row = m.create(CaseEntity, {
        agencyId: input.agencyId,
        ref,
        receivedOn: input.receivedOn,
        channel: input.channel,
        applicantCategory: input.applicant.category,
        ...facts,
        requestText: trimmed(input.request),
        requestedForm: trimmed(input.requestedForm),
        origin: input.origin ?? 'desk',
        machineId: CASE_MACHINE_ID,
        machineVersion: CASE_MACHINE_VERSION,
        snapshot: persistSnapshot(snapshot),
        ...stateColumns(status),
        closed: false,
        outcome: null,
        decidedOn: null,
        servedOn: null,
        flags: status.flags,
        deadlines,
        answerDueOn: deadlines.answer.dueOn,
        nextDueOn: nextDueOn(status, deadlines),
        assignedClerkId: input.assignedClerkId ?? null,
        version: 1,
        queryCode: generateQueryCode(),
        createdAt: now,
        updatedAt: now,
      });
      const saved = await m.save(CaseEntity, row);
      const event = await this.appendJournal(m, saved, {
        type: 'REGISTERED',
        machineEvent: false,
        payload: {
          ref,
          receivedOn: input.receivedOn,
          channel: input.channel,
          applicantCategory: input.applicant.category,
          applicantName: facts.applicantName,
          identityNumberHint: facts.applicantIdentityHint,
          // Only organisations have one; a citizen's registration row reads as before.
          ...(facts.applicantCreditCode ? { applicantCreditCode: facts.applicantCreditCode } : {}),
          request: saved.requestText,
          approvalSteps: steps,
          origin: saved.origin,
        },
        actor,
        occurredOn: input.receivedOn,
        basis: '第三十一条',
        stateAfter: status.state,
        seq: 1,
        prevHash: GENESIS_HASH,
      });
      return { case: saved, event, effects: [] };
    });
  }

  /**
   * Applies one event. Throws CaseError: not_found (unknown id, or outside `agencyIds`),
   * conflict (version moved on), refused (the machine said no, with its Chinese reason), invalid
   * (a date in the future).
   */
  async apply(
    caseId: string,
    input: CaseEventInput,
    actor: JournalActor,
    expectedVersion?: number,
    options: TransitionOptions = {},
  ): Promise<TransitionResult> {
    if (!isUuid(caseId)) throw caseNotFound();
    const today = this.today();
    for (const [field, value] of Object.entries(input)) {
      if (isLocalDate(value) && value > today && field !== 'dueOn' && field !== 'delayedAnswerOn') {
        throw invalid(`日期不能晚于今天（${today}）：${value}`, 'future_date');
      }
    }
    return this.inTransaction(options.manager, async (m) => {
      const { row, head, assigneeName } = await this.lockRow(m, caseId, options.agencyIds);
      checkVersion(row, expectedVersion);
      const calendar = await this.calendars.get(m);
      const snapshot = this.restore(row, calendar);
      const event = { ...input, actor: { id: actor.id, role: actor.role } } as unknown as CaseEvent;
      const result = applyCaseEvent(snapshot, event, calendar);
      if (!result.ok) throw new CaseError('refused', result.code, result.message);
      const { type, on, ...payload } = input;
      const status = caseStatus(result.snapshot);
      const written = await this.writeTransition(m, row, head, result.snapshot, result.deadlines, {
        type,
        machineEvent: true,
        payload: { ...payload, ...(result.effects.length ? { effects: result.effects } : {}) },
        actor,
        occurredOn: on,
        basis: result.basis,
        stateAfter: status.state,
      });
      return {
        case: written.case,
        event: written.event,
        effects: result.effects,
        snapshot: result.snapshot,
        calendar,
        assigneeName,
      };
    });
  }

  /**
   * Re-derives the deadlines of a case with the current calendar (Project rule 16) and journals a
   * DEADLINES_RECOMPUTED note when they changed. Returns whether they did.
   */
  async recomputeDeadlines(
    caseId: string,
    actor: JournalActor,
    reason: string,
    options: { manager?: EntityManager } = {},
  ): Promise<boolean> {
    return this.inTransaction(options.manager, async (m) => {
      const row = await this.lockCase(m, caseId);
      if (row.closed) return false;
      const calendar = await this.calendars.get(m);
      const { snapshot, changed } = this.rederive(row, calendar);
      if (!changed) return false;
      const before = row.answerDueOn;
      const updated = await this.saveSnapshot(m, row, snapshot, calendar);
      await this.appendJournal(m, updated, {
        type: 'DEADLINES_RECOMPUTED',
        machineEvent: false,
        payload: {
          reason,
          answerDueOnBefore: before,
          answerDueOnAfter: updated.answerDueOn,
          nextDueOnAfter: updated.nextDueOn,
        },
        actor,
        occurredOn: this.today(),
        basis: JOURNAL_NOTE_LABELS.DEADLINES_RECOMPUTED.basis ?? null,
        stateAfter: updated.state,
      });
      return true;
    });
  }

  /**
   * What recomputeDeadlines() would change if `calendar` were the calendar, for every open case,
   * without writing anything: an administrator sees a year's effect before loading it (Project
   * rule 16). Reads the open cases in batches by id, so a large register does not sit in memory.
   */
  async deadlineChanges(
    calendar: WorkingDayCalendar,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DeadlineChangeScan> {
    const changes: DeadlineChange[] = [];
    let openCasesChecked = 0;
    let casesFailed = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await manager
        .getRepository(CaseEntity)
        .createQueryBuilder('c')
        .where('NOT c.closed AND c.id > :after', { after })
        .orderBy('c.id')
        .limit(DEADLINE_SCAN_BATCH)
        .getMany();
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      for (const row of rows) {
        openCasesChecked++;
        try {
          const { snapshot, deadlines, changed } = this.rederive(row, calendar);
          if (!changed) continue;
          changes.push({
            caseId: row.id,
            agencyId: row.agencyId,
            ref: row.ref,
            state: row.state,
            answerDueOnBefore: row.answerDueOn,
            answerDueOnAfter: deadlines.answer.dueOn,
            nextDueOnBefore: row.nextDueOn,
            nextDueOnAfter: nextDueOn(caseStatus(snapshot), deadlines),
          });
        } catch {
          casesFailed++;
        }
      }
    }
    changes.sort((a, b) => a.ref.localeCompare(b.ref) || a.caseId.localeCompare(b.caseId));
    return { openCasesChecked, changes, casesFailed };
  }

  /** The case's snapshot and deadlines under `calendar`, and whether the deadlines moved. */
  private rederive(
    row: CaseEntity,
    calendar: WorkingDayCalendar,
  ): { snapshot: CaseSnapshot; deadlines: CaseDeadlines; changed: boolean } {
    const snapshot = this.restore(row, calendar);
    const deadlines = deriveDeadlines(snapshot.context, calendar);
    // jsonb does not keep key order: compare canonical forms.
    return {
      snapshot,
      deadlines,
      changed: canonicalJson(deadlines) !== canonicalJson(row.deadlines),
    };
  }

  /**
   * Hands a case to another clerk of its agency (改派): the row's version moves on and an
   * ASSIGNEE_CHANGED note names both clerks and the reason, so the journal still says who was
   * responsible on which day. Throws CaseError like apply(); refused when the case is finished,
   * the clerk already holds it, or the new one is not an active clerk of the case's agency.
   */
  async reassign(
    caseId: string,
    input: ReassignInput,
    actor: JournalActor,
    expectedVersion?: number,
    options: TransitionOptions = {},
  ): Promise<TransitionResult> {
    if (!isUuid(caseId)) throw caseNotFound();
    const reason = trimmed(input.reason);
    if (!reason) throw invalid('请填写改派理由');
    return this.inTransaction(options.manager, async (m) => {
      const row = await this.lockCase(m, caseId, options.agencyIds);
      checkVersion(row, expectedVersion);
      // A served or withdrawn case has nothing left to do; awaitingService still needs 送达.
      if (row.closed && row.state !== 'awaitingService') {
        throw new CaseError('refused', 'case_finished', '案件已办结，无需改派经办人');
      }
      if (row.assignedClerkId === input.assigneeId) {
        throw new CaseError('refused', 'same_assignee', '该案件已由所选人员经办');
      }
      const to = await this.assignee(m, row.agencyId, input.assigneeId);
      const [from] = (await m.query('SELECT id, display_name FROM users WHERE id = $1', [
        row.assignedClerkId,
      ])) as { id: string; display_name: string }[];
      const changes = {
        assignedClerkId: to.id,
        version: row.version + 1,
        updatedAt: new Date(),
      };
      const result = await m.update(CaseEntity, { id: row.id, version: row.version }, changes);
      if (result.affected !== 1) {
        throw new CaseError('conflict', 'version_conflict', '案件已被他人修改，请刷新后重试');
      }
      const updated = Object.assign(row, changes);
      const event = await this.appendJournal(m, updated, {
        type: 'ASSIGNEE_CHANGED',
        machineEvent: false,
        payload: {
          from: from ? { id: from.id, displayName: from.display_name } : null,
          to: { id: to.id, displayName: to.display_name },
          reason,
        },
        actor,
        occurredOn: this.today(),
        basis: null,
        stateAfter: updated.state,
      });
      return { case: updated, event, effects: [] };
    });
  }

  /**
   * Journals a note that leaves the procedure alone (an attachment added or withdrawn): locks the
   * row, bumps its version (the verifier counts one journal row per version) and appends the
   * hash-chained row. Pass the caller's transaction, so the note and what it records land together.
   */
  async appendNote(
    caseId: string,
    note: JournalNote,
    actor: JournalActor,
    options: TransitionOptions = {},
  ): Promise<{ case: CaseEntity; event: CaseEventEntity }> {
    if (!isUuid(caseId)) throw caseNotFound();
    return this.inTransaction(options.manager, async (m) => {
      const row = await this.lockCase(m, caseId, options.agencyIds);
      const changes = { version: row.version + 1, updatedAt: new Date() };
      const result = await m.update(CaseEntity, { id: row.id, version: row.version }, changes);
      if (result.affected !== 1) {
        throw new CaseError('conflict', 'version_conflict', '案件已被他人修改，请刷新后重试');
      }
      const updated = Object.assign(row, changes);
      const event = await this.appendJournal(m, updated, {
        type: note.type,
        machineEvent: false,
        payload: note.payload,
        actor,
        occurredOn: this.today(),
        basis: note.basis ?? null,
        stateAfter: updated.state,
      });
      return { case: updated, event };
    });
  }

  restore(row: CaseEntity, calendar: WorkingDayCalendar): CaseSnapshot {
    try {
      return restoreSnapshot(row.snapshot, calendar);
    } catch (error) {
      throw new CaseError('refused', 'invalid_snapshot', (error as Error).message);
    }
  }

  private async lockCase(
    m: EntityManager,
    caseId: string,
    agencyIds?: readonly string[],
  ): Promise<CaseEntity> {
    return (await this.lockRow(m, caseId, agencyIds)).row;
  }

  /**
   * Locks the case row (FOR UPDATE) and reads, in the same statement, the journal's last row.
   * That head is only trusted when its seq equals the row's version (one journal row per
   * version): a writer that committed while this statement waited for the lock leaves the row
   * re-read but the head as it was, and then writeTransition() reads the head again.
   */
  private async lockRow(
    m: EntityManager,
    caseId: string,
    agencyIds?: readonly string[],
  ): Promise<{ row: CaseEntity; head: JournalHead | null; assigneeName: string | null }> {
    const mapping = caseRowMapping(m);
    const [found] = (await m.query(mapping.lockSql, [caseId])) as Record<string, unknown>[];
    const row = found ? mapping.hydrate(found) : null;
    if (!row || (agencyIds && !agencyIds.includes(row.agencyId))) throw caseNotFound();
    const seq = found['journal_head_seq'] as number | null;
    const hash = found['journal_head_hash'] as string | null;
    return {
      row,
      head: seq !== null && hash !== null ? { seq, hash } : null,
      assigneeName: found['assignee_name'] as string | null,
    };
  }

  /** The journal's last row of a case; seq 0 and the genesis hash before the first. */
  private async journalHead(m: EntityManager, caseId: string): Promise<JournalHead> {
    const [last] = (await m.query(
      'SELECT seq, hash FROM case_events WHERE case_id = $1 ORDER BY seq DESC LIMIT 1',
      [caseId],
    )) as JournalHead[];
    return last ?? { seq: 0, hash: GENESIS_HASH };
  }

  /** The user, when it is an active clerk of the agency; refused (422) otherwise. */
  private async assignee(
    m: EntityManager,
    agencyId: string,
    userId: string,
  ): Promise<{ id: string; display_name: string }> {
    const [found] = isUuid(userId)
      ? ((await m.query(
          `SELECT id, display_name FROM users
            WHERE id = $1 AND agency_id = $2 AND active AND 'clerk' = ANY(roles)`,
          [userId, agencyId],
        )) as { id: string; display_name: string }[])
      : [];
    if (!found) {
      throw new CaseError(
        'refused',
        'invalid_assignee',
        '经办人须为本案所属机关在岗的经办人员，请重新选择',
      );
    }
    return found;
  }

  private async saveSnapshot(
    m: EntityManager,
    row: CaseEntity,
    snapshot: CaseSnapshot,
    calendar: WorkingDayCalendar,
  ): Promise<CaseEntity> {
    const changes = snapshotChanges(row, snapshot, deriveDeadlines(snapshot.context, calendar));
    const result = await m.update(CaseEntity, { id: row.id, version: row.version }, changes);
    if (result.affected !== 1) {
      throw new CaseError('conflict', 'version_conflict', '案件已被他人修改，请刷新后重试');
    }
    return Object.assign(row, changes);
  }

  private async appendJournal(
    m: EntityManager,
    row: CaseEntity,
    entry: JournalEntry & { seq?: number; prevHash?: string },
  ): Promise<CaseEventEntity> {
    const head =
      entry.seq === undefined || entry.prevHash === undefined
        ? await this.journalHead(m, row.id)
        : { seq: entry.seq - 1, hash: entry.prevHash };
    const { fields } = journalRow(row, entry, head);
    return m.save(CaseEventEntity, m.create(CaseEventEntity, fields));
  }

  /**
   * What saveSnapshot() and appendJournal() do for apply(), in one statement: the row update
   * (version checked) and, only if it updated the row, the hash-chained journal row.
   */
  private async writeTransition(
    m: EntityManager,
    row: CaseEntity,
    lockedHead: JournalHead | null,
    snapshot: CaseSnapshot,
    deadlines: CaseDeadlines,
    entry: JournalEntry,
  ): Promise<{ case: CaseEntity; event: CaseEventEntity }> {
    const head =
      lockedHead && lockedHead.seq === row.version ? lockedHead : await this.journalHead(m, row.id);
    const changes = snapshotChanges(row, snapshot, deadlines);
    const journal = journalRow(row, entry, head);
    const [inserted] = (await m.query(WRITE_TRANSITION_SQL, [
      row.id,
      row.version,
      ...CASE_CHANGE_KEYS.map((k) => sqlValue(changes[k])),
      ...JOURNAL_KEYS.map((k) =>
        k === 'payload' ? journal.payloadJson : sqlValue(journal.fields[k]),
      ),
    ])) as { id: string }[];
    if (!inserted) {
      throw new CaseError('conflict', 'version_conflict', '案件已被他人修改，请刷新后重试');
    }
    return {
      case: Object.assign(row, changes),
      event: Object.assign(new CaseEventEntity(), journal.fields, { id: inserted.id }),
    };
  }

  private async nextRef(
    m: EntityManager,
    agencyId: string,
    receivedOn: LocalDate,
  ): Promise<string> {
    const year = yearOf(receivedOn);
    const [row] = (await m.query(
      `SELECT coalesce(max(substring(ref from '^${year}-(\\d+)$')::int), 0) AS n
         FROM cases WHERE agency_id = $1 AND ref ~ '^${year}-\\d+$'`,
      [agencyId],
    )) as { n: number }[];
    return `${year}-${String(row.n + 1).padStart(4, '0')}`;
  }

  /** Checks the registration facts every caller must respect (the API also checks them first). */
  private checkRegistration(input: RegisterCaseInput) {
    if (!isUuid(input.agencyId)) throw invalid('机关不存在');
    if (!isLocalDate(input.receivedOn)) throw invalid('收到申请日期格式不正确，应为 YYYY-MM-DD');
    const today = this.today();
    if (input.receivedOn > today)
      throw invalid(`收到申请日期不能晚于今天（${today}）`, 'future_date');
    if (!isChannel(input.channel)) throw invalid(`未知的申请方式：${String(input.channel)}`);
    if (!isApplicantCategory(input.applicant?.category)) {
      throw invalid(`未知的申请人类型：${String(input.applicant?.category)}`);
    }
    let phone = trimmed(input.applicant.phone);
    if (phone) {
      const checked = validatePhoneNumber(phone);
      if (!checked.valid) throw invalid(checked.message, 'invalid_phone');
      phone = checked.normalised;
    }
    const identity = trimmed(input.applicant.identityNumber);
    let cipherText: string | null = null;
    let hint: string | null = null;
    if (identity) {
      const checked = validateResidentId(identity);
      if (!checked.valid) throw invalid(checked.message, 'invalid_identity_number');
      cipherText = this.cipher.encrypt(checked.normalised);
      hint = maskIdentityNumber(checked.normalised);
    }
    let creditCode = trimmed(input.applicant.creditCode);
    if (creditCode) {
      // Art. 29 (一): a citizen proves identity with the 公民身份号码; the credit code is the
      // identity of a legal person or other organisation only.
      if (input.applicant.category === 'natural_person') {
        throw invalid(
          '自然人申请的，无需填写统一社会信用代码；以组织名义申请的，请先选择相应的申请人类型',
          'credit_code_for_natural_person',
        );
      }
      const checked = validateCreditCode(creditCode);
      if (!checked.valid) throw invalid(checked.message, 'invalid_credit_code');
      creditCode = checked.normalised;
    }
    return {
      applicantName: trimmed(input.applicant.name),
      applicantPhone: phone,
      applicantEmail: trimmed(input.applicant.email),
      applicantAddress: trimmed(input.applicant.address),
      applicantIdentityCipher: cipherText,
      applicantIdentityHint: hint,
      applicantCreditCode: creditCode,
      applicantContact:
        input.applicant.category === 'natural_person'
          ? null
          : trimmed(input.applicant.contactPerson),
    };
  }
}
