import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ExportPublishedSite } from '@gongkai/application';
import { log, UsageError } from '../cli-errors';
import { agencyByCode, withDatabase } from './cli-database';
import { buildSite } from './site.builder';

interface SiteOptions {
  out: string;
  agency?: string;
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
      const { agencies, reports } = await withDatabase(async (db) =>
        new ExportPublishedSite(db).execute(
          options.agency ? await agencyByCode(db, options.agency) : null,
        ),
      );
      const files = buildSite(agencies, reports, new Date());
      const count = await writeSite(options.out, files);
      const versions = reports.reduce((n, r) => n + r.versions.length, 0);
      log(
        `已导出 ${reports.length} 份已发布年度报告（${versions} 个版本，${count} 个文件）到 ${path.resolve(options.out)}`,
      );
    });
}
