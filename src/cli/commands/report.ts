import { parseRecord, RecordError, replay, type RunRecord } from '../../engine/record.js';
import { afterAction } from '../../engine/report/after-action.js';
import { renderReport, type ReportFormat } from '../../report/index.js';
import { EXIT, UsageError } from '../errors.js';
import { readUserFile, writeFileAtomic } from '../files.js';
import { DEFAULT_REPORT_RUNS, MAX_REPORT_PAIRED_TURNS } from '../options.js';
import { counterfactualPlan, CounterfactualTally } from '../../engine/report/counterfactual.js';
import { playerDecisions } from '../../engine/report/decisions.js';
import { execute } from '../batch/execute.js';
import { interruptible } from '../batch/interrupt.js';
import { workerCount } from '../batch/options.js';
import { planTasks } from '../batch/tasks.js';
import { loadForCommand, specForCommand } from '../scenario.js';

export interface ReportOptions {
  format?: ReportFormat;
  out?: string;
  runs?: number;
  scenario?: string;
  workers?: number;
}

/** `sandtable report RECORD`: the after-action report of a run record, as Markdown or HTML. */
export async function reportCommand(file: string, options: ReportOptions): Promise<number> {
  const format = options.format ?? (options.out !== undefined && /\.html?$/i.test(options.out) ? 'html' : 'md');
  let record: RunRecord;
  try {
    record = parseRecord(readUserFile(file, 'run record'));
  } catch (error) {
    if (error instanceof RecordError) throw new UsageError(`${file} ${error.message}`);
    throw error;
  }
  const runs = options.runs ?? DEFAULT_REPORT_RUNS;
  checkBudget(runs, record.turns);
  // A record names its scenario by id; a scenario file must be named again with --scenario.
  const ref = options.scenario ?? record.scenario.id;
  const scenario = loadForCommand(ref, record.scenario.variant ?? undefined);
  let result;
  try {
    result = replay(record, scenario, (variant) => loadForCommand(ref, variant ?? undefined));
  } catch (error) {
    if (error instanceof RecordError) throw new UsageError(`${file} ${error.message}`);
    throw error;
  }
  if (!result.ok) {
    throw new UsageError(
      `${file} does not replay (turn ${result.turn} differs), so a report would not describe the recorded run; ` +
        `\`sandtable replay ${file} --verify\` shows where`,
      EXIT.checkFailed,
    );
  }
  const spec = specForCommand(ref);
  const decisions = playerDecisions(result.history);
  const workers = workerCount(options.workers);
  const plan = counterfactualPlan(result.history, decisions);
  const results = await interruptible((signal) => execute({
    workers,
    job: { kind: 'counterfactual', spec, plan },
    tasks: planTasks(0, runs, runs, workers),
    signal,
  }));
  const tally = new CounterfactualTally(plan, (variant) => loadForCommand(ref, variant ?? undefined));
  for (const message of results) if (message.type === 'counterfactual') tally.add(message.data);
  const counterfactual = tally.summary(decisions.filter((item) => item.deviation));
  const analysis = afterAction(result.history, counterfactual, decisions);
  const content = renderReport({ analysis, roles: spec.roles, injects: spec.injects, record: file }, format);
  if (options.out === undefined) {
    process.stdout.write(content);
  } else {
    writeFileAtomic(options.out, content);
    process.stderr.write(`sandtable: wrote the ${format === 'html' ? 'HTML' : 'Markdown'} report to ${options.out}\n`);
  }
  return EXIT.ok;
}

/** The report's stated budget: refuse, before any run, a counterfactual of more paired turns than it computes. */
function checkBudget(runs: number, turns: number): void {
  if (runs * turns <= MAX_REPORT_PAIRED_TURNS) return;
  const most = Math.floor(MAX_REPORT_PAIRED_TURNS / turns);
  throw new UsageError(
    `a counterfactual of ${runs} paired runs over the record's ${turns} turns is ${runs * turns} paired turns; ` +
      `a report computes at most ${MAX_REPORT_PAIRED_TURNS}: give --runs ${most} or fewer`,
  );
}
