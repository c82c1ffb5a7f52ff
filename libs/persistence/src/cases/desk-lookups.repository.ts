import type { EntityManager } from 'typeorm';
import { ApprovalPolicyEntity } from '../entities/approval-policy.entity';
import { CaseEntity } from '../entities/case.entity';
import { answerOwedSql } from './answer-owed.sql';

/** The workbench's counts for one year, over the agencies in scope. */
export interface DeskYearFigures {
  intake: { month: number; channel: string; count: number }[];
  outcomes: { outcome: string; count: number }[];
  timeliness: { served: number; late: number }[];
  open: { total: number; overdue: number }[];
}

export interface ClerkRow {
  id: string;
  displayName: string;
}

/** The desk's read-only look-ups: workbench figures, clerks, identity reveals, approval policy. */
export class DeskLookupsRepository {
  constructor(private readonly m: EntityManager) {}

  async yearFigures(
    agencies: readonly string[],
    from: string,
    to: string,
    today: string,
  ): Promise<DeskYearFigures> {
    const [intake, outcomes, timeliness, open] = await Promise.all([
      this.m.query(
        `SELECT extract(month FROM received_on)::int AS month, channel, count(*)::int AS count
           FROM cases WHERE agency_id = ANY($1::uuid[]) AND received_on BETWEEN $2 AND $3
          GROUP BY 1, 2 ORDER BY 1, 2`,
        [agencies, from, to],
      ) as Promise<DeskYearFigures['intake']>,
      this.m.query(
        `SELECT outcome, count(*)::int AS count
           FROM cases WHERE agency_id = ANY($1::uuid[]) AND outcome IS NOT NULL
            AND decided_on BETWEEN $2 AND $3
          GROUP BY 1 ORDER BY 2 DESC`,
        [agencies, from, to],
      ) as Promise<DeskYearFigures['outcomes']>,
      this.m.query(
        `SELECT count(*)::int AS served,
                count(*) FILTER (WHERE coalesce((flags->>'answeredLate')::boolean, false))::int AS late
           FROM cases WHERE agency_id = ANY($1::uuid[]) AND served_on BETWEEN $2 AND $3`,
        [agencies, from, to],
      ) as Promise<DeskYearFigures['timeliness']>,
      this.m.query(
        // Overdue is the domain's isOverdue: a decision not yet served is still a late answer.
        `SELECT count(*) FILTER (WHERE NOT closed)::int AS total,
                count(*) FILTER (WHERE answer_due_on < $2)::int AS overdue
           FROM cases WHERE agency_id = ANY($1::uuid[]) AND ${answerOwedSql()}`,
        [agencies, today],
      ) as Promise<DeskYearFigures['open']>,
    ]);
    return { intake, outcomes, timeliness, open };
  }

  /** The agency's active clerks, by name. */
  async activeClerks(agencyId: string): Promise<ClerkRow[]> {
    return (await this.m.query(
      `SELECT id, display_name AS "displayName" FROM users
        WHERE agency_id = $1 AND active AND 'clerk' = ANY(roles)
        ORDER BY display_name, username`,
      [agencyId],
    )) as ClerkRow[];
  }

  /**
   * Who saw which full identity number, newest first (the latest 500): id, caseId, caseRef,
   * applicantName, userId, userName, reason and revealedAt (a Date), in the caller's row type.
   */
  async identityReveals<Row>(agencies: readonly string[], caseId: string | null): Promise<Row[]> {
    return (await this.m.query(
      `SELECT r.id::text AS id, r.case_id AS "caseId", c.ref AS "caseRef",
              c.applicant_name AS "applicantName", r.user_id AS "userId",
              u.display_name AS "userName", r.reason, r.revealed_at AS "revealedAt"
         FROM identity_reveals r
         JOIN cases c ON c.id = r.case_id
         LEFT JOIN users u ON u.id = r.user_id
        WHERE r.agency_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR r.case_id = $2::uuid)
        ORDER BY r.revealed_at DESC LIMIT 500`,
      [agencies, caseId],
    )) as Row[];
  }

  approvalPolicy(agencyId: string): Promise<ApprovalPolicyEntity | null> {
    return this.m.getRepository(ApprovalPolicyEntity).findOne({ where: { agencyId } });
  }

  async setApprovalPolicy(row: ApprovalPolicyEntity): Promise<void> {
    await this.m.getRepository(ApprovalPolicyEntity).upsert(row, ['agencyId']);
  }

  /** Cases of one applicant by name (trimmed, case-insensitive), newest first. */
  casesOfApplicant(
    agencies: readonly string[],
    applicant: string,
    limit: number,
  ): Promise<CaseEntity[]> {
    return this.m
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.agency_id = ANY(:agencies::uuid[])', { agencies })
      .andWhere('lower(btrim(c.applicant_name)) = lower(:applicant)', { applicant })
      .orderBy('c.received_on', 'DESC')
      .addOrderBy('c.ref', 'DESC')
      .take(limit)
      .getMany();
  }
}
