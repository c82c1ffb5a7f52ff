import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  createDataSource,
  databaseUrlFromEnv,
  ensureAgency,
  importLedger,
  readJsonl,
  readXlsx,
  UserEntity,
} from '@gongkai/persistence';
import { CaseTransitionService } from '@gongkai/application';
import { EXIT_FAILED, log, UsageError } from '../cli-errors';

interface ImportOptions {
  agency: string;
  agencyName?: string;
  actor?: string;
  skipInvalid?: boolean;
  json?: boolean;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('导入依申请公开台账（JSON Lines 或 .xlsx），逐行按办理程序重放；全部成功才写入')
    .argument('<file>', '台账文件（.jsonl / .json / .xlsx）')
    .requiredOption('--agency <code>', '机关代码（不存在时创建）')
    .option('--agency-name <name>', '新建机关时的名称')
    .option('--actor <username>', '以该经办人名义记录（默认：系统）')
    .option('--skip-invalid', '导入有效行，仍列出无效行')
    .option('--json', '以 JSON 输出结果')
    .action(async (file: string, options: ImportOptions) => {
      if (!fs.existsSync(file)) throw new UsageError(`文件不存在：${file}`);
      const lines = /\.xlsx$/i.test(file)
        ? await readXlsx(fs.readFileSync(file))
        : readJsonl(fs.readFileSync(file, 'utf8'));
      const ds = await createDataSource(databaseUrlFromEnv()).initialize();
      try {
        const { agency, created } = await ensureAgency(ds.manager, {
          code: options.agency,
          name: options.agencyName ?? options.agency,
        });
        if (created) log(`已创建机关 ${agency.code}（${agency.name}）`);
        let actorId: string | undefined;
        if (options.actor) {
          const user = await ds
            .getRepository(UserEntity)
            .findOne({ where: { username: options.actor } });
          if (!user) throw new UsageError(`用户不存在：${options.actor}`);
          actorId = user.id;
        }
        const report = await importLedger(ds, new CaseTransitionService(ds), lines, {
          agencyId: agency.id,
          actorId,
          skipInvalid: options.skipInvalid,
        });
        if (options.json)
          process.stdout.write(JSON.stringify({ agency: agency.code, ...report }) + '\n');
        else {
          for (const r of report.rejected)
            log(`第${r.line}行${r.ref ? `（${r.ref}）` : ''}：${r.reason}`);
          for (const f of report.flagged)
            log(`第${f.line}行（${f.ref}）已标记：${f.flags.join('、')}`);
          log(
            report.committed
              ? `${path.basename(file)}：导入 ${report.imported} 件，已存在未改动 ${report.unchanged} 件，复议诉讼 ${report.proceedings} 件${report.rejected.length ? `，跳过无效行 ${report.rejected.length} 行` : ''}`
              : `${path.basename(file)}：有 ${report.rejected.length} 行无效，未导入任何案件（可用 --skip-invalid 只导入有效行）`,
          );
        }
        if (report.rejected.length) process.exitCode = EXIT_FAILED;
      } finally {
        await ds.destroy();
      }
    });
}
