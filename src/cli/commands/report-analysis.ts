import { analysisKind, parseAnalysis } from '../analysis-file.js';
import { EXIT, UsageError } from '../errors.js';
import { readUserFile, refuseInput } from '../files.js';
import { writeAnalysisHtml } from '../html-file.js';
import type { Analysis } from '../../render/analysis/index.js';
import { printData } from '../terminal.js';

/**
 * The `--json` of batch, compare or sweep named to `report`, read and
 * checked; null when the file is not one (a run record, which the
 * after-action report reads itself).
 */
export function readAnalysis(file: string): Analysis | null {
  const text = readUserFile(file, 'run record');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Not JSON at all: the record reader says so in its own words.
    return null;
  }
  const kind = analysisKind(data);
  return kind === null ? null : parseAnalysis(file, kind, data);
}

/** The options of `report` that matter to an analysis (the rest are the after-action report's). */
export interface AnalysisReportOptions {
  readonly format?: string;
  readonly out?: string;
  readonly runs?: number;
  readonly scenario?: string;
}

/** `sandtable report FILE` of an analysis: its charts as one HTML page, the same page its command's `--html` writes. */
export async function analysisReport(file: string, analysis: Analysis, options: AnalysisReportOptions): Promise<number> {
  if (options.format !== undefined && options.format !== 'html') {
    throw new UsageError(`${file} is ${analysis.kind} --json output, which report draws as HTML only: give --format html`);
  }
  for (const [given, name] of [[options.runs, '--runs'], [options.scenario, '--scenario']] as const) {
    if (given !== undefined) throw new UsageError(`${name} applies to run records; ${file} is ${analysis.kind} --json output, drawn as it is`);
  }
  if (options.out === undefined) {
    // The charting library loads only here, so a run record's Markdown report never pays for it.
    const { analysisHtml } = await import('../../render/analysis/index.js');
    printData(await analysisHtml(analysis));
    return EXIT.ok;
  }
  refuseInput(options.out, `${analysis.kind} --json output`);
  await writeAnalysisHtml(options.out, analysis);
  return EXIT.ok;
}
