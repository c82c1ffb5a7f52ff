import type { DataSource } from 'typeorm';
import { fieldError } from '../common/application-error';
import type { Clock } from '../common/clock';
import { acceptableNewPassword, storeNewPassword } from './password-change';
import { verifyPassword } from './password-hasher';
import { startSession } from './sessions';

export interface ChangeOwnPasswordCommand {
  readonly userId: string;
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly client: string;
  readonly userAgent?: string;
}

/**
 * A signed-in user changes their own password: the current one is asked again, the new one
 * passes the policy and the history, every session of the user ends (the one asking too), and a
 * new session token is returned so the user stays signed in where they changed it.
 */
export class ChangeOwnPassword {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(command: ChangeOwnPasswordCommand): Promise<{ token: string }> {
    const [user] = (await this.db.query(
      'SELECT id, username, password_hash FROM users WHERE id = $1 AND active',
      [command.userId],
    )) as { id: string; username: string; password_hash: string }[];
    if (!user || !(await verifyPassword(user.password_hash, command.currentPassword))) {
      throw fieldError('currentPassword', '当前密码不正确', 'wrong_current_password');
    }
    const now = this.clock.now();
    return this.db.transaction(async (m) => {
      const hash = await acceptableNewPassword(m, {
        userId: user.id,
        username: user.username,
        password: command.newPassword,
        field: 'newPassword',
      });
      await storeNewPassword(m, user.id, hash, now);
      const token = await startSession(m, {
        userId: user.id,
        now,
        client: command.client,
        ...(command.userAgent ? { userAgent: command.userAgent } : {}),
      });
      return { token };
    });
  }
}
