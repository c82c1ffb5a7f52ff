import type { EntityManager } from 'typeorm';
import { CaseEntity } from '../entities/case.entity';
import { ProceedingEntity } from '../entities/proceeding.entity';
import { isUuid } from '../cases/case-transition.repository';

/** A proceeding with its case's ref, dates as YYYY-MM-DD. */
export interface ProceedingRow {
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

export type ProceedingFields = Pick<
  ProceedingEntity,
  'caseId' | 'kind' | 'filedOn' | 'result' | 'concludedOn' | 'note'
>;

/** 行政复议 / 行政诉讼 records (section 四). */
export class ProceedingsRepository {
  constructor(private readonly m: EntityManager) {}

  list(
    agencyIds: readonly string[],
    filter: { year?: number; caseId?: string },
  ): Promise<ProceedingRow[]> {
    const params: unknown[] = [agencyIds];
    let where = 'p.agency_id = ANY($1::uuid[])';
    if (filter.year) {
      params.push(`${filter.year}-01-01`, `${filter.year}-12-31`);
      where += ` AND p.filed_on BETWEEN $${params.length - 1} AND $${params.length}`;
    }
    if (filter.caseId) {
      params.push(filter.caseId);
      where += ` AND p.case_id = $${params.length}`;
    }
    return this.m.query(`${SELECT} WHERE ${where} ORDER BY p.filed_on DESC, p.id`, params);
  }

  async get(id: string): Promise<ProceedingRow | null> {
    if (!isUuid(id)) return null;
    const [row] = (await this.m.query(`${SELECT} WHERE p.id = $1`, [id])) as ProceedingRow[];
    return row ?? null;
  }

  /** The agency of a case, or null when there is no such case. */
  async caseAgency(caseId: string): Promise<string | null> {
    const found = await this.m
      .getRepository(CaseEntity)
      .findOne({ where: { id: caseId }, select: { id: true, agencyId: true } });
    return found?.agencyId ?? null;
  }

  async insert(agencyId: string, fields: ProceedingFields): Promise<string> {
    const saved = await this.m.getRepository(ProceedingEntity).save({ agencyId, ...fields });
    return saved.id;
  }

  async update(id: string, fields: ProceedingFields): Promise<void> {
    await this.m
      .getRepository(ProceedingEntity)
      .update({ id }, { ...fields, updatedAt: new Date() });
  }

  async delete(id: string): Promise<void> {
    await this.m.getRepository(ProceedingEntity).delete({ id });
  }
}
