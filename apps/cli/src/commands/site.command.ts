import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AgencyEntity, ReportVersionsRepository } from '@gongkai/persistence';
import { storedRendering } from '@gongkai/reporting';
import type { DataSource } from 'typeorm';
import { log, UsageError } from '../cli-errors';
import { agencyByCode, withDatabase } from './cli-database';
import { buildSite, type SiteAgency, type SiteReport } from './site.builder';

interface SiteOptions {
  out: string;
  agency?: string;
}

/** Every published report (of one subtree when `agencyCode` is given), all versions, as stored. */
export async function loadSite(
  db: DataSource,
  agencyCode?: string,
): Promise<{ agencies: SiteAgency[]; reports: SiteReport[] }> {
  const rows = await db.getRepository(AgencyEntity).find({
    select: { id: true, code: true, name: true, parentId: true, path: true },
  });
  const root = agencyCode ? await agencyByCode(db, agencyCode) : null;
  const inScope = root
    ? rows.filter((a) => a.id === root.id || a.path.startsWith(root.path))
    : rows;
  const codeOf = new Map(rows.map((a) => [a.id, a.code]));
  const agencies = inScope.map((a) => ({
    code: a.code,
    name: a.name,
    parentCode: a.parentId ? (codeOf.get(a.parentId) ?? null) : null,
  }));
  const repo = new ReportVersionsRepository(db.manager);
  const ids = new Set(inScope.map((a) => a.id));
  const reports: SiteReport[] = [];
  for (const latest of await repo.latestOfAll()) {
    if (!ids.has(latest.agencyId)) continue;
    const versions = [];
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

/** Writes the files under `out`, creating folders as needed; returns how many were written. */
export async function writeSite(out: string, files: Map<string, string | Buffer>): Promise<number> {
  const root = path.resolve(out);
  for (const [relative, content] of files) {
    const target = path.resolve(root, relative);
    // Paths come from agency codes checked by the builder; this is the belt to those braces.
    if (!target.startsWith(root + path.sep)) throw new Error(`拒绝写出目录之外：${relative}`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return files.size;
}

/**
 * `gongkai site --out DIR [--agency CODE]`: every published report as static pages, for
 * agencies whose website is a CMS that takes static files — readable without JavaScript.
 */
export function registerSiteCommand(program: Command): void {
  program
    .command('site')
    .description(
      '将已发布的年度报告导出为静态网页（每个机关、年度一个 index.html，附下载文件和开放数据 index.json）',
    )
    .requiredOption('--out <dir>', '输出目录')
    .option('--agency <code>', '只导出该机关及其下级机关')
    .action(async (options: SiteOptions) => {
      if (!options.out.trim()) throw new UsageError('--out 不能为空');
      const { agencies, reports } = await withDatabase((db) => loadSite(db, options.agency));
      const files = buildSite(agencies, reports, new Date());
      const count = await writeSite(options.out, files);
      const versions = reports.reduce((n, r) => n + r.versions.length, 0);
      log(
        `已导出 ${reports.length} 份已发布年度报告（${versions} 个版本，${count} 个文件）到 ${path.resolve(options.out)}`,
      );
    });
}
