import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { UserEntity, type UserRole } from '@gongkai/persistence';
import type { CreateUserRequest, UpdateUserRequest } from '@gongkai/contracts';
import { hashPassword, passwordProblem } from '../auth/password';
import { type SessionUser } from '../auth/session-user';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: UserRole[];
  email: string | null;
  agencyId: string;
  subtreeScope: boolean;
  active: boolean;
  locked: boolean;
}

function view(u: UserEntity, now: Date): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    email: u.email,
    agencyId: u.agencyId,
    subtreeScope: u.subtreeScope,
    active: u.active,
    locked: !!u.lockedUntil && u.lockedUntil > now,
  };
}

@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(admin: SessionUser): Promise<UserView[]> {
    const rows = await this.db
      .getRepository(UserEntity)
      .find({ where: { agencyId: In(admin.scopeAgencyIds) }, order: { username: 'ASC' } });
    const now = new Date();
    return rows.map((u) => view(u, now));
  }

  async create(admin: SessionUser, body: CreateUserRequest): Promise<UserView> {
    const agencyId = body.agencyId ?? admin.agencyId;
    if (!admin.scopeAgencyIds.includes(agencyId)) throw new NotFoundException('机关不存在');
    const problem = passwordProblem(body.password);
    if (problem)
      throw new BadRequestException({
        message: problem,
        fieldErrors: [{ field: 'password', message: problem }],
      });
    const repo = this.db.getRepository(UserEntity);
    if (await repo.exists({ where: { username: body.username } })) {
      throw new ConflictException(`用户名 ${body.username} 已被使用`);
    }
    const user = repo.create({
      username: body.username,
      displayName: body.displayName,
      passwordHash: await hashPassword(body.password),
      roles: [...new Set(body.roles)],
      email: body.email ?? null,
      agencyId,
      subtreeScope: body.subtreeScope ?? false,
    });
    await repo.save(user);
    return view(user, new Date());
  }

  async update(admin: SessionUser, id: string, body: UpdateUserRequest): Promise<UserView> {
    const repo = this.db.getRepository(UserEntity);
    const user = await repo.findOne({ where: { id } });
    if (!user || !admin.scopeAgencyIds.includes(user.agencyId))
      throw new NotFoundException('用户不存在');
    if (
      user.id === admin.id &&
      (body.active === false || (body.roles && !body.roles.includes('admin')))
    ) {
      throw new BadRequestException('不能停用自己或取消自己的管理员角色');
    }
    if (body.password !== undefined) {
      const problem = passwordProblem(body.password);
      if (problem)
        throw new BadRequestException({
          message: problem,
          fieldErrors: [{ field: 'password', message: problem }],
        });
      user.passwordHash = await hashPassword(body.password);
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
    return view(user, new Date());
  }
}
