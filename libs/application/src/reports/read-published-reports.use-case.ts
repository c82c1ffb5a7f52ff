import type { DataSource } from 'typeorm';
import type { PublicAgencyNode, PublicDownloadQuery } from '@gongkai/contracts';
import {
  agencyNodes,
  CaseError,
  ReportSourcesRepository,
  ReportVersionsRepository,
  type AgencyEntity,
} from '@gongkai/persistence';
import { versionFile, type ReportFile } from './report-file';

function notPublished(): CaseError {
  return new CaseError('not_found', 'report_not_published', '该年度报告尚未发布');
}

/** What the public site reads: the agency tree and published versions only, never a draft. */
export class ReadPublishedReports {
  constructor(private readonly dataSource: DataSource) {}

  async agencies(): Promise<PublicAgencyNode[]> {
    const rows = await agencyNodes(this.dataSource.manager);
    const nodes = new Map(
      rows.map((a) => [a.id, { code: a.code, name: a.name, children: [] as PublicAgencyNode[] }]),
    );
    const roots: PublicAgencyNode[] = [];
    for (const a of rows) {
      const node = nodes.get(a.id) as PublicAgencyNode;
      const parent = a.parentId ? nodes.get(a.parentId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }

  /** The open-data index: every published report's latest version, with its download links. */
  async index() {
    const rows = await new ReportVersionsRepository(this.dataSource.manager).latestOfAll();
    return {
      reports: rows.map((r) => {
        const base = `/api/public/reports/${r.agencyCode}/${r.year}`;
        return {
          agency: { code: r.agencyCode, name: r.agencyName },
          year: r.year,
          version: r.version,
          sha256: r.sha256,
          publishedAt: r.publishedAt.toISOString(),
          url: base,
          downloads: {
            json: `${base}/versions/${r.version}/download?format=json`,
            csvSection3: `${base}/versions/${r.version}/download?format=csv&section=3`,
            csvSection4: `${base}/versions/${r.version}/download?format=csv&section=4`,
            html: `${base}/versions/${r.version}/download?format=html`,
            docx: `${base}/versions/${r.version}/download?format=docx`,
            xlsx: `${base}/versions/${r.version}/download?format=xlsx`,
            txt: `${base}/versions/${r.version}/download?format=txt`,
          },
        };
      }),
    };
  }

  private async agency(code: string): Promise<AgencyEntity> {
    const agency = await new ReportSourcesRepository(this.dataSource.manager).findAgencyByCode(
      code,
    );
    if (!agency) throw new CaseError('not_found', 'agency_not_found', '机关不存在');
    return agency;
  }

  /** One published version (the latest when `version` is absent) with the list of all. */
  async report(code: string, year: number, version?: number) {
    const agency = await this.agency(code);
    const repo = new ReportVersionsRepository(this.dataSource.manager);
    const found = await repo.find(agency.id, year, version);
    if (!found) throw notPublished();
    const versions = await repo.list(agency.id, year);
    return {
      agency: { code: agency.code, name: agency.name },
      year,
      version: found.version,
      sha256: found.sha256,
      changeNote: found.changeNote,
      publishedAt: found.publishedAt.toISOString(),
      versions: versions.map((v) => ({
        version: v.version,
        sha256: v.sha256,
        changeNote: v.changeNote,
        publishedAt: v.publishedAt.toISOString(),
      })),
      report: JSON.parse(found.json) as unknown,
    };
  }

  async download(
    code: string,
    year: number,
    query: PublicDownloadQuery,
    version?: number,
  ): Promise<ReportFile> {
    const agency = await this.agency(code);
    const found = await new ReportVersionsRepository(this.dataSource.manager).find(
      agency.id,
      year,
      version,
    );
    if (!found) throw notPublished();
    return versionFile(found, agency.code, query.format, query.section);
  }
}
