import { HttpException, HttpStatus, Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerModuleOptions } from '@nestjs/throttler';

/** Named throttlers: submissions, status look-ups and public reads are counted separately. */
export const APPLY_THROTTLER = 'onlineApply';
export const STATUS_THROTTLER = 'onlineStatus';
export const PUBLIC_READ_THROTTLER = 'publicRead';
export const ALL_THROTTLERS = [APPLY_THROTTLER, STATUS_THROTTLER, PUBLIC_READ_THROTTLER] as const;

/** For @SkipThrottle: every named throttler except the one a route is counted by. */
export function onlyThrottler(name: (typeof ALL_THROTTLERS)[number]): Record<string, boolean> {
  return Object.fromEntries(ALL_THROTTLERS.filter((t) => t !== name).map((t) => [t, true]));
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function lastForwardedFor(req: Record<string, unknown>): string | undefined {
  const headers = req['headers'] as Record<string, string | string[] | undefined> | undefined;
  const raw = headers?.['x-forwarded-for'];
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  // The right-most entry is the one our own proxy appended; the others are the client's word.
  return value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .pop();
}

/**
 * The public routes' limits, read from the environment when the API starts:
 * ONLINE_APPLY_RATE_LIMIT (default 5) submissions and ONLINE_STATUS_RATE_LIMIT (default 10)
 * look-ups per ONLINE_RATE_WINDOW_SECONDS (default 60) per client address, and PUBLIC_READ_RATE_LIMIT
 * (default 120) reads of the public report site in the same window. Behind a reverse proxy
 * set ONLINE_RATE_LIMIT_TRUST_PROXY=1 to count by the address the proxy saw (X-Forwarded-For).
 */
export function publicThrottlerOptions(
  env: NodeJS.ProcessEnv = process.env,
): ThrottlerModuleOptions {
  const ttl = positive(env['ONLINE_RATE_WINDOW_SECONDS'], 60) * 1000;
  const trustProxy = env['ONLINE_RATE_LIMIT_TRUST_PROXY'] === '1';
  return {
    throttlers: [
      { name: APPLY_THROTTLER, ttl, limit: positive(env['ONLINE_APPLY_RATE_LIMIT'], 5) },
      { name: STATUS_THROTTLER, ttl, limit: positive(env['ONLINE_STATUS_RATE_LIMIT'], 10) },
      { name: PUBLIC_READ_THROTTLER, ttl, limit: positive(env['PUBLIC_READ_RATE_LIMIT'], 120) },
    ],
    getTracker: (req) =>
      (trustProxy ? lastForwardedFor(req) : undefined) ?? String(req['ip'] ?? 'unknown'),
  };
}

/** The throttler guard with the API's error body: 429 and a message a citizen understands. */
@Injectable()
export class PublicThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(_context: ExecutionContext): Promise<void> {
    throw new HttpException(
      { message: '操作过于频繁，请稍后再试', code: 'too_many_requests' },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
