/**
 * One thing the journal audit found: which case (agency and ref, as auditors name cases), which
 * field, what the database holds and what the journal says it should hold.
 */
export interface JournalFinding {
  readonly agencyId: string;
  readonly agencyCode: string;
  readonly caseId: string;
  readonly ref: string;
  /** `chain`, `replay`, a case column (`outcome`, `decidedOn`, …) or `checkpoint`. */
  readonly field: string;
  readonly stored: unknown;
  readonly replayed: unknown;
  /** What it means, in Chinese, for the auditor. */
  readonly message: string;
}

export type CaseIdentity = Pick<JournalFinding, 'agencyId' | 'agencyCode' | 'caseId' | 'ref'>;

export function finding(
  of: CaseIdentity,
  field: string,
  stored: unknown,
  replayed: unknown,
  message: string,
): JournalFinding {
  return {
    agencyId: of.agencyId,
    agencyCode: of.agencyCode,
    caseId: of.caseId,
    ref: of.ref,
    field,
    stored: stored === undefined ? null : stored,
    replayed: replayed === undefined ? null : replayed,
    message,
  };
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '（空）';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One line per finding, for the CLI and the alert text. */
export function findingLine(f: JournalFinding): string {
  return `${f.agencyCode} ${f.ref} [${f.field}] ${f.message}（库中：${shown(f.stored)}；日志重放：${shown(f.replayed)}）`;
}
