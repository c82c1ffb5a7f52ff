import type { DataSource } from 'typeorm';
import { UserEntity } from '@gongkai/persistence';
import type { UpdateUserRequest } from '@gongkai/contracts';
import { ApplicationError } from '../common/application-error';
import type { Clock } from '../common/clock';
import { acceptableNewPassword, storeNewPassword } from '../auth/password-change';
import { endSessionsOf } from '../auth/sessions';
import { toUserView, type UserAdministrator, type UserView } from './user-view';

/**
 * An administrator changes a user of an agency it reads. A password reset or a deactivation
 * ends every session of that user at once (the session check reads them on every request).
 */
export class UpdateUser {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(admin: UserAdministrator, id: string, body: UpdateUserRequest): Promise<UserView> {
    const now = this.clock.now();
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user || !admin.scopeAgencyIds.includes(user.agencyId)) {
        throw new ApplicationError('not_found', '用户不存在', { code: 'user_not_found' });
      }
      if (
        user.id === admin.id &&
        (body.active === false || (body.roles && !body.roles.includes('admin')))
      ) {
        throw new ApplicationError('invalid', '不能停用自己或取消自己的管理员角色', {
          code: 'self_lockout',
        });
      }
      if (body.password !== undefined) {
        const hash = await acceptableNewPassword(m, {
          userId: user.id,
          username: user.username,
          password: body.password,
          field: 'password',
        });
        await storeNewPassword(m, user.id, hash, now);
        user.passwordHash = hash;
        user.passwordChangedAt = now;
        user.failedLogins = 0;
        user.lockedUntil = null;
      }
      if (body.displayName !== undefined) user.displayName = body.displayName;
      if (body.roles !== undefined) user.roles = [...new Set(body.roles)];
      if (body.active !== undefined) user.active = body.active;
      if (body.email !== undefined) user.email = body.email;
      if (body.subtreeScope !== undefined) user.subtreeScope = body.subtreeScope;
      if (body.unlock) {
        user.lockedUntil = null;
        user.failedLogins = 0;
      }
      await repo.save(user);
      if (body.active === false) await endSessionsOf(m, user.id, now);
      return toUserView(user, now);
    });
  }
}
