import { Injectable } from '@nestjs/common';
import type { ClerkOption, DashboardFigures, IdentityRevealRow } from '@gongkai/contracts';
import {
  ListClerks,
  ListIdentityReveals,
  ManageApprovalPolicy,
  ReadDeskFigures,
} from '@gongkai/application';
import { type SessionUser } from '../auth/session-user';
import { CasesService } from './cases.service';

/** How many of "my open cases" the workbench lists; `total` counts them all. */
const MY_CASES_SHOWN = 20;

export type { DashboardFigures, IdentityRevealRow } from '@gongkai/contracts';

/** Read-only figures and lists for the desk's workbench, audit and settings pages. */
@Injectable()
export class DeskLookupsService {
  constructor(
    private readonly cases: CasesService,
    private readonly figures: ReadDeskFigures,
    private readonly clerkList: ListClerks,
    private readonly reveals: ListIdentityReveals,
    private readonly policy: ManageApprovalPolicy,
  ) {}

  async dashboard(user: SessionUser, year: number, today: string): Promise<DashboardFigures> {
    const [figures, myCases] = await Promise.all([
      this.figures.execute(user, year, today),
      this.cases.myOpenCases(user, MY_CASES_SHOWN),
    ]);
    return { ...figures, myCases };
  }

  /** Who a case of the user's agency can be assigned to: its active clerks, by name. */
  clerks(user: SessionUser): Promise<ClerkOption[]> {
    return this.clerkList.execute(user);
  }

  /** Who saw which full identity number (DESIGN.md, Security), newest first. */
  identityReveals(user: SessionUser, caseId?: string): Promise<IdentityRevealRow[]> {
    return this.reveals.execute(user, caseId);
  }

  approvalPolicy(user: SessionUser): Promise<{ agencyId: string; decisionSteps: number }> {
    return this.policy.read(user);
  }

  /** Applies to cases registered from now on: a running case keeps the chain it started with. */
  setApprovalPolicy(user: SessionUser, decisionSteps: number) {
    return this.policy.set(user, decisionSteps);
  }
}
