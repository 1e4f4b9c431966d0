import { evaluateExpectations, verdictCounts, type ExpectationResult } from '../../engine/analysis/expectations.js';
import { scenarioInfo } from '../../engine/batch/summary.js';
import { decimal, columns, plural } from '../text/format.js';
import { randomSeed } from '../../engine/random.js';
import { oneLine } from '../../engine/text.js';
import { describeQuantity } from '../../scenarios/expectations.js';
import { workerCount } from '../batch-options.js';
import { EXIT, UsageError } from '../errors.js';
import { jsonText } from '../json.js';
import { sourceOf } from '../parallel/sources.js';
import { tallyOnWorkers } from '../parallel/tally-run.js';
import { loadForCommand } from '../scenario.js';
import { note, printData } from '../terminal.js';

/** Runs of `check` when `--runs` is not given: intervals of shares within about ±3 points. */
export const DEFAULT_CHECK_RUNS = 1000;

export interface CheckOptions {
  runs?: number;
  seed?: number;
  variant?: string;
  workers?: number;
  json?: boolean;
}

/**
 * `sandtable check SCENARIO`: a batch of the scenario, and for each of its
 * expectations the estimate, its 95% interval, the expected range and pass,
 * fail or undecided. Exit 0 when none fails, 1 otherwise.
 */
export async function checkCommand(ref: string | undefined, options: CheckOptions): Promise<number> {
  const scenario = loadForCommand(ref, options.variant);
  if (scenario.expectations.length === 0) {
    throw new UsageError(`${scenario.id} declares no expectations; add an \`expectations:\` list (see docs/analysis.md)`);
  }
  const seed = options.seed ?? randomSeed();
  const runs = options.runs ?? DEFAULT_CHECK_RUNS;
  const turns = scenario.defaultTurns;
  const tally = await tallyOnWorkers(scenario, sourceOf(ref, options.variant), { seed, runs, turns, workers: workerCount(options.workers) });
  const results = evaluateExpectations(scenario.expectations, { layout: tally.layout, data: tally.data() });
  const counts = verdictCounts(results);
  const info = scenarioInfo(scenario);
  if (options.json) {
    printData(jsonText({
      scenario: info,
      runs,
      seed,
      turns,
      expectations: results.map((result, i) => ({ ...result, quantity: scenario.expectations[i]!.quantity })),
      counts,
    }, 2));
  } else {
    const name = info.variant === null ? info.id : `${info.id}/${info.variant}`;
    printData(`${[
      oneLine(`${name}: ${info.title}`),
      `${plural(runs, 'run')} · seed ${seed} · ${plural(turns, 'turn')} · scenario ${info.hash.slice(0, 12)}`,
      '',
      formatResults(results, scenario.expectations.map((item) => describeQuantity(item.quantity))),
      '',
      `${counts.pass} pass · ${counts.fail} fail · ${counts.undecided} undecided${counts.undecided > 0 ? ' (the interval straddles a bound: more runs would tell)' : ''}`,
    ].join('\n')}\n`);
  }
  if (options.seed === undefined) note(`seed ${seed} (repeat this check with --seed ${seed})`);
  return counts.fail === 0 ? EXIT.ok : EXIT.checkFailed;
}

/** The table of results, then the source of each that does not pass. */
export function formatResults(results: readonly ExpectationResult[], quantities: readonly string[]): string {
  const interval = (ci: readonly [number, number] | null) => (ci === null ? '-' : `${decimal(ci[0])}–${decimal(ci[1])}`);
  const rows = [
    ['expectation', 'quantity', 'estimate', '95% interval', 'expected', 'verdict'],
    ...results.map((result, i) => [
      result.id, quantities[i] ?? '', decimal(result.estimate), interval(result.ci95), interval(result.range), result.verdict,
    ]),
  ];
  const lines = [columns(rows, [false, false, true, true, true, false])];
  for (const result of results) {
    if (result.verdict !== 'pass') lines.push(oneLine(`  ${result.id} (${result.verdict}) rests on: ${result.source}`));
  }
  return lines.join('\n');
}
