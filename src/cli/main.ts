import { Command, CommanderError, Option } from 'commander';
import { SimulationError } from '../engine/errors.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { listCommand } from './commands/list.js';
import { replayCommand } from './commands/replay.js';
import { runCommand } from './commands/run.js';
import { tuiCommand } from './commands/tui.js';
import { EXIT, UsageError } from './errors.js';
import { parseSeed, parseTurns } from './options.js';

/** The commands and their flags: the command-line contract of the design. */
export function buildProgram(setCode: (code: number | Promise<number>) => void): Command {
  const program = new Command('sandtable')
    .description('Deterministic, turn-based scenario simulation for what-if analysis and teaching.')
    .version(ENGINE_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
      // Commander's errors become the one-line form of every other error.
      outputError: (text) => process.stderr.write(`sandtable: ${text.replace(/\s*\n\s*/g, ' ').trim()}\n`),
    });

  const seed = () => new Option('--seed <S>', 'random seed, 0 to 4294967295 (picked and printed when omitted)').argParser(parseSeed);
  const turns = () => new Option('--turns <T>', 'number of turns (months) to simulate').argParser(parseTurns);
  const variant = () => new Option('--variant <V>', 'variant of the scenario, e.g. us-withdrawal');

  program
    .command('tui', { isDefault: true })
    .description('step through a run in the terminal UI (the default command)')
    .argument('[scenario]', 'built-in scenario id, id/variant, or a scenario file')
    .addOption(seed())
    .addOption(turns())
    .addOption(variant())
    .action((scenario, options) => setCode(tuiCommand(scenario, options)));

  program
    .command('list')
    .description('list the built-in scenarios and their variants')
    .option('--json', 'print JSON')
    .action((options) => setCode(listCommand(options)));

  program
    .command('run')
    .description('run a scenario once and print its month-by-month timeline')
    .argument('[scenario]', 'built-in scenario id, id/variant, or a scenario file', undefined)
    .addOption(seed())
    .addOption(turns())
    .addOption(variant())
    .option('--json', 'print the run as JSON')
    .option('--record <file>', 'write the run record to a file')
    .action((scenario, options) => setCode(runCommand(scenario, options)));

  program
    .command('replay')
    .description('re-run a run record and check every turn came out the same')
    .argument('<file>', 'a run record written by run --record')
    .option('--verify', 'only check the record; exit 1 if a turn differs')
    .option('--json', 'print the replayed run as JSON')
    .option('--scenario <file>', 'the scenario file the record was made from (for scenarios that are not built in)')
    .action((file, options) => setCode(replayCommand(file, options)));

  return program;
}

/** Run the command line; resolves to the exit code. Never throws for user errors. */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number | Promise<number> = EXIT.ok;
  const program = buildProgram((value) => {
    code = value;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return await code;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every parsing error is bad usage.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof SimulationError) {
    process.stderr.write(`sandtable: error: the scenario cannot be run: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    for (const line of error.message.split('\n')) process.stderr.write(`sandtable: error: ${line}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sandtable: error: internal error: ${message} (please report this with the command you ran)\n`);
  return 70;
}
