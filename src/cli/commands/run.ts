import { recordOf } from '../../engine/record.js';
import { randomSeed } from '../../engine/random.js';
import { resultOf, run } from '../../engine/run.js';
import { writeFileAtomic } from '../files.js';
import { jsonText } from '../json.js';
import { note, printData } from '../terminal.js';
import { loadForCommand } from '../scenario.js';
import { formatTimeline } from '../text/timeline.js';
import { runCsv } from '../text/run-csv.js';
import { checkColumns, type ColumnGroup } from '../columns-option.js';

export interface RunOptions {
  seed?: number;
  turns?: number;
  variant?: string;
  json?: boolean;
  record?: string;
  csv?: string;
  columns?: ColumnGroup[];
}

/** `sandtable run`: one seeded run, as a timeline or JSON, optionally recorded. */
export function runCommand(ref: string | undefined, options: RunOptions): number {
  const scenario = loadForCommand(ref, options.variant);
  const seed = options.seed ?? randomSeed();
  const turns = options.turns ?? scenario.defaultTurns;
  checkColumns(options);
  const history = run(scenario, { seed, turns });
  const result = resultOf(history);
  if (options.record !== undefined) {
    writeFileAtomic(options.record, `${JSON.stringify(recordOf(history), null, 2)}\n`);
  }
  if (options.csv !== undefined) writeFileAtomic(options.csv, runCsv(history, options.columns));
  printData(options.json ? jsonText(result, 2) : formatTimeline(result, scenario));
  if (options.seed === undefined) note(`seed ${seed} (repeat this run with --seed ${seed})`);
  if (options.record !== undefined) note(`run record written to ${options.record}`);
  if (options.csv !== undefined) note(`${turns + 1} rows (turns 0 to ${turns}) written to ${options.csv}`);
  return 0;
}
