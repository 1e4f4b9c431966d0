import { replay } from '../../engine/record.js';
import { afterAction } from '../../engine/analysis/after-action.js';
import { renderReport, type ReportFormat } from '../../render/index.js';
import { pathArgument, shellCommand } from '../../render/shell.js';
import { EXIT, UsageError } from '../errors.js';
import { refuseInput, writeFileAtomic } from '../files.js';
import { DEFAULT_REPORT_RUNS, MAX_REPORT_PAIRED_TURNS } from '../options.js';
import { counterfactualPlan, CounterfactualTally } from '../../engine/analysis/counterfactual.js';
import { playerDecisions } from '../../engine/analysis/decisions.js';
import { execute } from '../parallel/execute.js';
import { interruptible } from '../parallel/interrupt.js';
import { workerCount } from '../batch-options.js';
import { planTasks } from '../parallel/tasks.js';
import { asRecordError, loadRecord } from '../record.js';
import { analysisReport, readAnalysis } from './report-analysis.js';
import { note, printData } from '../terminal.js';
import { recordCsv } from '../text/record-csv.js';

export interface ReportOptions {
  format?: ReportFormat | 'csv';
  out?: string;
  runs?: number;
  scenario?: string;
  workers?: number;
}

/**
 * `sandtable report RECORD`: the after-action report of a run record, as
 * Markdown or HTML; or, given the `--json` of batch, compare or sweep, its charts.
 */
export async function reportCommand(file: string, options: ReportOptions): Promise<number> {
  const drawn = readAnalysis(file);
  if (drawn !== null) return analysisReport(file, drawn, options);
  const format = options.format ?? formatOfName(options.out);
  // A version 2 record embeds its scenario (briefs and injects included); a version 1 record of a file scenario needs --scenario.
  const { record, scenario, spec, variantOf, roles, injects, needs, difference } = loadRecord(file, options.scenario);
  // Refused before any work or note: an output over an input would destroy it.
  if (options.out !== undefined) refuseInput(options.out);
  const runs = options.runs ?? DEFAULT_REPORT_RUNS;
  if (format !== 'csv') checkBudget(runs, record.turns);
  const result = asRecordError(file, () => replay(record, scenario, variantOf));
  const scenarioArguments = needs === null ? [] : ['--scenario', pathArgument(needs)];
  if (!result.ok) {
    throw new UsageError(
      `${file} does not replay (turn ${result.turn} differs), so a report would not describe the recorded run; ` +
        `\`${shellCommand(['sandtable', 'replay', pathArgument(file), '--verify', ...scenarioArguments])}\` shows where`,
      EXIT.checkFailed,
    );
  }
  if (difference !== null) note(difference);
  if (record.formatVersion === 1 && (roles.length > 0 || injects.length > 0)) {
    // A version 1 record's hash covers only what changes runs, not what the players read.
    note(`note: ${file} is a version 1 record, which does not vouch for briefs or injects; those in the report are read from ${needs ?? record.scenario.id} as it is now`);
  }
  if (format === 'csv') {
    // The timeline as data needs no counterfactual.
    emit(recordCsv(result.history), options.out, 'CSV timeline');
    return EXIT.ok;
  }
  const decisions = playerDecisions(result.history);
  const workers = workerCount(options.workers);
  const plan = counterfactualPlan(result.history, decisions);
  const results = await interruptible((signal) => execute({
    workers,
    job: { kind: 'counterfactual', spec, plan },
    tasks: planTasks(0, runs, runs, workers),
    signal,
  }));
  const tally = new CounterfactualTally(plan, variantOf);
  for (const message of results) if (message.type === 'counterfactual') tally.add(message.data);
  const counterfactual = tally.summary(decisions.filter((item) => item.deviation));
  const analysis = afterAction(result.history, counterfactual, decisions);
  // "This report again" writes the same file in the same format.
  const output = options.out === undefined
    ? (options.format === undefined ? [] : ['--format', format])
    : [...(options.format === undefined ? [] : ['--format', format]), '--out', pathArgument(options.out)];
  const content = await renderReport({ analysis, roles, injects, decidedByPolicy: record.decidedByPolicy ?? [], record: file, scenarioFile: needs, output }, format);
  emit(content, options.out, `${format === 'html' ? 'HTML' : 'Markdown'} report`);
  return EXIT.ok;
}

/** The format a report file's name asks for: `.html` or `.htm`, `.csv`, else Markdown. */
function formatOfName(out: string | undefined): ReportFormat | 'csv' {
  if (out !== undefined && /\.html?$/i.test(out)) return 'html';
  if (out !== undefined && /\.csv$/i.test(out)) return 'csv';
  return 'md';
}

/** Print `content`, or write it to `out` and say so. */
function emit(content: string, out: string | undefined, what: string): void {
  if (out === undefined) {
    printData(content);
  } else {
    writeFileAtomic(out, content);
    note(`wrote the ${what} to ${out}`);
  }
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
