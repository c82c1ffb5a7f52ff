import type { EntityManager } from 'typeorm';
import type { LocalDate } from '@gongkai/domain';
import { CaseEntity } from '../entities/case.entity';
import { IdentityRevealEntity } from '../entities/identity-reveal.entity';
import { isUuid } from './case-transition.repository';
import { answerOwedSql } from './answer-owed.sql';

/** Columns the case list may be sorted by. */
export type CaseSortKey =
  'receivedOn' | 'answerDueOn' | 'nextDueOn' | 'ref' | 'updatedAt' | 'decidedOn';

const SORT_COLUMNS: Record<CaseSortKey, string> = {
  receivedOn: 'c.received_on',
  answerDueOn: 'c.answer_due_on',
  nextDueOn: 'c.next_due_on',
  ref: 'c.ref',
  updatedAt: 'c.updated_at',
  decidedOn: 'c.decided_on',
};

/** A filter of the case list, already resolved to the caller's agencies and dates. */
export interface CaseListFilter {
  readonly agencyIds: readonly string[];
  /** open, closed, awaitingFee (every open case with an unpaid notice) or a state column value. */
  readonly state?: string;
  /** Open cases whose answer deadline is before `today` (overdue) or within [today, until]. */
  readonly due?:
    | { readonly kind: 'overdue'; readonly today: LocalDate }
    | { readonly kind: 'dueSoon'; readonly today: LocalDate; readonly until: LocalDate };
  readonly year?: number;
  readonly category?: string;
  readonly outcome?: string;
  /** `none`: unassigned; else a user id. */
  readonly assignee?: string;
  readonly q?: string;
  readonly sort: CaseSortKey;
  readonly order: 'asc' | 'desc';
  readonly page: number;
  readonly pageSize: number;
}

/** A journal row with the actor's display name, as the timeline shows it. */
export interface TimelineRow {
  seq: number;
  type: string;
  machine_event: boolean;
  occurred_on: string;
  recorded_at: Date;
  actor_id: string;
  actor_role: string;
  display_name: string | null;
  basis: string | null;
  state_after: string;
  payload: Record<string, unknown>;
  hash: string;
}

/** The reads of the desk's case pages (list, 我的待办, approvals, detail, timeline). */
export class CaseReadRepository {
  constructor(private readonly m: EntityManager) {}

  findById(id: string): Promise<CaseEntity | null> {
    return isUuid(id)
      ? this.m.getRepository(CaseEntity).findOne({ where: { id } })
      : Promise.resolve(null);
  }

  /** Display names of the given users, by id. */
  /** The case an applicant's 查询码 names (the public status look-up). */
  findByQueryCode(queryCode: string): Promise<CaseEntity | null> {
    return this.m.getRepository(CaseEntity).findOne({ where: { queryCode } });
  }

  async displayNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const users = (await this.m.query(
      'SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])',
      [ids],
    )) as { id: string; display_name: string }[];
    return new Map(users.map((u) => [u.id, u.display_name]));
  }

  /**
   * The user's open cases, most urgent first: past the answer deadline, then by the next date
   * something falls due.
   */
  myOpenCases(
    agencyIds: readonly string[],
    userId: string,
    today: LocalDate,
    limit: number,
  ): Promise<[CaseEntity[], number]> {
    return this.m
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.agency_id = ANY(:agencies::uuid[])', { agencies: agencyIds })
      .andWhere('c.assigned_clerk_id = :me AND NOT c.closed', { me: userId })
      .orderBy('coalesce(c.answer_due_on < :today, false)', 'DESC')
      .addOrderBy('c.next_due_on', 'ASC', 'NULLS LAST')
      .addOrderBy('c.answer_due_on', 'ASC', 'NULLS LAST')
      .addOrderBy('c.ref', 'ASC')
      .setParameter('today', today)
      .take(limit)
      .getManyAndCount();
  }

  list(filter: CaseListFilter): Promise<[CaseEntity[], number]> {
    const qb = this.m
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.agency_id = ANY(:agencies::uuid[])', { agencies: filter.agencyIds });
    if (filter.state === 'open') qb.andWhere('NOT c.closed');
    else if (filter.state === 'closed') qb.andWhere('c.closed');
    // 待缴费 means every open case with an unpaid notice, also one that is consulting meanwhile.
    else if (filter.state === 'awaitingFee')
      qb.andWhere(`NOT c.closed AND c.fee_state = 'awaiting'`);
    else if (filter.state) qb.andWhere('c.state = :state', { state: filter.state });
    if (filter.due?.kind === 'overdue') {
      qb.andWhere(`${answerOwedSql('c.')} AND c.answer_due_on < :today`, {
        today: filter.due.today,
      });
    } else if (filter.due?.kind === 'dueSoon') {
      qb.andWhere('NOT c.closed AND c.answer_due_on BETWEEN :today AND :until', {
        today: filter.due.today,
        until: filter.due.until,
      });
    }
    if (filter.year) {
      qb.andWhere('c.received_on BETWEEN :from AND :to', {
        from: `${filter.year}-01-01`,
        to: `${filter.year}-12-31`,
      });
    }
    if (filter.category)
      qb.andWhere('c.applicant_category = :category', { category: filter.category });
    if (filter.outcome) qb.andWhere('c.outcome = :outcome', { outcome: filter.outcome });
    if (filter.assignee === 'none') qb.andWhere('c.assigned_clerk_id IS NULL');
    else if (filter.assignee) {
      qb.andWhere('c.assigned_clerk_id = :assignee', { assignee: filter.assignee });
    }
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      qb.andWhere(
        '(c.ref ILIKE :like OR c.applicant_name ILIKE :like OR c.request_text ILIKE :like)',
        { like },
      );
    }
    const direction = filter.order === 'asc' ? 'ASC' : 'DESC';
    qb.orderBy(SORT_COLUMNS[filter.sort], direction, 'NULLS LAST')
      .addOrderBy('c.ref', direction)
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize);
    return qb.getManyAndCount();
  }

  /** Open cases of the agencies waiting for a decision approval or an extension decision. */
  awaitingApproval(agencyIds: readonly string[]): Promise<CaseEntity[]> {
    return this.m
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.agency_id = ANY(:agencies::uuid[])', { agencies: agencyIds })
      .andWhere(
        `NOT c.closed AND (c.state = 'awaitingApproval' OR c.extension_state = 'requested')`,
      )
      .orderBy('c.answer_due_on', 'ASC', 'NULLS LAST')
      .addOrderBy('c.ref', 'ASC')
      .getMany();
  }

  async timeline(caseId: string): Promise<TimelineRow[]> {
    return (await this.m.query(
      `SELECT e.seq, e.type, e.machine_event, to_char(e.occurred_on, 'YYYY-MM-DD') AS occurred_on,
              e.recorded_at, e.actor_id, e.actor_role, u.display_name, e.basis, e.state_after,
              e.payload, e.hash
         FROM case_events e LEFT JOIN users u ON u.id::text = e.actor_id
        WHERE e.case_id = $1 ORDER BY e.seq`,
      [caseId],
    )) as TimelineRow[];
  }

  recordIdentityReveal(reveal: Omit<IdentityRevealEntity, 'id'>): Promise<IdentityRevealEntity> {
    return this.m.getRepository(IdentityRevealEntity).save(reveal);
  }
}
