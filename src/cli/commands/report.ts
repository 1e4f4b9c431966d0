import { replay } from '../../engine/record.js';
import { afterAction } from '../../engine/report/after-action.js';
import { renderReport, type ReportFormat } from '../../report/index.js';
import { pathArgument, shellCommand } from '../../report/shell.js';
import { EXIT, UsageError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { DEFAULT_REPORT_RUNS } from '../options.js';
import { asRecordError, loadRecord } from '../record.js';
import { note, printData } from '../terminal.js';

export interface ReportOptions {
  format?: ReportFormat;
  out?: string;
  runs?: number;
  scenario?: string;
}

/** `sandtable report RECORD`: the after-action report of a run record, as Markdown or HTML. */
export function reportCommand(file: string, options: ReportOptions): number {
  const format = options.format ?? (options.out !== undefined && /\.html?$/i.test(options.out) ? 'html' : 'md');
  // A version 2 record embeds its scenario (briefs and injects included); a version 1 record of a file scenario needs --scenario.
  const { record, scenario, variantOf, roles, injects, needs, difference } = loadRecord(file, options.scenario);
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
  const analysis = afterAction(result.history, options.runs ?? DEFAULT_REPORT_RUNS);
  const content = renderReport({ analysis, roles, injects, record: file, scenarioFile: needs }, format);
  if (options.out === undefined) {
    printData(content);
  } else {
    writeFileAtomic(options.out, content);
    note(`wrote the ${format === 'html' ? 'HTML' : 'Markdown'} report to ${options.out}`);
  }
  return EXIT.ok;
}
