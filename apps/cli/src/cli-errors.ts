/**
 * Exit codes scripts can rely on: 0 done, 1 a check or an operation failed, 2 bad usage.
 * Machine-readable output goes to stdout alone; logs and progress go to stderr.
 */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Thrown by a command for bad arguments that commander cannot catch itself. */
export class UsageError extends Error {}

/** Progress and logs: standard error only, so standard output stays machine-readable. */
export function log(message: string): void {
  process.stderr.write(message + '\n');
}
