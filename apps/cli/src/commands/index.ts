import type { Command } from 'commander';
import { registerMigrateCommand } from './migrate.command';
import { registerLintCommand } from './lint.command';
import { registerDeadlinesCommand } from './deadlines.command';
import { registerReportCommand } from './report.command';
import { registerImportCommand } from './import.command';
import { registerDemoCommand } from './demo.command';
import { registerSweepCommand } from './sweep.command';
import { registerYearCloseCommand } from './year-close.command';
import { registerSiteCommand } from './site.command';
import { registerVerifyCommand } from './verify.command';
import { registerCheckpointCommand } from './checkpoint.command';

/** Every command registers itself here; each lives in its own `*.command.ts`. */
export function registerCommands(program: Command): void {
  registerMigrateCommand(program);
  registerLintCommand(program);
  registerDeadlinesCommand(program);
  registerReportCommand(program);
  registerImportCommand(program);
  registerDemoCommand(program);
  registerSweepCommand(program);
  registerYearCloseCommand(program);
  registerSiteCommand(program);
  registerVerifyCommand(program);
  registerCheckpointCommand(program);
}
