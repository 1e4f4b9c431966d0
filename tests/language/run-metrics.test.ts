import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advanceTo, branch, startHistory } from '../../src/engine/history.js';
import { resultOf, run, runFast } from '../../src/engine/run.js';
import { outcomeOf } from '../../src/engine/outcome.js';
import { round } from '../../src/engine/effects.js';
import { sandtable } from '../helpers.js';
import { compileText, problemsOf } from './helpers.js';

// Insurgency drifts at random; a monthly report (which always fires) shows its
// value at the start of each month in `run --json`.
const METRICS = `format: 2
id: run-metrics
title: Metrics over the run
version: "1"
start: "2024-01"
turns: 18
issues: []
actors:
  - id: state
    name: State
indicators:
  - { id: insurgency, title: Insurgency, initial: 0.4 }
cooperation: {}
rules:
  - id: monthly-report
    title: Monthly report
    chance: "1 + 0 * ind.insurgency"
    narrative: The month's report.
    source: "Modelling assumption: a test."
  - id: attack
    title: An attack
    chance: 0.35
    effects:
      - add: { ind.insurgency: { uniform: [0.02, 0.12] } }
    narrative: Insurgents attack.
    source: "Modelling assumption: a test."
dynamics:
  - add: { ind.insurgency: -0.03 }
metrics:
  - { id: peak, title: Peak insurgency, max: ind.insurgency }
  - { id: low, title: Lowest insurgency, min: ind.insurgency }
  - { id: average, title: Mean insurgency, mean: ind.insurgency }
  - { id: hot, title: Months above 0.42, months: "ind.insurgency > 0.42" }
  - { id: firstAttack, title: First attack, first: attack }
  - { id: attacks, title: Attacks, count: attack }
  - { id: final, title: Final insurgency, value: ind.insurgency }
outcomes:
  - { id: flare-up, title: A flare-up, when: "metric.peak > 0.45" }
  - { id: calm, title: Calm }
`;

interface RunJson {
  timeline: { turn: number; events: { id: string; why: { chance: { inputs: Record<string, number> } } }[] }[];
  final: { indicators: Record<string, number> };
  outcome: { metrics: Record<string, number>; class: string };
}

describe('metrics over the whole run', () => {
  const scenario = compileText(METRICS);

  it('gives the maximum of an indicator over the turns, as computed by hand from run --json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandtable-metrics-'));
    const file = join(dir, 'metrics.yaml');
    writeFileSync(file, METRICS);
    let flares = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const { code, stdout, stderr } = sandtable(['run', file, '--seed', String(seed), '--json']);
      expect(code, stderr).toBe(0);
      const json = JSON.parse(stdout) as RunJson;
      // The report at turn t reads the value at the end of turn t - 1; the final state gives the last turn's.
      const values = json.timeline.filter((turn) => turn.turn >= 2).map((turn) => turn.events.find((event) => event.id === 'monthly-report')!.why.chance.inputs['ind.insurgency']!);
      values.push(json.final.indicators.insurgency!);
      expect(values).toHaveLength(18);
      const attacks = json.timeline.filter((turn) => turn.events.some((event) => event.id === 'attack'));
      expect(json.outcome.metrics).toEqual({
        peak: Math.max(...values),
        low: Math.min(...values),
        average: round(values.reduce((a, b) => a + b, 0) / values.length),
        hot: values.filter((value) => value > 0.42).length,
        firstAttack: attacks[0]?.turn ?? 0,
        attacks: attacks.length,
        final: json.final.indicators.insurgency,
      });
      expect(json.outcome.class).toBe(Math.max(...values) > 0.45 ? 'flare-up' : 'calm');
      if (json.outcome.class === 'flare-up') flares += 1;
    }
    expect(flares).toBeGreaterThan(0);
    expect(flares).toBeLessThan(5);
  });

  it('gives the same values on the batch path, and after a branch, as on the interactive path', () => {
    for (const seed of [7, 8, 9]) {
      const history = run(scenario, { seed, turns: 18 });
      const interactive = resultOf(history).outcome;
      expect(outcomeOf(scenario, runFast(scenario, { seed, turns: 18 }).state)).toEqual(interactive);
      const fork = advanceTo(branch(advanceTo(startHistory(scenario, seed, 18), 9), 9, []));
      expect(resultOf(fork).outcome).toEqual(interactive);
    }
  });

  it('refuses a metric with no kind or two, and a metric read outside an outcome', () => {
    expect(problemsOf(METRICS.replace('max: ind.insurgency }', 'max: ind.insurgency, min: ind.insurgency }'))[0])
      .toMatch(/metrics\[0\]: has `max` and `min`; give only one$/);
    expect(problemsOf(METRICS.replace('count: attack }', 'count: atack }'))[0])
      .toMatch(/metrics\[5\]\.count: unknown event `atack`; did you mean `attack`\?$/);
    expect(problemsOf(METRICS.replace('chance: 0.35', 'chance: "metric.peak"'))[0])
      .toMatch(/rules\[1\]\.chance: `metric\.peak`: a metric can be read only in an outcome's `when`$/);
    expect(problemsOf(METRICS.replace('"metric.peak > 0.45"', '"metric.pek > 0.6"'))[0])
      .toMatch(/outcomes\[0\]\.when: unknown metric `metric\.pek`; did you mean `peak`\?$/);
  });
});
