import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { UserRole } from '@gongkai/persistence';
import type { SessionUser } from './session-user';

export const ROLES_KEY = 'gongkai:roles';
export const PUBLIC_KEY = 'gongkai:public';

/** The route needs a session with at least one of these roles (checked by the global guard). */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

/** The route needs no session (health, login, the public site). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): SessionUser => {
    const request = ctx.switchToHttp().getRequest<{ user?: SessionUser }>();
    if (!request.user) throw new Error('CurrentUser used on a route without a session');
    return request.user;
  },
);
