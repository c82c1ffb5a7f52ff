/**
 * PostgreSQL and driver failures by what they mean to the client. SQLSTATE classes 08
 * (connection exception) and 57P (operator intervention: shutdown, crash recovery), 53300 (too
 * many connections) and the node socket errors mean "the database is not there right now".
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '53300',
  '57P01',
  '57P02',
  '57P03',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|not queryable|Driver not Connected/i;

export type DatabaseFailure = 'unique_violation' | 'unavailable' | null;

export function databaseFailure(error: unknown): DatabaseFailure {
  if (!error || typeof error !== 'object') return null;
  const e = error as { code?: unknown; driverError?: { code?: unknown }; message?: unknown };
  const code = String(e.driverError?.code ?? e.code ?? '');
  if (code === '23505') return 'unique_violation';
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('08')) return 'unavailable';
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return 'unavailable';
  return null;
}
