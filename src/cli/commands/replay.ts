import { replay } from '../../engine/record.js';
import { resultOf } from '../../engine/run.js';
import { oneLine } from '../../engine/text.js';
import { EXIT } from '../errors.js';
import { jsonText } from '../json.js';
import { asRecordError, loadRecord } from '../record.js';
import { note, printData } from '../terminal.js';
import { formatTimeline } from '../text/timeline.js';

/** `sandtable replay FILE [--verify] [--json]`: re-run a record and check every turn's hash. */
export function replayCommand(file: string, options: { verify?: boolean; json?: boolean; scenario?: string }): number {
  // A version 2 record embeds its scenario; a version 1 record of a file scenario needs --scenario.
  const { record, scenario, variantOf, difference } = loadRecord(file, options.scenario);
  const result = asRecordError(file, () => replay(record, scenario, variantOf));
  // The note is for a record that replays; a failure is one line.
  if (difference !== null && result.ok) note(difference);
  if (!options.verify) {
    const runResult = resultOf(result.history);
    printData(options.json ? jsonText(runResult, 2) : formatTimeline(runResult, scenario));
  }
  if (!result.ok) {
    note(
      `error: ${file} does not replay: turn ${result.turn} differs ` +
        `(recorded ${result.expected.slice(0, 12)}…, replayed ${result.actual.slice(0, 12)}…)`,
    );
    return EXIT.checkFailed;
  }
  if (options.verify) {
    printData(`${oneLine(`verified: ${file} replays exactly (${record.turns} turns, final hash ${record.finalHash})`)}\n`);
  }
  return EXIT.ok;
}
