import type { DataSource } from 'typeorm';
import { agencyNodes, ReportVersionsRepository, type AgencyEntity } from '@gongkai/persistence';
import { storedRendering } from '@gongkai/reporting';

/** One published version with its stored renderings, as the static site needs it. */
export interface SiteVersion {
  version: number;
  sha256: string;
  changeNote: string | null;
  publishedAt: Date;
  /** The stored renderings, byte for byte as the API serves them. */
  files: Record<'html' | 'json' | 'txt' | 'docx' | 'xlsx' | 'csv3' | 'csv4', Buffer>;
}

export interface SiteReport {
  agency: { code: string; name: string };
  year: number;
  /** Oldest first. */
  versions: SiteVersion[];
}

export interface SiteAgency {
  code: string;
  name: string;
  parentCode: string | null;
}

/** Every published report (of one subtree when a root is given), all versions, as stored. */
export class ExportPublishedSite {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    root: AgencyEntity | null,
  ): Promise<{ agencies: SiteAgency[]; reports: SiteReport[] }> {
    const rows = await agencyNodes(this.dataSource.manager);
    const inScope = root
      ? rows.filter((a) => a.id === root.id || a.path.startsWith(root.path))
      : rows;
    const codeOf = new Map(rows.map((a) => [a.id, a.code]));
    const agencies = inScope.map((a) => ({
      code: a.code,
      name: a.name,
      parentCode: a.parentId ? (codeOf.get(a.parentId) ?? null) : null,
    }));
    const repo = new ReportVersionsRepository(this.dataSource.manager);
    const ids = new Set(inScope.map((a) => a.id));
    const reports: SiteReport[] = [];
    for (const latest of await repo.latestOfAll()) {
      if (!ids.has(latest.agencyId)) continue;
      const versions: SiteVersion[] = [];
      for (const summary of await repo.list(latest.agencyId, latest.year)) {
        const stored = await repo.find(latest.agencyId, latest.year, summary.version);
        if (!stored) continue;
        versions.push({
          version: stored.version,
          sha256: stored.sha256,
          changeNote: stored.changeNote,
          publishedAt: stored.publishedAt,
          files: {
            html: storedRendering(stored, 'html', '3'),
            json: storedRendering(stored, 'json', '3'),
            txt: storedRendering(stored, 'txt', '3'),
            docx: storedRendering(stored, 'docx', '3'),
            xlsx: storedRendering(stored, 'xlsx', '3'),
            csv3: storedRendering(stored, 'csv', '3'),
            csv4: storedRendering(stored, 'csv', '4'),
          },
        });
      }
      reports.push({
        agency: { code: latest.agencyCode, name: latest.agencyName },
        year: latest.year,
        versions,
      });
    }
    return { agencies, reports };
  }
}
