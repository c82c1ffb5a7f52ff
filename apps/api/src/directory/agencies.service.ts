import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AgencyEntity } from '@gongkai/persistence';
import type { CreateAgencyRequest, UpdateAgencyRequest } from '@gongkai/contracts';
import { type SessionUser } from '../auth/session-user';
import { agencyPath } from './agency-path';

export interface AgencyView {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  address: string | null;
  phone: string | null;
}

function view(a: AgencyEntity): AgencyView {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    parentId: a.parentId,
    address: a.address,
    phone: a.phone,
  };
}

@Injectable()
export class AgenciesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(user: SessionUser): Promise<AgencyView[]> {
    const rows = await this.db
      .getRepository(AgencyEntity)
      .find({ where: { id: In(user.scopeAgencyIds) }, order: { path: 'ASC' } });
    return rows.map(view);
  }

  /** A new agency goes under one the administrator may read (default: the administrator's own). */
  async create(user: SessionUser, body: CreateAgencyRequest): Promise<AgencyView> {
    const parentId = body.parentId ?? user.agencyId;
    if (!user.scopeAgencyIds.includes(parentId)) throw new NotFoundException('上级机关不存在');
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

  /** Agency profile: the name printed on the report, address and phone. */
  async update(user: SessionUser, id: string, body: UpdateAgencyRequest): Promise<AgencyView> {
    if (!user.scopeAgencyIds.includes(id)) throw new NotFoundException('机关不存在');
    const repo = this.db.getRepository(AgencyEntity);
    await repo.update({ id }, body);
    return view(await repo.findOneOrFail({ where: { id } }));
  }
}
