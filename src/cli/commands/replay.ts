import { parseRecord, RecordError, replay, type RunRecord } from '../../engine/record.js';
import { resultOf } from '../../engine/run.js';
import { EXIT, UsageError } from '../errors.js';
import { readUserFile } from '../files.js';
import { jsonText } from '../json.js';
import { loadForCommand } from '../scenario.js';
import { formatTimeline } from '../text/timeline.js';

/** `sandtable replay FILE [--verify] [--json]`: re-run a record and check every turn's hash. */
export function replayCommand(file: string, options: { verify?: boolean; json?: boolean; scenario?: string }): number {
  const text = readUserFile(file, 'run record');
  let record: RunRecord;
  try {
    record = parseRecord(text);
  } catch (error) {
    if (error instanceof RecordError) throw new UsageError(`${file} ${error.message}`);
    throw error;
  }
  // A record names its scenario by id; a scenario file must be named again with --scenario.
  const scenario = loadForCommand(options.scenario ?? record.scenario.id, record.scenario.variant ?? undefined);
  let result;
  try {
    result = replay(record, scenario, (variant) => loadForCommand(options.scenario ?? record.scenario.id, variant ?? undefined));
  } catch (error) {
    if (error instanceof RecordError) throw new UsageError(`${file} ${error.message}`);
    throw error;
  }
  if (!options.verify) {
    const runResult = resultOf(result.history);
    process.stdout.write(options.json ? jsonText(runResult, 2) : formatTimeline(runResult, scenario));
  }
  if (!result.ok) {
    process.stderr.write(
      `sandtable: error: ${file} does not replay: turn ${result.turn} differs ` +
        `(recorded ${result.expected.slice(0, 12)}…, replayed ${result.actual.slice(0, 12)}…)\n`,
    );
    return EXIT.checkFailed;
  }
  if (options.verify) {
    process.stdout.write(`verified: ${file} replays exactly (${record.turns} turns, final hash ${record.finalHash})\n`);
  }
  return EXIT.ok;
}
