import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** Only the SHA-256 of a session token is stored: a database read gives no usable cookie. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new session of the user; returns the token for the cookie. */
export async function startSession(
  m: Pick<EntityManager, 'query'>,
  input: { userId: string; now: Date; client: string; userAgent?: string },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await m.query(
    `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, ended_at, ip, user_agent)
     VALUES ($1, $2, $3, $3, NULL, $4, $5)`,
    [
      hashToken(token),
      input.userId,
      input.now,
      input.client,
      input.userAgent?.slice(0, 300) ?? null,
    ],
  );
  return token;
}

export async function endSessionsOf(
  m: Pick<EntityManager, 'query'>,
  userId: string,
  now: Date,
): Promise<void> {
  await m.query('UPDATE sessions SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL', [
    userId,
    now,
  ]);
}
