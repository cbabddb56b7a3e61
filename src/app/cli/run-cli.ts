import { CommandFactory } from 'nest-commander';
import { CliModule, CliRoot } from './cli.module';

/** What commander throws once `exitOverride` is on (its CommanderError). */
interface CommanderExit {
  code: string;
  exitCode: number;
}

function isCommanderExit(err: unknown): err is CommanderExit {
  return typeof err === 'object' && err !== null && typeof (err as CommanderExit).code === 'string' && (err as CommanderExit).code.startsWith('commander.') && typeof (err as CommanderExit).exitCode === 'number';
}

/**
 * Runs one CLI command and resolves with the exit status instead of exiting: 0 done (and --help),
 * 1 a failed command or a bad option/argument (commander names it; nothing runs), 2 an unknown command.
 */
export async function runCli(argv: string[]): Promise<number> {
  const app = await CommandFactory.createWithoutRunning(CliModule, { logger: ['error', 'warn'] });
  try {
    const root = app.get(CliRoot).commander;
    root.name('npm run cli --').description('nhiemvu CLI');
    // nest-commander builds each command with `new Command()`, which inherits nothing: set on every one
    // that errors throw (no process.exit inside a library), excess arguments are refused and errors end with the hint.
    for (const command of [root, ...root.commands]) command.exitOverride().allowExcessArguments(false).showHelpAfterError('(add --help for the usage)');
    const [name] = argv;
    if (name === undefined) argv = ['help'];
    else if (!name.startsWith('-') && name !== 'help' && !root.commands.some((c) => c.name() === name || c.aliases().includes(name))) {
      process.stderr.write(`Unknown command "${name}".\n\n${root.helpInformation()}`);
      return 2;
    }
    try {
      await root.parseAsync(argv, { from: 'user' });
      return 0;
    } catch (err) {
      if (isCommanderExit(err)) return err.exitCode; // commander has printed the help or the error
      console.error(`Error: ${(err as Error).message}`);
      return 1;
    }
  } finally {
    await app.close();
  }
}
