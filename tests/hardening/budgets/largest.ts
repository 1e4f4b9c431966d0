import { LIMITS } from '../../../src/scenarios/format.js';
import { MAX_FILE_BYTES } from '../../../src/scenarios/read.js';
import { advanceTo, startHistory } from '../../../src/engine/history.js';
import { MAX_RECORD_INTERVENTIONS, MAX_TURNS, recordOf } from '../../../src/engine/record.js';
import { BINS } from '../../../src/engine/batch/histogram.js';
import { SHARD_FILE_LIMITS, SHARD_FORMAT, SHARD_FORMAT_VERSION } from '../../../src/engine/batch/shard-file.js';
import { loadScenario } from '../../../src/scenarios/load.js';
import type { Intervention } from '../../../src/engine/types.js';

// The largest valid input of each kind, built from the limits themselves so
// that it follows them when they change.

const METRICS = SHARD_FILE_LIMITS.metrics;

/**
 * A scenario at every count limit: the most actors, issues, indicators,
 * rules, actions per actor, effects per rule, metrics and variants, with
 * expressions that read the state (so none folds to a constant). As JSON,
 * it stays well inside the file-size cap (checked by the caller).
 */
export function largestScenario(variants: number = LIMITS.variants): string {
  const issues = Array.from({ length: LIMITS.issues }, (_, i) => ({ id: `issue${i}`, title: `Issue ${i}` }));
  const indicators = Array.from({ length: LIMITS.indicators }, (_, i) => ({ id: `ind${i}`, title: `Indicator ${i}`, initial: 0.5 }));
  const ind = (i: number) => `ind.ind${i % LIMITS.indicators}`;
  const actors = Array.from({ length: LIMITS.actors }, (_, a) => ({
    id: `actor-${a}`,
    name: `Actor ${a}`,
    stance: Object.fromEntries(issues.map((issue, i) => [issue.id, ((a + i) % 21) / 10 - 1])),
    actions: Array.from({ length: LIMITS.actionsPerActor }, (_, k) => ({
      id: `act-${k}`,
      title: `Act ${k}`,
      tends: 'Moves an indicator',
      utility: `${ind(a + k)} - 0.5 * ${ind(a * 3 + k)}`,
      effects: [{ add: { [ind(a + k)]: 0.001 } }],
    })),
  }));
  const rules = Array.from({ length: LIMITS.rules }, (_, r) => ({
    id: `rule-${r}`,
    title: `Rule ${r}`,
    when: `${ind(r)} < 0.9`,
    chance: `0.05 + 0.1 * ${ind(r + 1)}`,
    effects: Array.from({ length: LIMITS.effectsPerList }, (_, e) => ({ add: { [ind(r + e)]: `0.01 * (0.5 - ${ind(r + e + 7)})` } })),
    narrative: `Rule ${r} fired.`,
    source: 'Modelling assumption: a test of the largest scenario.',
  }));
  const spec = {
    id: 'largest',
    title: 'The largest valid scenario',
    version: '1',
    start: '2024-01',
    turns: 24,
    issues,
    params: { p: 0.5 },
    actors,
    indicators,
    cooperation: { symmetric: true, default: 0.5 },
    rules,
    metrics: Array.from({ length: METRICS }, (_, m) => ({ id: `metric${m}`, title: `Metric ${m}`, value: `${ind(m)} + ${ind(m + 1)}` })),
    outcomes: [{ id: 'high', title: 'High', when: `${ind(0)} > 0.5` }, { id: 'other', title: 'Other' }],
    variants: Array.from({ length: variants }, (_, v) => ({ id: `variant-${v}`, title: `Variant ${v}`, params: { p: v / Math.max(1, variants) } })),
  };
  const text = JSON.stringify(spec);
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) throw new RangeError('the largest scenario no longer fits the file-size cap');
  return text;
}

/** A record at the limits: the most turns and the most interventions (choices of niger-2024's actors). */
export function largestRecord(): string {
  const scenario = loadScenario('niger-2024');
  const interventions: Intervention[] = Array.from({ length: MAX_RECORD_INTERVENTIONS }, (_, i) => {
    const actor = scenario.actors[i % scenario.actors.length]!;
    const action = actor.actions[Math.floor(i / 8) % actor.actions.length]!;
    return { kind: 'choose', actor: actor.id, action: action.id, turn: 1 + (i % MAX_TURNS) };
  });
  return JSON.stringify(recordOf(advanceTo(startHistory(scenario, 7, MAX_TURNS, interventions))));
}

/**
 * A batch shard at the layout limits (the most events, indicators, outcome
 * classes and metrics over the most turns) whose histograms are as spread
 * as fits in `bytes`, with tallies a real batch could have: each spread
 * (indicator, turn) has one run in each of `runs` bins.
 */
export function largestShard(bytes: number, runs = 1000): string {
  const turns = MAX_TURNS;
  const named = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, title: `${prefix} ${i}` }));
  const layout = {
    turns,
    events: named('event', SHARD_FILE_LIMITS.events),
    indicators: named('indicator', SHARD_FILE_LIMITS.indicators).map((item, i) => ({ ...item, id: `indicator${i}` })),
    outcomes: named('outcome', SHARD_FILE_LIMITS.outcomes),
    metrics: named('metric', METRICS).map((item, i) => ({ ...item, id: `metric${i}` })),
    quantiles: true,
  };
  const spreadBins: number[] = [];
  let spreadSum = 0;
  for (let run = 0; run < runs; run += 1) {
    const bin = Math.round((run * (BINS - 1)) / (runs - 1));
    spreadBins.push(bin, 1);
    spreadSum += bin * 1000;
  }
  const spreadText = JSON.stringify(spreadBins).length;
  const slots = layout.indicators.length * (turns + 1);
  const budget = Math.max(0, bytes - 2_000_000);
  const spread = Math.min(slots, Math.floor(budget / spreadText));
  let slot = 0;
  const indicatorSums: number[][] = [];
  const indicatorBins: number[][][] = [];
  for (let i = 0; i < layout.indicators.length; i += 1) {
    const sums: number[] = [];
    const bins: number[][] = [];
    for (let t = 0; t <= turns; t += 1, slot += 1) {
      if (slot < spread) {
        sums.push(spreadSum);
        bins.push(spreadBins);
      } else {
        sums.push(0);
        bins.push([0, runs]);
      }
    }
    indicatorSums.push(sums);
    indicatorBins.push(bins);
  }
  const never = (width: number) => Array.from({ length: width }, (_, column) => (column === width - 1 ? runs : 0));
  const tally = {
    runs,
    firstFired: layout.events.map(() => never(turns + 2)),
    indicatorSums,
    indicatorBins,
    outcomes: layout.outcomes.map((_, index) => (index === 0 ? runs : 0)),
    metricSums: layout.metrics.map(() => String(runs * 500_000)),
    metricSquares: layout.metrics.map(() => String(runs * 500_000 * 500_000)),
  };
  return JSON.stringify({
    format: SHARD_FORMAT,
    formatVersion: SHARD_FORMAT_VERSION,
    command: 'batch',
    shard: { index: 1, count: 1 },
    runs,
    seed: 1,
    turns,
    scenario: { id: 'largest', title: 'Largest', version: '1', variant: null, hash: '0'.repeat(64) },
    parameters: [],
    layout,
    combinations: [{ index: 0, params: {}, hash: '0'.repeat(64), tally }],
  });
}
