import { In, type DataSource } from 'typeorm';
import { UserEntity } from '@gongkai/persistence';
import type { Clock } from '../common/clock';
import { toUserView, type UserAdministrator, type UserView } from './user-view';

/** The users of the agencies the administrator reads, by username. */
export class ListUsers {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(admin: UserAdministrator): Promise<UserView[]> {
    const rows = await this.db
      .getRepository(UserEntity)
      .find({ where: { agencyId: In([...admin.scopeAgencyIds]) }, order: { username: 'ASC' } });
    const now = this.clock.now();
    return rows.map((u) => toUserView(u, now));
  }
}
