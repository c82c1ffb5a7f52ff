import type { DataSource } from 'typeorm';
import { UserEntity } from '@gongkai/persistence';
import type { CreateUserRequest } from '@gongkai/contracts';
import { ApplicationError } from '../common/application-error';
import type { Clock } from '../common/clock';
import { acceptableNewPassword } from '../auth/password-change';
import { toUserView, type UserAdministrator, type UserView } from './user-view';

const UNIQUE_VIOLATION = '23505';

function usernameTaken(username: string): ApplicationError {
  return new ApplicationError('conflict', `用户名 ${username} 已被使用`, {
    code: 'username_taken',
    fieldErrors: [{ field: 'username', message: `用户名 ${username} 已被使用` }],
  });
}

/**
 * An administrator creates a user of an agency it reads. The username is unique by the
 * database's index: two concurrent creations get one 201 and one 409, never a 500.
 */
export class CreateUser {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(admin: UserAdministrator, body: CreateUserRequest): Promise<UserView> {
    const agencyId = body.agencyId ?? admin.agencyId;
    if (!admin.scopeAgencyIds.includes(agencyId)) {
      throw new ApplicationError('not_found', '机关不存在', { code: 'agency_not_found' });
    }
    const now = this.clock.now();
    try {
      return await this.db.transaction(async (m) => {
        if (await m.getRepository(UserEntity).exists({ where: { username: body.username } })) {
          throw usernameTaken(body.username);
        }
        const passwordHash = await acceptableNewPassword(m, {
          userId: null,
          username: body.username,
          password: body.password,
          field: 'password',
        });
        const user = m.getRepository(UserEntity).create({
          username: body.username,
          displayName: body.displayName,
          passwordHash,
          passwordChangedAt: now,
          roles: [...new Set(body.roles)],
          email: body.email ?? null,
          agencyId,
          subtreeScope: body.subtreeScope ?? false,
        });
        await m.getRepository(UserEntity).save(user);
        await m.query(
          'INSERT INTO password_history (user_id, password_hash, changed_at) VALUES ($1, $2, $3)',
          [user.id, passwordHash, now],
        );
        return toUserView(user, now);
      });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw usernameTaken(body.username);
      }
      throw error;
    }
  }
}
