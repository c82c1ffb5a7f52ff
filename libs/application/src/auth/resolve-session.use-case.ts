import type { DataSource } from 'typeorm';
import type { UserRole } from '@gongkai/persistence';
import type { Clock } from '../common/clock';
import type { SessionUser } from './session-user';
import { hashToken } from './sessions';

/** An agency's read scope is reused this long: a new child agency joins a supervisor's scope within it. */
const SCOPE_CACHE_MS = 5_000;
const SCOPE_CACHE_MAX = 10_000;

interface SessionRow {
  id: string;
  username: string;
  display_name: string;
  roles: UserRole[];
  agency_id: string;
  subtree_scope: boolean;
}

interface AgencyScope {
  code: string;
  name: string;
  root: boolean;
  scope: string[];
  at: number;
}

/**
 * The session's user, or null when the token is unknown, ended, idle for longer than the limit
 * or its user deactivated. One statement both checks and refreshes last-seen, so idle expiry is
 * exact to the request (a session used every 10 s lives under a one-minute limit) and an ended
 * session or a deactivated user is refused by every API instance at once.
 */
export class ResolveSession {
  private readonly scopes = new Map<string, AgencyScope>();

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly idleMinutes: number,
  ) {}

  async execute(token: string): Promise<SessionUser | null> {
    const now = this.clock.now();
    const rows = (await this.db.query(
      `UPDATE sessions s SET last_seen_at = $2
         FROM users u
        WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.last_seen_at >= $3
          AND u.id = s.user_id AND u.active
        RETURNING u.id, u.username, u.display_name, u.roles, u.agency_id, u.subtree_scope`,
      [hashToken(token), now, new Date(now.getTime() - this.idleMinutes * 60_000)],
    )) as [SessionRow[], number];
    const user = rows[0][0];
    if (!user) return null;
    const agency = await this.scopeOf(user.agency_id, user.subtree_scope, now.getTime());
    return {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      roles: user.roles,
      agencyId: user.agency_id,
      agencyCode: agency.code,
      agencyName: agency.name,
      rootAgency: agency.root,
      scopeAgencyIds: agency.scope,
      writeAgencyIds: [user.agency_id],
    };
  }

  private async scopeOf(agencyId: string, subtree: boolean, now: number): Promise<AgencyScope> {
    const key = `${agencyId}:${subtree}`;
    const cached = this.scopes.get(key);
    if (cached && now - cached.at < SCOPE_CACHE_MS && now >= cached.at) return cached;
    const [agency] = (await this.db.query(
      'SELECT code, name, path, parent_id FROM agencies WHERE id = $1',
      [agencyId],
    )) as { code: string; name: string; path: string; parent_id: string | null }[];
    if (!agency) throw new Error(`agency ${agencyId} of a signed-in user does not exist`);
    const scope = subtree
      ? (
          (await this.db.query('SELECT id FROM agencies WHERE path LIKE $1 ORDER BY path', [
            `${agency.path}%`,
          ])) as { id: string }[]
        ).map((a) => a.id)
      : [agencyId];
    const entry = {
      code: agency.code,
      name: agency.name,
      root: agency.parent_id === null,
      scope,
      at: now,
    };
    if (this.scopes.size >= SCOPE_CACHE_MAX) this.scopes.clear();
    this.scopes.set(key, entry);
    return entry;
  }
}
