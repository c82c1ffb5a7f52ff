import type { DataSource } from 'typeorm';
import { passwordExpired } from '@gongkai/domain';
import { ApplicationError } from '../common/application-error';
import type { Clock } from '../common/clock';
import type { AttemptCounter } from './attempt-counter';
import { verifyAgainstDummy, verifyPassword } from './password-hasher';
import { startSession } from './sessions';

/** DESIGN.md "Security": lockout after repeated failures. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export interface SignInPolicy {
  /** Failed logins one client address may make per window before it is refused (429). */
  readonly clientLimit: number;
  readonly clientWindowMs: number;
  /** PASSWORD_MAX_AGE_DAYS; null: passwords do not expire. */
  readonly passwordMaxAgeDays: number | null;
}

export interface SignInCommand {
  readonly username: string;
  readonly password: string;
  readonly client: string;
  readonly userAgent?: string;
}

export const INVALID_LOGIN = '用户名或密码错误';

const tooMany = (message: string, code: string) =>
  new ApplicationError('too_many_requests', message, { code });

interface UserRow {
  id: string;
  password_hash: string;
  active: boolean;
  password_changed_at: Date;
}

/**
 * Signs a user in and returns a new session token. The limits are checked before argon2 runs,
 * each as one atomic update: the client address's failures (in the shared counter), then the
 * account's (`failed_logins`, reserved by UPDATE … RETURNING so parallel guesses cannot all read
 * the same count). An unknown or deactivated username costs one dummy verification, so both
 * answers take as long.
 */
export class SignIn {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly attempts: AttemptCounter,
    private readonly policy: SignInPolicy,
  ) {}

  async execute(command: SignInCommand): Promise<{ token: string; userId: string }> {
    const clientKey = `login:client:${command.client}`;
    if (
      !(await this.attempts.reserve(clientKey, this.policy.clientLimit, this.policy.clientWindowMs))
    ) {
      throw tooMany('登录尝试过于频繁，请稍后再试', 'too_many_requests');
    }
    const now = this.clock.now();
    const [user] = (await this.db.query(
      'SELECT id, password_hash, active, password_changed_at FROM users WHERE username = $1',
      [command.username],
    )) as UserRow[];
    if (!user || !user.active) {
      await verifyAgainstDummy(command.password);
      throw new ApplicationError('unauthorized', INVALID_LOGIN, { code: 'invalid_login' });
    }
    const reserved = (await this.db.query(
      `UPDATE users SET failed_logins = failed_logins + 1
        WHERE id = $1 AND failed_logins < $2 AND (locked_until IS NULL OR locked_until <= $3)
        RETURNING failed_logins`,
      [user.id, MAX_FAILED_LOGINS, now],
    )) as [{ failed_logins: number }[], number];
    const attempt = reserved[0][0]?.failed_logins;
    if (attempt === undefined) throw await this.locked(user.id, now);
    if (!(await verifyPassword(user.password_hash, command.password))) {
      if (attempt >= MAX_FAILED_LOGINS) {
        await this.db.query('UPDATE users SET failed_logins = 0, locked_until = $2 WHERE id = $1', [
          user.id,
          new Date(now.getTime() + LOCKOUT_MINUTES * 60_000),
        ]);
        throw tooMany(
          `连续${MAX_FAILED_LOGINS}次登录失败，账户已锁定${LOCKOUT_MINUTES}分钟`,
          'account_locked',
        );
      }
      throw new ApplicationError('unauthorized', INVALID_LOGIN, { code: 'invalid_login' });
    }
    await this.db.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [
      user.id,
    ]);
    await this.attempts.release(clientKey);
    if (passwordExpired(new Date(user.password_changed_at), now, this.policy.passwordMaxAgeDays)) {
      throw new ApplicationError(
        'forbidden',
        `密码已超过${this.policy.passwordMaxAgeDays}天未更换，请联系管理员重置密码`,
        { code: 'password_expired' },
      );
    }
    const token = await startSession(this.db, {
      userId: user.id,
      now,
      client: command.client,
      ...(command.userAgent ? { userAgent: command.userAgent } : {}),
    });
    return { token, userId: user.id };
  }

  private async locked(userId: string, now: Date): Promise<ApplicationError> {
    const [row] = (await this.db.query('SELECT locked_until FROM users WHERE id = $1', [
      userId,
    ])) as { locked_until: Date | null }[];
    const until = row?.locked_until ? new Date(row.locked_until).getTime() : now.getTime();
    const minutes = Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
    return tooMany(`登录失败次数过多，账户已锁定，请${minutes}分钟后再试`, 'account_locked');
  }
}
