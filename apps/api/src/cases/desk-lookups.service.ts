import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClerkOption, DashboardFigures, IdentityRevealRow } from '@gongkai/contracts';
import { answerOwedSql, ApprovalPolicyEntity } from '@gongkai/persistence';
import { type SessionUser } from '../auth/session-user';
import { CasesService } from './cases.service';

/** How many of "my open cases" the workbench lists; `total` counts them all. */
const MY_CASES_SHOWN = 20;

export type { DashboardFigures, IdentityRevealRow } from '@gongkai/contracts';

/** Read-only figures and lists for the desk's workbench, audit and settings pages. */
@Injectable()
export class DeskLookupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
  ) {}

  async dashboard(user: SessionUser, year: number, today: string): Promise<DashboardFigures> {
    const agencies = user.scopeAgencyIds;
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const [intake, outcomes, timeliness, open, myCases] = await Promise.all([
      this.db.query(
        `SELECT extract(month FROM received_on)::int AS month, channel, count(*)::int AS count
           FROM cases WHERE agency_id = ANY($1::uuid[]) AND received_on BETWEEN $2 AND $3
          GROUP BY 1, 2 ORDER BY 1, 2`,
        [agencies, from, to],
      ) as Promise<DashboardFigures['intake']>,
      this.db.query(
        `SELECT outcome, count(*)::int AS count
           FROM cases WHERE agency_id = ANY($1::uuid[]) AND outcome IS NOT NULL
            AND decided_on BETWEEN $2 AND $3
          GROUP BY 1 ORDER BY 2 DESC`,
        [agencies, from, to],
      ) as Promise<DashboardFigures['outcomes']>,
      this.db.query(
        `SELECT count(*)::int AS served,
                count(*) FILTER (WHERE coalesce((flags->>'answeredLate')::boolean, false))::int AS late
           FROM cases WHERE agency_id = ANY($1::uuid[]) AND served_on BETWEEN $2 AND $3`,
        [agencies, from, to],
      ) as Promise<DashboardFigures['timeliness'][]>,
      this.db.query(
        // Overdue is the domain's isOverdue: a decision not yet served is still a late answer.
        `SELECT count(*) FILTER (WHERE NOT closed)::int AS total,
                count(*) FILTER (WHERE answer_due_on < $2)::int AS overdue
           FROM cases WHERE agency_id = ANY($1::uuid[]) AND ${answerOwedSql()}`,
        [agencies, today],
      ) as Promise<DashboardFigures['open'][]>,
      this.cases.myOpenCases(user, MY_CASES_SHOWN),
    ]);
    return {
      year,
      intake,
      outcomes,
      timeliness: timeliness[0] ?? { served: 0, late: 0 },
      open: open[0] ?? { total: 0, overdue: 0 },
      myCases,
    };
  }

  /** Who a case of the user's agency can be assigned to: its active clerks, by name. */
  async clerks(user: SessionUser): Promise<ClerkOption[]> {
    return (await this.db.query(
      `SELECT id, display_name AS "displayName" FROM users
        WHERE agency_id = $1 AND active AND 'clerk' = ANY(roles)
        ORDER BY display_name, username`,
      [user.agencyId],
    )) as ClerkOption[];
  }

  /** Who saw which full identity number (DESIGN.md, Security), newest first. */
  async identityReveals(user: SessionUser, caseId?: string): Promise<IdentityRevealRow[]> {
    const rows = (await this.db.query(
      `SELECT r.id::text AS id, r.case_id AS "caseId", c.ref AS "caseRef",
              c.applicant_name AS "applicantName", r.user_id AS "userId",
              u.display_name AS "userName", r.reason, r.revealed_at AS "revealedAt"
         FROM identity_reveals r
         JOIN cases c ON c.id = r.case_id
         LEFT JOIN users u ON u.id = r.user_id
        WHERE r.agency_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR r.case_id = $2::uuid)
        ORDER BY r.revealed_at DESC LIMIT 500`,
      [user.scopeAgencyIds, caseId ?? null],
    )) as (Omit<IdentityRevealRow, 'revealedAt'> & { revealedAt: Date })[];
    return rows.map((r) => ({ ...r, revealedAt: new Date(r.revealedAt).toISOString() }));
  }

  async approvalPolicy(user: SessionUser): Promise<{ agencyId: string; decisionSteps: number }> {
    const row = await this.db
      .getRepository(ApprovalPolicyEntity)
      .findOne({ where: { agencyId: user.agencyId } });
    return { agencyId: user.agencyId, decisionSteps: row?.decisionSteps ?? 1 };
  }

  /** Applies to cases registered from now on: a running case keeps the chain it started with. */
  async setApprovalPolicy(user: SessionUser, decisionSteps: number) {
    await this.db
      .getRepository(ApprovalPolicyEntity)
      .upsert(
        { agencyId: user.agencyId, decisionSteps, updatedBy: user.id, updatedAt: new Date() },
        ['agencyId'],
      );
    return this.approvalPolicy(user);
  }
}
