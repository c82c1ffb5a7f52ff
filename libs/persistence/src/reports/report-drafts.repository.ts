import type { EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { Section2FiguresEntity } from '../entities/section2-figures.entity';
import { ReportEntity, type StoredReportTexts } from './report.entity';
import { ReportVersionEntity } from './report-version.entity';

/** A published version as it is frozen: everything but its id. */
export type NewReportVersion = Omit<ReportVersionEntity, 'id'>;

/** The working copy's writes (the report lifecycle's steps) and the draft view's small reads. */
export class ReportDraftsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Whether section 二 was entered for the year (the studio says so beside the draft). */
  async section2Entered(agencyId: string, year: number): Promise<boolean> {
    return this.manager.getRepository(Section2FiguresEntity).exists({ where: { agencyId, year } });
  }

  /** Creates the working copy with the generated texts unless another step just did. */
  async createIfAbsent(row: {
    agencyId: string;
    year: number;
    format: ReportEntity['format'];
    texts: StoredReportTexts;
    updatedBy: string;
  }): Promise<void> {
    await this.manager.query(
      `INSERT INTO reports (agency_id, year, format, texts, updated_by)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (agency_id, year) DO NOTHING`,
      [row.agencyId, row.year, row.format, row.texts, row.updatedBy],
    );
  }

  /** Locks the working copy for one lifecycle step (inside the caller's transaction). */
  async lock(agencyId: string, year: number): Promise<boolean> {
    const rows = (await this.manager.query(
      'SELECT id FROM reports WHERE agency_id = $1 AND year = $2 FOR UPDATE',
      [agencyId, year],
    )) as { id: string }[];
    return rows.length > 0;
  }

  async update(id: string, changes: Partial<ReportEntity>): Promise<void> {
    // jsonb texts defeat TypeORM's deep-partial typing; the shape is the contracts' one.
    await this.manager
      .getRepository(ReportEntity)
      .update({ id }, changes as QueryDeepPartialEntity<ReportEntity>);
  }

  async insertVersion(version: NewReportVersion): Promise<void> {
    await this.manager.getRepository(ReportVersionEntity).insert(version);
  }
}
