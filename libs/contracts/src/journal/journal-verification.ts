/** One journal row that does not chain or replay as stored. */
export interface BrokenLink {
  caseId: string;
  ref?: string;
  seq: number;
  reason?: string;
  [key: string]: unknown;
}

/** `GET /api/cases/:id/journal/verify` and `GET /api/journal/verify`. */
export interface JournalVerification {
  ok: boolean;
  casesChecked: number;
  eventsChecked: number;
  firstBroken: BrokenLink | null;
  broken: BrokenLink[];
}
