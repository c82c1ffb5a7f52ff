import { createHash, randomBytes } from 'node:crypto';
import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgencyEntity, SessionEntity, UserEntity } from '@gongkai/persistence';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { type Clock, InjectClock } from '../common/clock';
import { verifyPassword } from './password';
import { type SessionUser } from './session-user';

export const SESSION_COOKIE = 'gongkai_session';
/** DESIGN.md "Security": lockout after repeated failures. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/** Refresh last_seen_at at most this often, so reads do not each write. */
const TOUCH_EVERY_MS = 60_000;
/**
 * A resolved session is reused for this long within one process, so a request costs no session
 * queries. Logout clears it at once here; another process sees a logout, a deactivation or a role
 * change within this time.
 */
const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;

interface CachedSession {
  user: SessionUser;
  lastSeenAt: number;
  cachedAt: number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const INVALID_LOGIN = '用户名或密码错误';

@Injectable()
export class AuthService {
  private readonly cache = new Map<string, CachedSession>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** Returns a new session token. Failures count towards the lockout even for a right password. */
  async login(
    username: string,
    password: string,
    meta: { ip?: string; userAgent?: string },
  ): Promise<string> {
    const users = this.db.getRepository(UserEntity);
    const user = await users.findOne({ where: { username } });
    const now = this.clock.now();
    if (!user || !user.active) {
      // Same answer as a wrong password: do not reveal which usernames exist.
      throw new UnauthorizedException(INVALID_LOGIN);
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
      throw new HttpException(
        { message: `登录失败次数过多，账户已锁定，请${minutes}分钟后再试` },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      const failed = user.failedLogins + 1;
      const locked = failed >= MAX_FAILED_LOGINS;
      await users.update(
        { id: user.id },
        {
          failedLogins: locked ? 0 : failed,
          lockedUntil: locked
            ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000)
            : user.lockedUntil,
        },
      );
      if (locked) {
        throw new HttpException(
          { message: `连续${MAX_FAILED_LOGINS}次登录失败，账户已锁定${LOCKOUT_MINUTES}分钟` },
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
      throw new UnauthorizedException(INVALID_LOGIN);
    }
    await users.update({ id: user.id }, { failedLogins: 0, lockedUntil: null });
    const token = randomBytes(32).toString('base64url');
    await this.db.getRepository(SessionEntity).insert({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      endedAt: null,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  async logout(token: string): Promise<void> {
    this.cache.delete(hashToken(token));
    await this.db
      .getRepository(SessionEntity)
      .update({ tokenHash: hashToken(token) }, { endedAt: this.clock.now() });
  }

  /** The session's user, or null when the token is unknown, ended or idle too long. */
  async resolve(token: string): Promise<SessionUser | null> {
    const tokenHash = hashToken(token);
    const now = this.clock.now().getTime();
    const cached = this.cache.get(tokenHash);
    if (
      cached &&
      now - cached.cachedAt < SESSION_CACHE_MS &&
      now - cached.lastSeenAt < TOUCH_EVERY_MS &&
      now >= cached.cachedAt
    ) {
      return cached.user;
    }
    this.cache.delete(tokenHash);
    const user = await this.resolveFromDatabase(tokenHash);
    if (user) {
      if (this.cache.size >= SESSION_CACHE_MAX) this.cache.clear();
      this.cache.set(tokenHash, { ...user, cachedAt: now });
      return user.user;
    }
    return null;
  }

  private async resolveFromDatabase(
    tokenHash: string,
  ): Promise<{ user: SessionUser; lastSeenAt: number } | null> {
    const sessions = this.db.getRepository(SessionEntity);
    const session = await sessions.findOne({ where: { tokenHash } });
    if (!session || session.endedAt) return null;
    const now = this.clock.now();
    const idleLimit = session.lastSeenAt.getTime() + this.config.sessionIdleMinutes * 60_000;
    if (now.getTime() > idleLimit) {
      await sessions.update({ tokenHash: session.tokenHash }, { endedAt: now });
      return null;
    }
    const user = await this.db.getRepository(UserEntity).findOne({ where: { id: session.userId } });
    if (!user || !user.active) return null;
    let lastSeenAt = session.lastSeenAt.getTime();
    if (now.getTime() - lastSeenAt > TOUCH_EVERY_MS) {
      await sessions.update({ tokenHash: session.tokenHash }, { lastSeenAt: now });
      lastSeenAt = now.getTime();
    }
    return { user: await this.sessionUser(user), lastSeenAt };
  }

  async sessionUser(user: UserEntity): Promise<SessionUser> {
    const agencies = this.db.getRepository(AgencyEntity);
    const agency = await agencies.findOneOrFail({ where: { id: user.agencyId } });
    const scope = user.subtreeScope
      ? (
          await agencies
            .createQueryBuilder('a')
            .select('a.id', 'id')
            .where('a.path LIKE :prefix', { prefix: `${agency.path}%` })
            .getRawMany<{ id: string }>()
        ).map((a) => a.id)
      : [agency.id];
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      agencyId: agency.id,
      agencyCode: agency.code,
      agencyName: agency.name,
      scopeAgencyIds: scope,
      writeAgencyIds: [agency.id],
    };
  }
}
