import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  CaseTransitionService,
  formatRejection,
  ImportLedger,
  readJsonl,
  readXlsx,
  UnreadableLedgerError,
  type LedgerReading,
} from '@gongkai/application';
import { EXIT_FAILED, log, UsageError } from '../cli-errors';
import { withDatabase } from './cli-database';

interface ImportOptions {
  agency: string;
  agencyName?: string;
  actor?: string;
  skipInvalid?: boolean;
  json?: boolean;
}

/** JSON Lines, or an .xlsx workbook; a workbook that is no register is a usage error (exit 2). */
async function readLedger(file: string): Promise<LedgerReading> {
  if (/\.xls$/i.test(file)) {
    throw new UsageError('不支持旧版 .xls 文件：请在 Excel 或 WPS 中另存为 .xlsx 后导入');
  }
  if (!/\.xlsx$/i.test(file)) {
    return { lines: readJsonl(fs.readFileSync(file, 'utf8')), ignoredColumns: [] };
  }
  try {
    return await readXlsx(fs.readFileSync(file));
  } catch (error) {
    if (error instanceof UnreadableLedgerError) throw new UsageError(error.message);
    throw error;
  }
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('导入依申请公开台账（JSON Lines 或 .xlsx），逐行按办理程序重放；全部成功才写入')
    .argument('<file>', '台账文件（.jsonl / .json / .xlsx，格式见 docs/ledger-workbook.md）')
    .requiredOption('--agency <code>', '机关代码（不存在时创建）')
    .option('--agency-name <name>', '新建机关时的名称')
    .option('--actor <username>', '以该经办人名义记录（默认：系统）')
    .option('--skip-invalid', '导入有效行，仍列出无效行')
    .option('--json', '以 JSON 输出结果')
    .action(async (file: string, options: ImportOptions) => {
      if (!fs.existsSync(file)) throw new UsageError(`文件不存在：${file}`);
      const ledger = await readLedger(file);
      await withDatabase(async (db) => {
        const importer = new ImportLedger(db, new CaseTransitionService(db));
        const { agency, created } = await importer.ensureAgency(
          options.agency,
          options.agencyName ?? options.agency,
        );
        if (created) log(`已创建机关 ${agency.code}（${agency.name}）`);
        let actorId: string | undefined;
        if (options.actor) {
          const id = await importer.actorId(options.actor);
          if (!id) throw new UsageError(`用户不存在：${options.actor}`);
          actorId = id;
        }
        const report = await importer.execute(ledger, {
          agencyId: agency.id,
          actorId,
          skipInvalid: options.skipInvalid,
        });
        if (options.json)
          process.stdout.write(JSON.stringify({ agency: agency.code, ...report }) + '\n');
        else {
          if (report.ignoredColumns?.length)
            log(`未识别的列（未读取）：${report.ignoredColumns.map((c) => `“${c}”`).join('、')}`);
          for (const r of report.rejected) log(formatRejection(r));
          for (const f of report.flagged)
            log(`第${f.line}行（${f.ref}）已标记：${f.flags.join('、')}`);
          log(
            report.committed
              ? `${path.basename(file)}：导入 ${report.imported} 件，已存在未改动 ${report.unchanged} 件，复议诉讼 ${report.proceedings} 件${report.rejected.length ? `，跳过无效行 ${report.rejected.length} 行` : ''}`
              : `${path.basename(file)}：有 ${report.rejected.length} 行无效，未导入任何案件（可用 --skip-invalid 只导入有效行）`,
          );
        }
        if (report.rejected.length) process.exitCode = EXIT_FAILED;
      });
    });
}
