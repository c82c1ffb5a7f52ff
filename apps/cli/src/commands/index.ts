import type { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * Every command, each in its own `*.command.ts`, loaded only when it runs: `gongkai deadlines`
 * never loads TypeORM, `gongkai lint` never loads Nest, and `--version` loads none of them. The
 * order here is the order of `gongkai --help`.
 */
const loadReport = async () => (await import('./report.command')).registerReportCommand;

export const COMMANDS: Record<string, () => Promise<Register>> = {
  migrate: async () => (await import('./migrate.command')).registerMigrateCommand,
  lint: async () => (await import('./lint.command')).registerLintCommand,
  deadlines: async () => (await import('./deadlines.command')).registerDeadlinesCommand,
  report: loadReport,
  // report.command registers `stats` beside `report`.
  stats: loadReport,
  import: async () => (await import('./import.command')).registerImportCommand,
  demo: async () => (await import('./demo.command')).registerDemoCommand,
  sweep: async () => (await import('./sweep.command')).registerSweepCommand,
  'year-close': async () => (await import('./year-close.command')).registerYearCloseCommand,
  site: async () => (await import('./site.command')).registerSiteCommand,
  verify: async () => (await import('./verify.command')).registerVerifyCommand,
  checkpoint: async () => (await import('./checkpoint.command')).registerCheckpointCommand,
};

/**
 * Registers the commands `argv` needs: the one it names, none for `--version`, all of them for
 * help, for no command, or for an unknown one (so commander can list them or suggest one).
 */
export async function registerCommands(program: Command, argv: readonly string[]): Promise<void> {
  const args = argv.slice(2);
  const name = args.find((arg) => !arg.startsWith('-'));
  if (name === undefined && (args.includes('--version') || args.includes('-V'))) return;
  const loaders =
    name !== undefined && Object.hasOwn(COMMANDS, name)
      ? [COMMANDS[name]]
      : [...new Set(Object.values(COMMANDS))];
  for (const load of loaders) (await load())(program);
}
