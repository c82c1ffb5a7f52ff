import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  CreateProceedingRequest,
  ProceedingListQuery,
  ProceedingView,
  UpdateProceedingRequest,
} from '@gongkai/contracts';
import { CaseEntity, isUuid, ProceedingEntity } from '@gongkai/persistence';
import { type SessionUser } from '../auth/session-user';

interface ProceedingRow {
  id: string;
  agency_id: string;
  case_id: string | null;
  case_ref: string | null;
  kind: string;
  filed_on: string;
  result: string | null;
  concluded_on: string | null;
  note: string | null;
}

const SELECT = `SELECT p.id, p.agency_id, p.case_id, c.ref AS case_ref, p.kind,
    to_char(p.filed_on, 'YYYY-MM-DD') AS filed_on, p.result,
    to_char(p.concluded_on, 'YYYY-MM-DD') AS concluded_on, p.note
  FROM proceedings p LEFT JOIN cases c ON c.id = p.case_id`;

function toView(r: ProceedingRow): ProceedingView {
  return {
    id: r.id,
    agencyId: r.agency_id,
    caseId: r.case_id,
    caseRef: r.case_ref,
    kind: r.kind,
    filedOn: r.filed_on,
    result: r.result,
    concludedOn: r.concluded_on,
    note: r.note,
  };
}

/** 行政复议 / 行政诉讼 records (section 四), scoped like cases. */
@Injectable()
export class ProceedingsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(user: SessionUser, query: ProceedingListQuery): Promise<ProceedingView[]> {
    const params: unknown[] = [user.scopeAgencyIds];
    let where = 'p.agency_id = ANY($1::uuid[])';
    if (query.year) {
      params.push(`${query.year}-01-01`, `${query.year}-12-31`);
      where += ` AND p.filed_on BETWEEN $${params.length - 1} AND $${params.length}`;
    }
    if (query.caseId) {
      params.push(query.caseId);
      where += ` AND p.case_id = $${params.length}`;
    }
    const rows = (await this.db.query(
      `${SELECT} WHERE ${where} ORDER BY p.filed_on DESC, p.id`,
      params,
    )) as ProceedingRow[];
    return rows.map(toView);
  }

  async get(user: SessionUser, id: string): Promise<ProceedingView> {
    const rows = isUuid(id)
      ? ((await this.db.query(`${SELECT} WHERE p.id = $1`, [id])) as ProceedingRow[])
      : [];
    if (!rows[0] || !user.scopeAgencyIds.includes(rows[0].agency_id)) {
      throw new NotFoundException({ message: '复议诉讼记录不存在', code: 'proceeding_not_found' });
    }
    return toView(rows[0]);
  }

  private async writable(user: SessionUser, id: string): Promise<ProceedingView> {
    const found = await this.get(user, id);
    if (!user.writeAgencyIds.includes(found.agencyId)) {
      throw new ForbiddenException({ message: '您只能修改本机关的记录', code: 'read_only_scope' });
    }
    return found;
  }

  private async checkCase(agencyId: string, caseId: string | null | undefined): Promise<void> {
    if (!caseId) return;
    const found = await this.db
      .getRepository(CaseEntity)
      .findOne({ where: { id: caseId }, select: { id: true, agencyId: true } });
    if (!found || found.agencyId !== agencyId) {
      throw new BadRequestException({
        message: '关联的案件不存在或不属于本机关',
        code: 'case_not_found',
      });
    }
  }

  async create(user: SessionUser, body: CreateProceedingRequest): Promise<ProceedingView> {
    const agencyId = body.agencyId ?? user.agencyId;
    if (!user.writeAgencyIds.includes(agencyId)) {
      throw new ForbiddenException({
        message: '您只能为本机关登记复议诉讼',
        code: 'read_only_scope',
      });
    }
    await this.checkCase(agencyId, body.caseId);
    const saved = await this.db.getRepository(ProceedingEntity).save({
      agencyId,
      caseId: body.caseId ?? null,
      kind: body.kind,
      filedOn: body.filedOn,
      result: body.result ?? null,
      concludedOn: body.concludedOn ?? null,
      note: body.note || null,
    });
    return this.get(user, saved.id);
  }

  async update(
    user: SessionUser,
    id: string,
    body: UpdateProceedingRequest,
  ): Promise<ProceedingView> {
    const current = await this.writable(user, id);
    const next = {
      caseId: body.caseId === undefined ? current.caseId : body.caseId,
      kind: body.kind ?? current.kind,
      filedOn: body.filedOn ?? current.filedOn,
      result: body.result === undefined ? current.result : body.result,
      concludedOn: body.concludedOn === undefined ? current.concludedOn : body.concludedOn,
      note: body.note === undefined ? current.note : body.note || null,
    };
    if (
      !!next.result !== !!next.concludedOn ||
      (next.concludedOn && next.concludedOn < next.filedOn)
    ) {
      throw new BadRequestException({
        message: '有审理结果时须填写审结日期（不早于立案日期），尚未审结的两者都不填',
        code: 'invalid_input',
      });
    }
    await this.checkCase(current.agencyId, next.caseId);
    await this.db
      .getRepository(ProceedingEntity)
      .update({ id }, { ...next, updatedAt: new Date() });
    return this.get(user, id);
  }

  async remove(user: SessionUser, id: string): Promise<void> {
    await this.writable(user, id);
    await this.db.getRepository(ProceedingEntity).delete({ id });
  }
}
