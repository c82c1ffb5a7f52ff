import type { EntityManager } from 'typeorm';
import type { CaseDeadlines, CaseFlags, LocalDate, PersistedCaseSnapshot } from '@gongkai/domain';
import { CaseEntity } from '../entities/case.entity';
import { CaseEventEntity } from '../entities/case-event.entity';
import { CaseError, caseNotFound } from './case-errors';
import { GENESIS_HASH, journalHash } from './journal-hash';
import type { JournalActor } from './case-transitions.port';

/** The last journal row of a case: the next one takes seq + 1 and chains to its hash. */
export interface JournalHead {
  readonly seq: number;
  readonly hash: string;
}

/** A journal row to append, before its seq, chain and hash are known. */
export interface JournalEntry {
  readonly type: string;
  readonly machineEvent: boolean;
  readonly payload: Record<string, unknown>;
  readonly actor: JournalActor;
  readonly occurredOn: LocalDate;
  readonly basis: string | null;
  readonly stateAfter: string;
}

/** The row's columns after the machine moved: state, outcome, dates, deadlines, version + 1. */
export interface CaseChanges {
  readonly snapshot: PersistedCaseSnapshot;
  readonly state: string;
  readonly feeState: string;
  readonly extensionState: string;
  readonly closed: boolean;
  readonly outcome: string | null;
  readonly decidedOn: LocalDate | null;
  readonly servedOn: LocalDate | null;
  readonly flags: CaseFlags;
  readonly deadlines: CaseDeadlines;
  readonly answerDueOn: LocalDate | null;
  readonly nextDueOn: LocalDate | null;
  readonly version: number;
  readonly updatedAt: Date;
}

/** The locked row, the journal head read with it, and the 经办人's display name. */
export interface LockedCase {
  readonly row: CaseEntity;
  readonly head: JournalHead | null;
  readonly assigneeName: string | null;
}

/** A user as the transition path names it (经办人 before and after 改派). */
export interface NamedUser {
  readonly id: string;
  readonly display_name: string;
}

/** The journal row's columns and its hash, chained to `head`. */
export function journalRow(
  row: Pick<CaseEntity, 'id' | 'agencyId'>,
  entry: JournalEntry,
  head: JournalHead,
) {
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

export type JournalFields = ReturnType<typeof journalRow>['fields'];

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
      hydrate: (raw) =>
        Object.assign(
          new CaseEntity(),
          Object.fromEntries(columns.map((c) => [c.property, raw[c.name]])),
        ),
    };
    caseRowMappings.set(metadata, mapping);
  }
  return mapping;
}

const versionConflict = () =>
  new CaseError('conflict', 'version_conflict', '案件已被他人修改，请刷新后重试');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** How many open cases openCasesAfter() reads at a time. */
export const OPEN_CASE_BATCH = 500;

/**
 * Every SQL statement of the transition path (the use cases in @gongkai/application decide;
 * this writes). Each method runs on the manager it is given, so the caller's transaction holds.
 */
