import type { EntityManager } from 'typeorm';
import { PASSWORD_HISTORY_DEPTH, PASSWORD_REUSED_MESSAGE, passwordProblems } from '@gongkai/domain';
import { fieldError } from '../common/application-error';
import { isCommonPassword } from './common-passwords';
import { hashPassword, verifyPassword } from './password-hasher';
import { endSessionsOf } from './sessions';

/**
 * A new password checked against the policy (domain) and, for an existing user, against the
 * last PASSWORD_HISTORY_DEPTH passwords; returns its hash. 400 on the given field otherwise.
 */
export async function acceptableNewPassword(
  m: EntityManager,
  input: { userId: string | null; username: string; password: string; field: string },
): Promise<string> {
  const problems = passwordProblems(input.password, {
    username: input.username,
    isCommon: isCommonPassword,
  });
  if (problems.length) throw fieldError(input.field, problems.join('；'), 'weak_password');
  if (input.userId) {
    for (const hash of await recentHashes(m, input.userId)) {
      if (await verifyPassword(hash, input.password)) {
        throw fieldError(input.field, PASSWORD_REUSED_MESSAGE, 'password_reused');
      }
    }
  }
  return hashPassword(input.password);
}

/**
 * The current password's hash and those before it, newest first (by insertion: clocks may
 * differ), at most the history depth. A user without history has only the current one.
 */
async function recentHashes(m: EntityManager, userId: string): Promise<string[]> {
  const history = (await m.query(
    'SELECT password_hash FROM password_history WHERE user_id = $1 ORDER BY id DESC LIMIT $2',
    [userId, PASSWORD_HISTORY_DEPTH],
  )) as { password_hash: string }[];
  if (history.length) return history.map((r) => r.password_hash);
  const current = (await m.query('SELECT password_hash FROM users WHERE id = $1', [userId])) as {
    password_hash: string;
  }[];
  return current.map((r) => r.password_hash);
}

/**
 * Stores a user's new password and ends every session of the user (等保: a changed or reset
 * password must lock out whoever held the old one). A user with no history yet (made before
 * the history existed, or by a seed) gets the outgoing password recorded first.
 */
export async function storeNewPassword(
  m: EntityManager,
  userId: string,
  hash: string,
  now: Date,
): Promise<void> {
  await m.query(
    `INSERT INTO password_history (user_id, password_hash, changed_at)
     SELECT id, password_hash, password_changed_at FROM users u
      WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM password_history h WHERE h.user_id = u.id)`,
    [userId],
  );
  await m.query(
    'UPDATE users SET password_hash = $2, password_changed_at = $3, failed_logins = 0, locked_until = NULL WHERE id = $1',
    [userId, hash, now],
  );
  await m.query(
    'INSERT INTO password_history (user_id, password_hash, changed_at) VALUES ($1, $2, $3)',
    [userId, hash, now],
  );
  await endSessionsOf(m, userId, now);
}
