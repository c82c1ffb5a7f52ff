import type { Command } from 'commander';
import argon2 from 'argon2';
import { localDateInShanghai } from '@gongkai/domain';
import {
  createDataSource,
  databaseUrlFromEnv,
  DEMO_PASSWORD,
  seedDemoData,
} from '@gongkai/persistence';
import { CaseTransitionService } from '@gongkai/application';
import { log } from '../cli-errors';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      '载入演示数据：平潭综合实验区及其部门、clerk/leader/auditor/admin 账号、约一年的案件（已有则不动）',
    )
    .option('--cases <n>', '案件数', (v) => Number(v), 320)
    .option('--json', '以 JSON 输出结果')
    .action(async (options: { cases: number; json?: boolean }) => {
      const ds = await createDataSource(databaseUrlFromEnv()).initialize();
      try {
        const today = localDateInShanghai(new Date());
        const summary = await seedDemoData(ds, {
          hashPassword: (p) => argon2.hash(p, { type: argon2.argon2id }),
          today,
          transitions: new CaseTransitionService(ds, { today: () => today }),
          cases: options.cases,
        });
        if (options.json) process.stdout.write(JSON.stringify(summary) + '\n');
        else if (!summary.created) log('演示机关已存在，未作改动');
        else {
          log(
            `已创建演示数据：${summary.cases} 件案件、${summary.events} 条办理记录、${summary.proceedings} 件复议诉讼`,
          );
          log(`账号 ${summary.users.join('、')}，密码 ${DEMO_PASSWORD}`);
        }
      } finally {
        await ds.destroy();
      }
    });
}
