import { randomUUID } from 'node:crypto';
import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AgencyEntity } from '@gongkai/persistence';
import type { AgencyView, CreateAgencyRequest, UpdateAgencyRequest } from '@gongkai/contracts';
import { type SessionUser } from '../auth/session-user';
import { agencyPath } from './agency-path';

function view(a: AgencyEntity): AgencyView {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    parentId: a.parentId,
    address: a.address,
    phone: a.phone,
    contact: a.contact,
    letterRefPattern: a.letterRefPattern,
  };
}

@Injectable()
export class AgenciesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(user: SessionUser): Promise<AgencyView[]> {
    const rows = await this.db
      .getRepository(AgencyEntity)
      .find({ where: { id: In(await this.scope(user)) }, order: { path: 'ASC' } });
    return rows.map(view);
  }

  /**
   * The session's scope was read at sign-in; an administrator of a subtree who has just created
   * an agency manages it at once, so the tree routes read the subtree now.
   */
  private async scope(user: SessionUser): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT a.id FROM users u JOIN agencies own ON own.id = u.agency_id
         JOIN agencies a ON a.id = own.id OR (u.subtree_scope AND a.path LIKE own.path || '%')
        WHERE u.id = $1`,
      [user.id],
    )) as { id: string }[];
    return [...new Set([...user.scopeAgencyIds, ...rows.map((r) => r.id)])];
  }

  /** A new agency goes under one the administrator may read (default: the administrator's own). */
  async create(user: SessionUser, body: CreateAgencyRequest): Promise<AgencyView> {
    const parentId = body.parentId ?? user.agencyId;
    if (!(await this.scope(user)).includes(parentId)) throw new NotFoundException('上级机关不存在');
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(AgencyEntity);
      if (await repo.exists({ where: { code: body.code } }))
        throw new ConflictException(`机关代码 ${body.code} 已被使用`);
      const parent = await repo.findOneOrFail({ where: { id: parentId } });
      const id = randomUUID();
      const created = repo.create({
        id,
        code: body.code,
        name: body.name,
        parentId,
        path: agencyPath(parent.path, id),
        address: body.address ?? null,
        phone: body.phone ?? null,
      });
      await repo.insert(created);
      return view(created);
    });
  }

  /**
   * Agency profile (name printed on the report, address, phone, contact, 文号 pattern), and a
   * move under another agency: the subtree moves with it (its paths are rewritten in one
   * statement), so supervisors' scopes follow the tree. An agency never moves under itself.
   */
  async update(user: SessionUser, id: string, body: UpdateAgencyRequest): Promise<AgencyView> {
    const scope = await this.scope(user);
    if (!scope.includes(id)) throw new NotFoundException('机关不存在');
    const { parentId, ...profile } = body;
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(AgencyEntity);
      const agency = await repo.findOneOrFail({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (parentId !== undefined && parentId !== agency.parentId) {
        if (!scope.includes(parentId)) throw new NotFoundException('上级机关不存在');
        if (!agency.parentId)
          throw new UnprocessableEntityException({
            message: '最上级机关不能移动',
            code: 'agency_root',
          });
        const parent = await repo.findOneOrFail({ where: { id: parentId } });
        if (parent.path.startsWith(agency.path))
          throw new UnprocessableEntityException({
            message: '不能把机关移到它自己或它的下级机关之下',
            code: 'agency_cycle',
          });
        const path = agencyPath(parent.path, id);
        await m.query(
          `UPDATE agencies SET path = $2 || substr(path, length($1) + 1) WHERE path LIKE $1 || '%'`,
          [agency.path, path],
        );
        await repo.update({ id }, { parentId });
      }
      if (Object.keys(profile).length > 0) await repo.update({ id }, profile);
      return view(await repo.findOneOrFail({ where: { id } }));
    });
  }
}
