import { type CaseListItem, type Page } from './case-view.schema';

/**
 * `GET /api/dashboard?year=`: the workbench's figures. `open.overdue` counts the domain's
 * `isOverdue` (answer owed past its deadline); 按时答复率 is `onTimeRate({ ...timeliness,
 * overdue: open.overdue })`.
 */
export interface DashboardFigures {
  year: number;
  /** Applications received in the year, by month (1–12) and channel. */
  intake: { month: number; channel: string; count: number }[];
  /** Cases decided in the year, by outcome (the rows of section 三). */
  outcomes: { outcome: string; count: number }[];
  /** Cases served in the year: on time, or after the answer deadline (Project rule 2). */
  timeliness: { served: number; late: number };
  open: { total: number; overdue: number };
  /** The user's open cases (as 经办人), overdue first, then by the next due date. */
  myCases: Page<CaseListItem>;
}

/** `GET /api/identity-reveals`: who saw which full identity number, newest first. */
export interface IdentityRevealRow {
  id: string;
  caseId: string;
  caseRef: string;
  applicantName: string | null;
  userId: string;
  userName: string | null;
  reason: string | null;
  revealedAt: string;
}

/** `GET /api/cases/similar`: the applicant's earlier cases asking much the same (重复申请). */
export interface SimilarCase {
  id: string;
  ref: string;
  receivedOn: string;
  state: string;
  closed: boolean;
  outcome: string | null;
  request: string | null;
  /** 0–1: how alike the two requests read (character bigrams, Dice coefficient). */
  similarity: number;
}

/** `POST /api/cases/:id/identity/reveal`: the full number, journaled as a reveal. */
export interface IdentityRevealResponse {
  identityNumber: string;
  revealedAt: string;
}
