import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { UserRole } from '@gongkai/persistence';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { ResolveSession } from '@gongkai/application';
import { sessionToken } from './session-cookie';
import { type SessionUser } from './session-user';

/**
 * Global: every route needs a live session unless marked @Public(), and the roles named by
 * @Roles() where given. Scope (which agencies) is the services' job, per query.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: ResolveSession,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<Request & { user?: SessionUser }>();
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets);
    const token = sessionToken(request);
    const user = token ? await this.sessions.execute(token) : null;
    if (user) request.user = user;
    if (isPublic) return true;
    if (!user) throw new UnauthorizedException('未登录或会话已过期，请重新登录');
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((r) => user.roles.includes(r))) {
      throw new ForbiddenException('您的角色无权执行此操作');
    }
    return true;
  }
}
