import fs from 'node:fs';
import type { Command } from 'commander';
import {
  findingLine,
  systemClock,
  VerifyJournalUseCase,
  type JournalAudit,
} from '@gongkai/application';
import {
  parseCheckpointFile,
  trustedJournalFingerprint,
  type JournalCheckpoint,
} from '@gongkai/persistence';
import { log, UsageError } from '../cli-errors';
import { agencyScope, withDatabase } from './sweep.command';

interface VerifyOptions {
  agency?: string;
  checkpoint?: string;
  json?: boolean;
  workers?: string;
}

/** `--workers N`: a whole number of worker threads, 0 for none. */
function workerCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 64) {
    throw new UsageError(`--workers 应为 0 到 64 的整数：${value}`);
  }
  return n;
}

function readCheckpoint(file: string): JournalCheckpoint {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`无法读取检查点文件：${file}`);
  }
  try {
    return parseCheckpointFile(text);
  } catch {
    throw new UsageError(`检查点文件格式不正确：${file}`);
  }
}

export function auditText(audit: JournalAudit): string {
  const lines = [
    audit.ok
      ? `日志校验通过：${audit.agenciesChecked} 个机关，${audit.casesChecked} 件案件，${audit.eventsChecked} 条记录，未发现问题`
      : `日志校验未通过：${audit.agenciesChecked} 个机关，${audit.casesChecked} 件案件，${audit.eventsChecked} 条记录，发现 ${audit.findingCount} 处问题`,
  ];
  for (const c of audit.checkpoints) {
    lines.push(
      `  对照检查点 ${c.id ?? '（文件）'}：${c.agencyCode ?? '全部机关'} ${c.takenAt}，签名公钥指纹 ${c.fingerprint}，默克尔根 ${c.root}`,
    );
  }
  if (!audit.checkpoints.length) lines.push('  没有可对照的签名检查点（仅校验哈希链与重放）');
  for (const f of audit.findings) lines.push(`  ${findingLine(f)}`);
  if (audit.findingCount > audit.findings.length) {
    lines.push(`  ……另有 ${audit.findingCount - audit.findings.length} 处问题未列出`);
  }
  return lines.join('\n') + '\n';
}

/**
 * `gongkai verify`: the hash chains, the replay of every case through the machine and the signed
 * checkpoint (the newest stored one, or an auditor's file) — exit 1 on any finding.
 */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description(
      '校验办理日志：哈希链、按状态机重放并与案件记录比对、对照签名检查点；发现问题时退出码为1',
    )
    .option('--agency <code>', '只校验该机关')
    .option('--checkpoint <file>', '对照该检查点文件（默认对照库中最新的检查点）')
    .option('--json', '以 JSON 输出结果')
    .option(
      '--workers <n>',
      '按机关并行校验的工作线程数（0 为不用；默认在案件多、处理器多于两核时为核数减一）',
    )
    .action(async (options: VerifyOptions) => {
      const workers = workerCount(options.workers);
      const checkpoint = options.checkpoint ? readCheckpoint(options.checkpoint) : 'latest';
      const audit = await withDatabase(async (ds) => {
        const agencyIds =
          (await agencyScope(ds, options.agency)) ??
          (checkpoint !== 'latest' && checkpoint.agencyId ? [checkpoint.agencyId] : undefined);
        let shown = 0;
        return new VerifyJournalUseCase(ds, systemClock).execute({
          agencyIds,
          checkpoint,
          trustedFingerprint: trustedJournalFingerprint(),
          concurrency: 2,
          workers,
          onProgress: (p) => {
            const tenth = p.casesTotal ? Math.floor((p.casesChecked * 10) / p.casesTotal) : 10;
            if (tenth > shown) {
              shown = tenth;
              log(`已校验 ${p.casesChecked}/${p.casesTotal} 件案件，${p.eventsChecked} 条记录`);
            }
          },
        });
      });
      process.stdout.write(options.json ? JSON.stringify(audit, null, 2) + '\n' : auditText(audit));
      if (!audit.ok) process.exitCode = 1;
    });
}
