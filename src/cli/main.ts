import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { SimulationError } from '../engine/errors.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { suggest } from '../scenarios/suggest.js';
import { forgetInputs } from '../scenarios/inputs.js';
import { parseRuns, parseSet, parseShard, parseWorkers } from './batch-options.js';
import { EXIT, UsageError } from './errors.js';
import { collect, parseDeadline, parseFormat, parseReportRuns, parseSeed, parseTurns } from './options.js';
import { parseCalibrationSamples, parseRefine } from './calibrate-options.js';
import { parseLevels, parseMethod, parseSamples, parseTrajectories } from './sensitivity-options.js';
import { note, printData } from './terminal.js';
import { ALL_COLUMNS, COLUMN_GROUPS, parseColumns } from './columns-option.js';

// Each command's module is loaded when that command runs, so `--help`,
// `--version` and every other command start without loading it (the
// scenario format, the statistics and the UI take most of the start-up).
const commands = {
  batch: () => import('./commands/batch.js'),
  calibrate: () => import('./commands/calibrate.js'),
  check: () => import('./commands/check.js'),
  compare: () => import('./commands/compare.js'),
  exercise: () => import('./commands/exercise.js'),
  host: () => import('./commands/host.js'),
  join: () => import('./commands/join.js'),
  init: () => import('./commands/init.js'),
  list: () => import('./commands/list.js'),
  merge: () => import('./commands/merge.js'),
  replay: () => import('./commands/replay.js'),
  report: () => import('./commands/report.js'),
  run: () => import('./commands/run.js'),
  sensitivity: () => import('./commands/sensitivity.js'),
  show: () => import('./commands/show.js'),
  sources: () => import('./commands/sources.js'),
  sweep: () => import('./commands/sweep.js'),
  tui: () => import('./commands/tui.js'),
  validate: () => import('./commands/validate.js'),
};

/**
 * Hands a command's parsed options to its handler. The typed variant of
 * commander types each option from its flag and parser; this also refuses to
 * compile when the handler's options type names an option no flag declares
 * (one it would always read as undefined).
 */
function declared<Wanted, Parsed extends Wanted>(options: Parsed & { readonly [Key in Exclude<keyof Wanted, keyof Parsed>]: never }): Wanted {
  return options;
}

