import { parseRecord, RecordError, replay, type RunRecord } from '../../engine/record.js';
import { afterAction } from '../../engine/analysis/after-action.js';
import { renderReport, type ReportFormat } from '../../render/index.js';
import { EXIT, UsageError } from '../errors.js';
import { readUserFile, writeFileAtomic } from '../files.js';
import { DEFAULT_REPORT_RUNS } from '../options.js';
import { loadForCommand, specForCommand } from '../scenario.js';

export interface ReportOptions {
  format?: ReportFormat;
  out?: string;
  runs?: number;
  scenario?: string;
}

/** `sandtable report RECORD`: the after-action report of a run record, as Markdown or HTML. */
export function reportCommand(file: string, options: ReportOptions): number {
  const format = options.format ?? (options.out !== undefined && /\.html?$/i.test(options.out) ? 'html' : 'md');
  let record: RunRecord;
  try {
    record = parseRecord(readUserFile(file, 'run record'));
  } catch (error) {
    if (error instanceof RecordError) throw new UsageError(`${file} ${error.message}`);
    throw error;
  }
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
  const analysis = afterAction(result.history, options.runs ?? DEFAULT_REPORT_RUNS);
  const content = renderReport({ analysis, roles: spec.roles, injects: spec.injects, record: file }, format);
  if (options.out === undefined) {
    process.stdout.write(content);
  } else {
    writeFileAtomic(options.out, content);
    process.stderr.write(`sandtable: wrote the ${format === 'html' ? 'HTML' : 'Markdown'} report to ${options.out}\n`);
  }
  return EXIT.ok;
}
