import type { EntityManager } from 'typeorm';
import { AgencyEntity } from '../entities/agency.entity';
import { Section2FiguresEntity } from '../entities/section2-figures.entity';
import { StatisticsRepository } from '../statistics/statistics.repository';
import { formatForYear, type ReportFormat } from '@gongkai/report/core';
import { type YearStatistics } from '../statistics/year-statistics';
import { ReportEntity } from './report.entity';
import { ReportVersionsRepository } from './report-versions.repository';

/** Everything a live draft is made of, as plain data; the apps turn it into the report model. */
export interface ReportSources {
  agency: { id: string; code: string; name: string };
  year: number;
  format: ReportFormat;
  statistics: YearStatistics;
  /** Section 二 as entered for the year, or null when nothing was entered yet. */
  section2: Record<string, Record<string, number | null>> | null;
  /** The working copy (texts, lifecycle), or null before anyone wrote a word. */
  report: ReportEntity | null;
  /** Last year's latest published version as its JSON, for the cross-year checks I5 and I6. */
  previousPublishedJson: string | null;
}

/** Loads the sources of one agency's report for one year (API and CLI alike). */
export class ReportSourcesRepository {
  constructor(private readonly manager: EntityManager) {}

  async load(agency: AgencyEntity, year: number): Promise<ReportSources> {
    const format = formatForYear(year);
    // In turn: inside a transaction the manager has a single connection.
    const statistics = await new StatisticsRepository(this.manager).yearStatistics(
      { agencyId: agency.id },
      year,
      format,
    );
    const figures = await this.manager
      .getRepository(Section2FiguresEntity)
      .findOne({ where: { agencyId: agency.id, year } });
    const report = await this.manager
      .getRepository(ReportEntity)
      .findOne({ where: { agencyId: agency.id, year } });
    const previousJson = await new ReportVersionsRepository(this.manager).latestJson(
      agency.id,
      year - 1,
    );
    return {
      agency: { id: agency.id, code: agency.code, name: agency.name },
      year,
      format,
      statistics,
      // Figures entered in another format than the year's are not this report's section 二.
      section2: figures && figures.format === format ? figures.figures : null,
      report,
      previousPublishedJson: previousJson,
    };
  }

  findAgencyByCode(code: string): Promise<AgencyEntity | null> {
    return this.manager.getRepository(AgencyEntity).findOne({ where: { code } });
  }
}