/** The commands and their flags: the command-line contract of the design. */
export function buildProgram(setCode: (code: number | Promise<number>) => void): Command {
  const program = new Command('sandtable')
    .description('Deterministic, turn-based scenario simulation for what-if analysis and teaching.')
    .version(ENGINE_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: printData,
      writeErr: (text) => note(text.trim()),
      // Commander's errors become the one-line form of every other error.
      outputError: (text) => note(text.trim()),
    });

  const seed = () => new Option('--seed <S>', 'random seed, 0 to 4294967295 (picked and printed when omitted)').argParser(parseSeed);
  const turns = () => new Option('--turns <T>', 'number of turns (months) to simulate').argParser(parseTurns);
  const variant = () => new Option('--variant <V>', 'variant of the scenario, e.g. us-withdrawal');
  const columns = () => new Option('--columns <LIST>', `columns to add to --csv: ${[...COLUMN_GROUPS, ALL_COLUMNS].join(', ')} (comma-separated)`).argParser(parseColumns);

  program
    .command('tui', { isDefault: true })
    .description('step through a run in the terminal UI (the default command)')
    .argument('[scenario]', 'built-in scenario id, id/variant, or a scenario file')
    .addOption(seed())
    .addOption(turns())
    .addOption(variant())
    .action((scenario, options) => setCode(commands.tui().then((module) => module.tuiCommand(scenario, declared(options)))));

  program
    .command('exercise')
    .description('a teaching exercise in the terminal UI: people decide for the roles each month; injects on a timeline')
    .argument('[scenario]', 'built-in scenario id, id/variant, or a scenario file')
    .option('--role <ACTOR>', 'the actor a person plays, e.g. usa (repeat for several roles taking turns)', collect)
    .addOption(seed())
    .addOption(turns())
    .addOption(variant())
    .option('--injects <file>', 'an inject file (YAML or JSON) that adds to the scenario\'s inject timeline, or replaces it')
    .option('--resume <record>', 'continue a saved exercise at its last turn, with the scenario its record embeds (SCENARIO, if given, is compared with it)')
    .action((scenario, options) => setCode(commands.exercise().then((module) => module.exerciseCommand(scenario, declared(options)))));

  program
    .command('host')
    .description('serve an exercise to teams on their own laptops (browser or `join`), paced from this terminal; journaled, resumable')
    .argument('[scenario]', 'built-in scenario id, id/variant, or a scenario file')
    .option('--role <ACTOR>', 'an actor a team plays, e.g. usa (repeat for several teams)', collect)
    .addOption(seed())
    .addOption(turns())
    .addOption(variant())
    .option('--injects <file>', 'an inject file (YAML or JSON) that adds to the scenario\'s inject timeline, or replaces it')
    .option('--listen <ADDR:PORT>', 'where to listen (default 127.0.0.1 on a free port; 0.0.0.0:PORT for a classroom LAN)')
    .addOption(new Option('--deadline <MINUTES>', 'minutes a turn lasts; teams that have not chosen by then are decided by their policy').argParser(parseDeadline))
    .option('--resume <JOURNAL>', 'continue the exercise of a host journal after a crash or a break')
    .option('--links <FILE>', 'also write the seats\' links and codes, the journal\'s and the record\'s paths to FILE as JSON (mode 600: it holds the tokens)')
    .action((scenario, options) => setCode(commands.host().then((module) => module.hostCommand(scenario, declared(options)))));

  program
    .command('join')
    .description('take a team\'s seat of a hosted exercise in this terminal')
    .argument('<link>', 'the team\'s link (http://ADDR:PORT/#CODE) printed by host')
    .action((link) => setCode(commands.join().then((module) => module.joinCommand(link))));

  program
    .command('list')
    .description('list the built-in scenarios and their variants')
    .option('--json', 'print JSON')
    .action((options) => setCode(commands.list().then((module) => module.listCommand(declared(options)))));

  program
    .command('run')
    .description('run a scenario once and print its month-by-month timeline')
    .argument('[scenario]', 'built-in scenario id, id/variant, or a scenario file', undefined)
    .addOption(seed())
    .addOption(turns())
    .addOption(variant())
    .option('--json', 'print the run as JSON')
    .option('--record <file>', 'write the run record to a file')
    .option('--csv <file>', 'write the run\'s timeline, one row per turn, to a CSV file')
    .addOption(columns())
    .action((scenario, options) => setCode(commands.run().then((module) => module.runCommand(scenario, declared(options)))));

  program
    .command('replay')
    .description('re-run a run record and check every turn came out the same')
    .argument('<file>', 'a run record written by run --record')
    .option('--verify', 'only check the record; exit 1 if a turn differs')
    .option('--json', 'print the replayed run as JSON')
    .option('--scenario <file>', 'a scenario to compare with the one the record embeds (a note says how it differs); version 1 records of a scenario file need it')
    .action((file, options) => setCode(commands.replay().then((module) => module.replayCommand(file, declared(options)))));

  const workers = () => new Option('--workers <K>', 'worker threads (default: the number of cores; never more than the cores or the tasks)').argParser(parseWorkers);

  program
    .command('report')
    .description('after-action report of a run record: decisions, injects, timeline, and what the choices changed over paired runs; or the charts of a batch, compare, sweep or sensitivity --json')
    .argument('<record>', 'a run record (exported from an exercise or the TUI, or written by run --record), or the --json of batch, compare, sweep or merge')
    .addOption(new Option('--format <F>', 'md (Markdown, the default), html (one self-contained page with charts) or csv (the timeline: every decision, event and intervention)').argParser(parseFormat))
    .option('--out <file>', 'write the report to a file (atomically) instead of stdout')
    .addOption(new Option('--runs <N>', 'paired runs of the counterfactual (default 500; runs × turns at most 2,400,000)').argParser(parseReportRuns))
    .option('--scenario <file>', 'a scenario to compare with the one the record embeds (a note says how it differs); version 1 records of a scenario file need it')
    .addOption(workers())
    .action((record, options) => setCode(commands.report().then((module) => module.reportCommand(record, declared(options)))));

  const runs = () => new Option('--runs <N>', 'number of runs').argParser(parseRuns).makeOptionMandatory();
  const shard = () => new Option('--shard <I/N>', 'run only shard I of N and print its mergeable JSON (see merge)').argParser(parseShard);

  program
    .command('batch')
    .description('run a scenario many times on derived seeds and summarise the distribution')
    .argument('[scenario]', 'built-in scenario id, id/variant, or a scenario file')
    .addOption(runs())
    .addOption(seed())
    .addOption(turns())
    .addOption(variant())
    .addOption(workers())
    .option('--json', 'print the summary as JSON')
    .option('--csv <file>', 'write one row per run and turn to a CSV file')
    .addOption(columns())
    .option('--html <file>', 'write the charts to one self-contained HTML page (no script, nothing loaded)')
    .addOption(shard())
    .action((scenario, options) => setCode(commands.batch().then((module) => module.batchCommand(scenario, declared(options)))));

  program
    .command('check')
    .description("run a scenario and test it against its expectations: estimate, 95% interval, pass / fail / undecided; exit 1 if one fails")
    .argument('[scenario]', 'built-in scenario id, id/variant, or a scenario file')
    .addOption(new Option('--runs <N>', 'number of runs (default 1000)').argParser(parseRuns))
    .addOption(seed())
    .addOption(variant())
    .addOption(workers())
    .option('--json', 'print the results as JSON')
    .action((scenario, options) => setCode(commands.check().then((module) => module.checkCommand(scenario, declared(options)))));

  program
    .command('compare')
    .description('paired runs of two scenarios on the same seeds: the difference a what-if makes')
    .argument('<base>', 'the baseline scenario, e.g. niger-2024')
    .argument('<variant>', 'the what-if, e.g. niger-2024/us-withdrawal (or just us-withdrawal)')
    .addOption(runs())
    .addOption(seed())
    .addOption(turns())
    .addOption(workers())
    .option('--json', 'print the comparison as JSON')
    .option('--html <file>', 'write the charts to one self-contained HTML page (no script, nothing loaded)')
    .action((base, other, options) => setCode(commands.compare().then((module) => module.compareCommand(base, other, declared(options)))));

  program
    .command('sweep')
    .description('full-factorial sweep over scenario parameters, every combination on the same seeds')
    .argument('[scenario]', 'built-in scenario id, id/variant, or a scenario file')
    .addOption(new Option('--set <NAME=FROM:TO:STEPS>', 'a parameter and its values (repeatable); NAME=VALUE fixes one').argParser(parseSet))
    .addOption(runs())
    .addOption(seed())
    .addOption(turns())
    .addOption(variant())
    .addOption(workers())
    .option('--json', 'print the sweep as JSON')
    .option('--csv <file>', 'write one row per combination to a CSV file')
    .option('--html <file>', 'write the charts to one self-contained HTML page (no script, nothing loaded)')
    .addOption(shard())
    .action((scenario, options) => setCode(commands.sweep().then((module) => module.sweepCommand(scenario, declared(options)))));

  program
    .command('sensitivity')
    .description('which uncertain parameters move each output: Morris elementary effects or Sobol indices over the declared ranges, every point on the same seeds')
    .argument('[scenario]', 'built-in scenario id, id/variant, or a scenario file')
    .addOption(variant())
    .option('--param <NAME>', 'a parameter with a declared range to vary (repeatable; default: every one with a range)', collect)
    .addOption(new Option('--method <M>', 'morris (elementary effects, the default) or sobol (first-order and total indices)').argParser(parseMethod))
    .addOption(new Option('--trajectories <N>', 'Morris trajectories (default 10)').argParser(parseTrajectories))
    .addOption(new Option('--levels <P>', 'levels of the Morris grid, even (default 4)').argParser(parseLevels))
    .addOption(new Option('--samples <N>', 'Sobol base samples N, best a power of 2 (default 256); the study has N × (parameters + 2) points').argParser(parseSamples))
    .addOption(new Option('--runs <N>', 'runs per point, on the same seeds at every point (default 200)').argParser(parseRuns))
    .addOption(seed())
    .addOption(turns())
    .addOption(workers())
    .option('--json', 'print the indices as JSON')
    .option('--csv <file>', 'write one row per output and parameter to a CSV file')
    .option('--html <file>', 'write a tornado of the indices per output to one self-contained HTML page (no script, nothing loaded)')
    .addOption(shard())
    .action((scenario, options) => setCode(commands.sensitivity().then((module) => module.sensitivityCommand(scenario, declared(options)))));

  program
    .command('calibrate')
    .description("find parameter values within their declared ranges that meet the scenario's expectations: approximate Bayesian computation over a Sobol' sample, every candidate on the same seeds")
    .argument('[scenario]', 'built-in scenario id, id/variant, or a scenario file')
    .option('--param <NAME>', 'a parameter with a declared range to fit (repeatable; default: every one with a range)', collect)
    .addOption(variant())
    .addOption(new Option('--runs <N>', 'runs of each candidate, on the same seeds for every candidate (default 400)').argParser(parseRuns))
    .addOption(new Option('--samples <M>', "candidates of the first round, a scrambled Sobol' sample, best a power of 2 (default 64)").argParser(parseCalibrationSamples))
    .addOption(new Option('--refine <R>', 'candidates of the second round, around the best (default a quarter of --samples; 0 for none)').argParser(parseRefine))
    .addOption(seed())
    .addOption(workers())
    .option('--json', 'print the calibration as JSON')
    .option('--out <file>', 'write an `extends:` overlay with the best values (a .yaml file)')
    .action((scenario, options) => setCode(commands.calibrate().then((module) => module.calibrateCommand(scenario, declared(options)))));

  program
    .command('merge')
    .description('merge the shard files of a batch, sweep or sensitivity study into the unsharded result')
    .argument('<files...>', 'shard files written by batch, sweep or sensitivity --shard I/N')
    .option('--json', 'print the merged result as JSON')
    .option('--csv <file>', 'for a sweep, write one row per combination to a CSV file; for a sensitivity study, one per output and parameter')
    .action((files, options) => setCode(commands.merge().then((module) => module.mergeCommand(files, declared(options)))));

  program
    .command('validate')
    .description('check a scenario file: structure, ranges, expressions, names, extends; exit 0 valid, 2 invalid')
    .argument('<file>', 'a scenario file (.yaml, .yml or .json), or a built-in id')
    .action((file) => setCode(commands.validate().then((module) => module.validateCommand(file))));

  program
    .command('show')
    .description('print a scenario in the file format, with extends resolved (YAML by default)')
    .argument('<scenario>', 'built-in scenario id, id/variant, or a scenario file')
    .addOption(variant())
    .option('--yaml', 'print YAML (the default)')
    .option('--json', 'print JSON')
    .action((scenario, options) => setCode(commands.show().then((module) => module.showCommand(scenario, declared(options)))));

  program
    .command('sources')
    .description('list every parameter, starting value, action and rule with what it rests on; exit 1 if a quotation is not in the article')
    .argument('<scenario>', 'built-in scenario id or a scenario file')
    .option('--json', 'print JSON')
    .action((scenario, options) => setCode(commands.sources().then((module) => module.sourcesCommand(scenario, declared(options)))));

  program
    .command('init')
    .description('write a complete, commented scenario file to start from')
    .argument('<file>', 'the file to write (.yaml, .yml or .json)')
    .option('--from <scenario>', 'scenario to copy: built-in id, id/variant or file (default niger-2024)')
    .option('--extends <scenario>', 'write a short file that extends this scenario instead of a copy')
    .option('--force', 'overwrite the file if it exists')
    .action((file, options) => setCode(commands.init().then((module) => module.initCommand(file, declared(options)))));

  return program;
}

/** Run the command line; resolves to the exit code. Never throws for user errors. */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number | Promise<number> = EXIT.ok;
  // What this command reads is what it must not write over; nothing from an earlier command in this process counts.
  forgetInputs();
  const program = buildProgram((value) => {
    code = value;
  });
  // `help NAME` for a name that is no command would print the whole help as an error: say what is wrong instead.
  const [first, named] = argv;
  const names = program.commands.map((command) => command.name());
  if (first === 'help' && named !== undefined && !names.includes(named)) {
    return printError(new UsageError(`unknown command \`${named}\`${suggest(named, names)} (\`sandtable --help\` lists the commands)`));
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return await code;
  } catch (error) {
    return printError(error);
  }
}

function printError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every parsing error is bad usage.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof SimulationError) {
    note(`error: the scenario cannot be run: ${error.message}`);
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    // Messages quote file names and values from files and arguments: each line is sanitised where it is written.
    for (const line of error.lines) note(`error: ${line}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  note(`error: internal error: ${message} (please report this with the command you ran)`);
  return 70;
}
