/** POST /api/journal/verifications: the `journal.verify` job to poll at GET /api/jobs/:id. */
export interface JournalVerificationAccepted {
  jobId: string;
}

/** A finding of the journal audit (libs/application journal-finding.ts), as the desk lists it. */
export interface JournalFindingView {
  agencyId: string;
  agencyCode: string;
  caseId: string;
  ref: string;
  field: string;
  stored: unknown;
  replayed: unknown;
  message: string;
}

/** The result of a `journal.verify` job. */
export interface JournalAuditView {
  ok: boolean;
  startedAt: string;
  finishedAt: string;
  agenciesChecked: number;
  casesChecked: number;
  eventsChecked: number;
  findingCount: number;
  findings: JournalFindingView[];
  checkpoints: {
    id: string | null;
    agencyCode: string | null;
    takenAt: string;
    fingerprint: string;
    root: string;
  }[];
}

/** GET /api/journal/checkpoints: signed checkpoints covering the user's agencies, newest first. */
export interface JournalCheckpointView {
  id: string;
  agencyCode: string | null;
  takenAt: string;
  caseCount: number;
  eventCount: number;
  root: string;
  fingerprint: string;
  publicKey: string;
  /** Whether this user may download it (every agency it lists is in the user's scope). */
  downloadable: boolean;
}

export interface JournalCheckpointsResponse {
  items: JournalCheckpointView[];
}