export class CaseTransitionRepository {
  /**
   * Locks the case row (FOR UPDATE) and reads, in the same statement, the journal's last row.
   * That head is only trusted when its seq equals the row's version (one journal row per
   * version): a writer that committed while this statement waited for the lock leaves the row
   * re-read but the head as it was, and then writeTransition() reads the head again.
   * Another agency's case (outside `agencyIds`) is reported as not found.
   */
  async lock(m: EntityManager, caseId: string, agencyIds?: readonly string[]): Promise<LockedCase> {
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
  async journalHead(m: EntityManager, caseId: string): Promise<JournalHead> {
    const [last] = (await m.query(
      'SELECT seq, hash FROM case_events WHERE case_id = $1 ORDER BY seq DESC LIMIT 1',
      [caseId],
    )) as JournalHead[];
    return last ?? { seq: 0, hash: GENESIS_HASH };
  }

  /** Serialises registrations of one agency until the transaction ends (sequential refs). */
  async lockAgencyRegister(m: EntityManager, agencyId: string): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cases:${agencyId}`]);
  }

  /** The agency's next `YYYY-NNNN` register number for the year of `receivedOn`. */
  async nextRef(m: EntityManager, agencyId: string, year: number): Promise<string> {
    const [row] = (await m.query(
      `SELECT coalesce(max(substring(ref from '^${year}-(\\d+)$')::int), 0) AS n
         FROM cases WHERE agency_id = $1 AND ref ~ '^${year}-\\d+$'`,
      [agencyId],
    )) as { n: number }[];
    return `${year}-${String(row.n + 1).padStart(4, '0')}`;
  }

  async refTaken(m: EntityManager, agencyId: string, ref: string): Promise<boolean> {
    const taken = await m.query('SELECT 1 FROM cases WHERE agency_id = $1 AND ref = $2', [
      agencyId,
      ref,
    ]);
    return taken.length > 0;
  }

  /** The agency's decision approval steps (its approval policy), or null without a policy. */
  async decisionSteps(m: EntityManager, agencyId: string): Promise<number | null> {
    const [policy] = (await m.query(
      'SELECT decision_steps FROM approval_policies WHERE agency_id = $1',
      [agencyId],
    )) as { decision_steps: number }[];
    return policy?.decision_steps ?? null;
  }

  /** The user, when it is an active clerk of the agency; null otherwise. */
  async activeClerk(m: EntityManager, agencyId: string, userId: string): Promise<NamedUser | null> {
    if (!isUuid(userId)) return null;
    const [found] = (await m.query(
      `SELECT id, display_name FROM users
        WHERE id = $1 AND agency_id = $2 AND active AND 'clerk' = ANY(roles)`,
      [userId, agencyId],
    )) as NamedUser[];
    return found ?? null;
  }

  async user(m: EntityManager, userId: string | null): Promise<NamedUser | null> {
    const [found] = (await m.query('SELECT id, display_name FROM users WHERE id = $1', [
      userId,
    ])) as NamedUser[];
    return found ?? null;
  }

  /** Inserts a new case row. */
  insertCase(m: EntityManager, fields: Partial<CaseEntity>): Promise<CaseEntity> {
    return m.save(CaseEntity, m.create(CaseEntity, fields));
  }

  /** Updates the locked row's columns if its version is still `row.version` (409 otherwise). */
  async update<C extends Partial<CaseEntity>>(
    m: EntityManager,
    row: CaseEntity,
    changes: C,
  ): Promise<CaseEntity & C> {
    const result = await m.update(CaseEntity, { id: row.id, version: row.version }, changes);
    if (result.affected !== 1) throw versionConflict();
    return Object.assign(row, changes);
  }

  /** Appends the hash-chained journal row; `head` when the caller knows it (a new case). */
  async appendJournal(
    m: EntityManager,
    row: CaseEntity,
    entry: JournalEntry,
    head?: JournalHead,
  ): Promise<CaseEventEntity> {
    const { fields } = journalRow(row, entry, head ?? (await this.journalHead(m, row.id)));
    return m.save(CaseEventEntity, m.create(CaseEventEntity, fields));
  }

  /**
   * The row update (version checked) and, only if it updated the row, the hash-chained journal
   * row, in one statement: the hot path of every event.
   */
  async writeTransition(
    m: EntityManager,
    locked: LockedCase,
    changes: CaseChanges,
    entry: JournalEntry,
  ): Promise<{ case: CaseEntity; event: CaseEventEntity }> {
    const { row, head: lockedHead } = locked;
    const head =
      lockedHead && lockedHead.seq === row.version ? lockedHead : await this.journalHead(m, row.id);
    const journal = journalRow(row, entry, head);
    const [inserted] = (await m.query(WRITE_TRANSITION_SQL, [
      row.id,
      row.version,
      ...CASE_CHANGE_KEYS.map((k) => sqlValue(changes[k])),
      ...JOURNAL_KEYS.map((k) =>
        k === 'payload' ? journal.payloadJson : sqlValue(journal.fields[k]),
      ),
    ])) as { id: string }[];
    if (!inserted) throw versionConflict();
    return {
      case: Object.assign(row, changes),
      event: Object.assign(new CaseEventEntity(), journal.fields, { id: inserted.id }),
    };
  }

  /** Open cases with an id after `after`, by id, OPEN_CASE_BATCH at a time (keyset paging). */
  openCasesAfter(m: EntityManager, after: string): Promise<CaseEntity[]> {
    return m
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('NOT c.closed AND c.id > :after', { after })
      .orderBy('c.id')
      .limit(OPEN_CASE_BATCH)
      .getMany();
  }
}
