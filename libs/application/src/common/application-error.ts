/** A field a refusal is about, with a message a clerk can act on (the desk shows it under it). */
export interface ApplicationFieldError {
  readonly field: string;
  readonly message: string;
}

export type ApplicationErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  /** Well-formed, but the rules refuse it (422). */
  | 'refused'
  | 'too_many_requests';

/**
 * A use case's refusal, in Chinese, with its kind; the apps map the kind to their own answer
 * (an HTTP status, a CLI exit code). Anything else a use case throws is a defect.
 */
export class ApplicationError extends Error {
  constructor(
    readonly kind: ApplicationErrorKind,
    message: string,
    readonly details: {
      readonly code?: string;
      readonly fieldErrors?: readonly ApplicationFieldError[];
      /** Further facts the client may show (e.g. each problem of an arrangement). */
      readonly [key: string]: unknown;
    } = {},
  ) {
    super(message);
    this.name = 'ApplicationError';
  }
}

/** A 400 about one field. */
export function fieldError(field: string, message: string, code?: string): ApplicationError {
  return new ApplicationError('invalid', message, {
    ...(code ? { code } : {}),
    fieldErrors: [{ field, message }],
  });
}
