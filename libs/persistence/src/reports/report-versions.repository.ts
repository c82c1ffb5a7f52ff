import type { EntityManager } from 'typeorm';
import { ReportVersionEntity } from './report-version.entity';

export interface ReportVersionSummary {
  version: number;
  sha256: string;
  changeNote: string | null;
  publishedAt: Date;
  publishedBy: string;
}

const SUMMARY_COLUMNS = {
  version: true,
  sha256: true,
  changeNote: true,
  publishedAt: true,
  publishedBy: true,
} as const;

/** Reads of published versions, shared by the API (staff and public routes) and the CLI. */
export class ReportVersionsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** One version (the latest when `version` is absent), renderings included; null if none. */
  find(agencyId: string, year: number, version?: number): Promise<ReportVersionEntity | null> {
    return this.manager.getRepository(ReportVersionEntity).findOne({
      where: { agencyId, year, ...(version === undefined ? {} : { version }) },
      order: { version: 'DESC' },
    });
  }

  /** The JSON of the latest version, without the renderings (cross-year checks). */
  async latestJson(agencyId: string, year: number): Promise<string | null> {
    const found = await this.manager.getRepository(ReportVersionEntity).findOne({
      select: { json: true, version: true },
      where: { agencyId, year },
      order: { version: 'DESC' },
    });
    return found?.json ?? null;
  }

  /** The versions of one report, oldest first, without their renderings. */
  async list(agencyId: string, year: number): Promise<ReportVersionSummary[]> {
    return this.manager.getRepository(ReportVersionEntity).find({
      select: SUMMARY_COLUMNS,
      where: { agencyId, year },
      order: { version: 'ASC' },
    });
  }

  /** The open-data index: the latest version of every published report. */
  async latestOfAll(): Promise<
    {
      agencyId: string;
      agencyCode: string;
      agencyName: string;
      year: number;
      version: number;
      sha256: string;
      publishedAt: Date;
    }[]
  > {
    const rows = (await this.manager.query(
      `SELECT DISTINCT ON (v.agency_id, v.year)
              v.agency_id AS "agencyId", a.code AS "agencyCode", a.name AS "agencyName", v.year,
              v.version, v.sha256, v.published_at AS "publishedAt"
         FROM report_versions v JOIN agencies a ON a.id = v.agency_id
        ORDER BY v.agency_id, v.year, v.version DESC`,
    )) as {
      agencyId: string;
      agencyCode: string;
      agencyName: string;
      year: number;
      version: number;
      sha256: string;
      publishedAt: Date;
    }[];
    return rows.sort((a, b) => b.year - a.year || a.agencyCode.localeCompare(b.agencyCode));
  }
}
