import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../../src/engine/batch/batch-layout.js';
import { tallyRuns } from '../../../src/engine/batch/runs.js';
import { tallyFromJson, tallyToJson } from '../../../src/engine/batch/shard-file.js';
import { scenarioInfo, summarizeBatch, type BatchSummary } from '../../../src/engine/batch/summary.js';
import { BatchTally } from '../../../src/engine/batch/tally.js';
import { outcomeOf } from '../../../src/engine/outcome.js';
import { deriveSeed, MAX_SEED } from '../../../src/engine/random.js';
import { run } from '../../../src/engine/run.js';
import type { Scenario } from '../../../src/engine/types.js';
import { compileScenario } from '../../../src/scenarios/compile.js';
import { scenarioSchema } from '../../../src/scenarios/format.js';
import { loadScenario } from '../../../src/scenarios/load.js';
import { smallScenario } from '../../properties/arbitraries.js';

// What `batch --json` prints is the aggregate of its runs, whatever the
// split: for any seed, run count, horizon and split of the runs into tasks
// (added in any order, some passed through a shard file), the summary is
// byte for byte the one of a single tally, and its counts and means are those
// of the same runs made one at a time on the interactive path and counted by
// hand.

const settings = { seed: 20240424, numRuns: 60 };
const PRECISION = 1e6;
const niger = loadScenario('niger-2024');

interface Batch {
  readonly seed: number;
  readonly runs: number;
  readonly turns: number;
  /** Where the runs are cut into tasks, and the order the tasks are added in. */
  readonly cuts: readonly number[];
  readonly order: readonly number[];
  /** Which tasks travel through a shard file. */
  readonly viaShard: readonly boolean[];
}

const batch: fc.Arbitrary<Batch> = fc.record({
  seed: fc.integer({ min: 0, max: MAX_SEED }),
  runs: fc.integer({ min: 1, max: 30 }),
  turns: fc.integer({ min: 1, max: 12 }),
}).chain(({ seed, runs, turns }) => fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, runs - 1) }), { maxLength: Math.min(5, runs - 1) })
  .chain((cuts) => fc.record({
    seed: fc.constant(seed),
    runs: fc.constant(runs),
    turns: fc.constant(turns),
    cuts: fc.constant([...cuts].sort((a, b) => a - b)),
    order: fc.shuffledSubarray(Array.from({ length: cuts.length + 1 }, (_, i) => i), { minLength: cuts.length + 1 }),
    viaShard: fc.array(fc.boolean(), { minLength: cuts.length + 1, maxLength: cuts.length + 1 }),
  })));

/** The summary of the batch as the workers make it: one tally per task, added in the given order. */
function split(scenario: Scenario, { seed, runs, turns, cuts, order, viaShard }: Batch): BatchSummary {
  const layout = layoutOf(scenario, turns);
  const bounds = [0, ...cuts, runs];
  const parts = bounds.slice(1).map((to, i) => {
    const part = new BatchTally(layout);
    tallyRuns(scenario, { seed, turns, from: bounds[i]!, to }, part);
    return viaShard[i] ? tallyFromJson(layout, JSON.parse(JSON.stringify(tallyToJson(part)))) : part;
  });
  const total = new BatchTally(layout);
  for (const index of order) total.add(parts[index]!.data());
  return summarizeBatch(seed, scenarioInfo(scenario), total);
}

/** The same batch as one tally of all runs, in order. */
function whole(scenario: Scenario, { seed, runs, turns }: Batch): BatchSummary {
  const tally = new BatchTally(layoutOf(scenario, turns));
  tallyRuns(scenario, { seed, turns, from: 0, to: runs }, tally);
  return summarizeBatch(seed, scenarioInfo(scenario), tally);
}

/** The batch's runs one at a time on the interactive path, counted without the batch code. */
function byHand(scenario: Scenario, { seed, runs, turns }: Batch, summary: BatchSummary): void {
  const histories = Array.from({ length: runs }, (_, i) => run(scenario, { seed: deriveSeed(seed, i), turns }));
  const share = (count: number) => Math.round((count / runs) * PRECISION) / PRECISION;
  for (const rule of scenario.rules) {
    const first = histories.map((history) => history.kept.find((turn) => turn.state.events[rule.id] !== undefined)?.turn ?? Infinity);
    const event = summary.events[rule.id]!;
    expect(event.fired, rule.id).toBe(first.filter((turn) => turn <= turns).length);
    expect(event.byTurn, rule.id).toEqual(Array.from({ length: turns + 1 }, (_, t) => share(first.filter((turn) => turn <= t).length)));
  }
  for (const indicator of scenario.indicators) {
    for (let t = 0; t <= turns; t += 1) {
      const values = histories.map((history) => history.kept[t]!.state.indicators[indicator.id]!);
      const micro = values.reduce((sum, value) => sum + Math.round(value * PRECISION), 0);
      const row = summary.indicators[indicator.id]!.byTurn[t]!;
      // The mean of exact micro-unit sums, to the state's precision (a half may round either way).
      expect(Math.abs(row.mean - micro / runs / PRECISION), `${indicator.id} at ${t}`).toBeLessThanOrEqual(0.5 / PRECISION + 1e-12);
      const sorted = [...values].sort((a, b) => a - b);
      const rank = (percent: number) => sorted[Math.max(1, Math.ceil((percent * runs) / 100)) - 1]!;
      // Percentiles come from bins 0.001 wide.
      expect(Math.abs(row.p50! - rank(50)), `${indicator.id} p50 at ${t}`).toBeLessThanOrEqual(0.0011);
      expect(Math.abs(row.p95! - rank(95)), `${indicator.id} p95 at ${t}`).toBeLessThanOrEqual(0.0011);
    }
  }
  const classes = histories.map((history) => outcomeOf(scenario, history.kept[turns]!.state).class);
  for (const klass of scenario.outcomes) expect(summary.outcomes[klass.id]!.count, klass.id).toBe(classes.filter((id) => id === klass.id).length);
}

describe('the batch summary, for any seed, run count, horizon and split of the runs', () => {
  it('is the same for every split and order on niger-2024, and matches the runs counted one by one', () => {
    fc.assert(fc.property(batch, (spec) => {
      const summary = whole(niger, spec);
      expect(JSON.stringify(split(niger, spec))).toBe(JSON.stringify(summary));
      byHand(niger, spec, summary);
    }), settings);
  });

  it('is the same for every split and order on generated scenarios, and matches the runs counted one by one', () => {
    fc.assert(fc.property(smallScenario, batch, (input, spec) => {
      const scenario = compileScenario(scenarioSchema.parse(input));
      const summary = whole(scenario, spec);
      expect(JSON.stringify(split(scenario, spec))).toBe(JSON.stringify(summary));
      byHand(scenario, spec, summary);
    }), settings);
  });
});
