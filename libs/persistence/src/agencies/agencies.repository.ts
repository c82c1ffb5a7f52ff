import { In, type EntityManager } from 'typeorm';
import { AgencyEntity } from '../entities/agency.entity';

/** The agency tree as the administrators manage it. */
export class AgenciesRepository {
  constructor(private readonly m: EntityManager) {}

  /** The agencies of `ids`, in tree order (by materialised path). */
  inTreeOrder(ids: readonly string[]): Promise<AgencyEntity[]> {
    return this.m
      .getRepository(AgencyEntity)
      .find({ where: { id: In([...ids]) }, order: { path: 'ASC' } });
  }

  /** The user's agency, and its subtree when the user supervises it, as the tree is now. */
  async scopeOfUser(userId: string): Promise<string[]> {
    const rows = (await this.m.query(
      `SELECT a.id FROM users u JOIN agencies own ON own.id = u.agency_id
         JOIN agencies a ON a.id = own.id OR (u.subtree_scope AND a.path LIKE own.path || '%')
        WHERE u.id = $1`,
      [userId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  codeTaken(code: string): Promise<boolean> {
    return this.m.getRepository(AgencyEntity).exists({ where: { code } });
  }

  get(id: string, options: { lock?: boolean } = {}): Promise<AgencyEntity> {
    return this.m.getRepository(AgencyEntity).findOneOrFail({
      where: { id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async insert(agency: AgencyEntity): Promise<void> {
    await this.m.getRepository(AgencyEntity).insert(agency);
  }

  /** Moves a subtree: every path under `from` starts with `to` instead, in one statement. */
  async movePaths(from: string, to: string): Promise<void> {
    await this.m.query(
      `UPDATE agencies SET path = $2 || substr(path, length($1) + 1) WHERE path LIKE $1 || '%'`,
      [from, to],
    );
  }

  async update(id: string, changes: Partial<AgencyEntity>): Promise<void> {
    await this.m.getRepository(AgencyEntity).update({ id }, changes);
  }
}
