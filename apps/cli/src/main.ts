import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './cli-errors';

/** The program with the commands `argv` needs (see registerCommands), loaded on demand. */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('gongkai')
    .description('Gongkai 公开 — 依申请公开办理与政府信息公开工作年度报告')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  await registerCommands(program, argv);
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function run(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
        return EXIT_OK;
      if (error.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`gongkai: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`gongkai: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
}
