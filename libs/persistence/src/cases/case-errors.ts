/**
 * Why a case operation did not happen, in Chinese for the clerk. The API maps the kind to a
 * status (invalid 400, forbidden 403, not_found 404, conflict 409, too_large 413, refused 422);
 * the CLI and the worker print or log the message.
 */
export type CaseErrorKind =
  'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'refused';

export class CaseError extends Error {
  constructor(
    readonly kind: CaseErrorKind,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CaseError';
  }
}

export const caseNotFound = (): CaseError =>
  new CaseError('not_found', 'case_not_found', '案件不存在');
