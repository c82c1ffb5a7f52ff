import type { Command } from 'commander';
import { databaseUrlFromEnv, migrate } from '@gongkai/persistence';
import { log } from '../cli-errors';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('创建 DATABASE_URL 指定的数据库（如不存在）并执行未执行的迁移')
    .option('--json', '以 JSON 输出结果')
    .action(async (options: { json?: boolean }) => {
      const url = databaseUrlFromEnv();
      const result = await migrate(url);
      if (options.json) {
        process.stdout.write(JSON.stringify(result) + '\n');
        return;
      }
      if (result.created) log(`已创建数据库 ${new URL(url).pathname.slice(1)}`);
      log(result.applied.length ? `已执行迁移：${result.applied.join(', ')}` : '数据库已是最新');
    });
}
