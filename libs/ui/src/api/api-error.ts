/** A field error as the API reports it: which field, and what is wrong with it, in Chinese. */
export interface FieldError {
  field: string;
  message: string;
}

/** The error body every API route returns: `{statusCode, error, message, fieldErrors?}`. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  fieldErrors?: FieldError[];
}

/**
 * A failed API call. `message` is the API's own (Chinese) message, ready to show to a clerk;
 * `body` keeps the whole response so callers such as the health badge can read more than the
 * message (a 503 from /api/health still carries the per-service details).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];
  readonly body: unknown;

  constructor(
    message: string,
    options: { status: number; code?: string; fieldErrors?: FieldError[]; body?: unknown },
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code ?? 'Error';
    this.fieldErrors = options.fieldErrors ?? [];
    this.body = options.body;
  }

  /** The message of one field, for putting under that form item. */
  fieldMessage(field: string): string | undefined {
    return this.fieldErrors.find((f) => f.field === field)?.message;
  }
}

/** Status 0: the request never got an HTTP answer (network down, API not running). */
export const NETWORK_ERROR_STATUS = 0;
