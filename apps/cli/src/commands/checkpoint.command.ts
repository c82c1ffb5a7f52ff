import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { systemClock, TakeCheckpointUseCase, VerifyJournalUseCase } from '@gongkai/application';
import { checkpointFileName, journalSigningKeyFromEnv } from '@gongkai/persistence';
import { agencyScope, withDatabase } from './sweep.command';
import { auditText } from './verify.command';

interface CheckpointOptions {
  agency?: string;
  out?: string;
}

/**
 * `gongkai checkpoint`: verifies, then signs the journal heads with JOURNAL_SIGNING_KEY and
 * appends the checkpoint; `--out DIR` also writes it as a file for the auditor to keep off the
 * system. A journal that does not verify is not signed (exit 1).
 */
export function registerCheckpointCommand(program: Command): void {
  program
    .command('checkpoint')
    .description('校验后对办理日志签名，生成检查点（Ed25519）；--out 另存为文件交审计人员离线保管')
    .option('--agency <code>', '只对该机关签名（默认全部机关一个检查点）')
    .option('--out <dir>', '检查点文件写入该目录')
    .action(async (options: CheckpointOptions) => {
      const taken = await withDatabase(async (ds) => {
        const agencyIds = await agencyScope(ds, options.agency);
        const agency =
          agencyIds && options.agency ? { id: agencyIds[0], code: options.agency } : undefined;
        const verify = new VerifyJournalUseCase(ds, systemClock);
        return new TakeCheckpointUseCase(ds, systemClock, journalSigningKeyFromEnv, verify).execute(
          { agency },
        );
      });
      if (!taken.checkpoint) {
        process.stdout.write('日志校验未通过，未生成检查点。\n' + auditText(taken.audit));
        process.exitCode = 1;
        return;
      }
      const c = taken.checkpoint;
      const lines = [
        `已生成检查点 ${c.id}：${c.agencyCode ?? '全部机关'}，${c.caseCount} 件案件，${c.eventCount} 条记录，${c.takenAt}`,
        `默克尔根 ${c.root}`,
        `签名公钥指纹 ${c.fingerprint}`,
        c.publicKey.trim(),
      ];
      if (options.out) {
        fs.mkdirSync(options.out, { recursive: true });
        const file = path.join(options.out, checkpointFileName(c));
        fs.writeFileSync(file, JSON.stringify(c, null, 2) + '\n');
        lines.push(`检查点文件：${file}`);
      }
      process.stdout.write(lines.join('\n') + '\n');
    });
}
