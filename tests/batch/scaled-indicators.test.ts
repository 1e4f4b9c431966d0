import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandtable } from '../helpers.js';
import { batch } from '../../src/engine/batch/in-process.js';
import { deriveSeed } from '../../src/engine/random.js';
import { run } from '../../src/engine/run.js';
import { check } from '../../src/engine/batch/in-process.js';
import { compileText } from '../language/helpers.js';
import { formatBatch } from '../../src/cli/text/batch-text.js';

// Troops counted in troops: a batch's means and percentiles must be in troops
// too, not a share of [0, 1] cut off at 1.
const TROOPS = `format: 2
id: troops
title: Troops on their own scale
version: "1"
start: "2024-01"
turns: 4
issues: []
actors:
  - id: mission
    name: The mission
indicators:
  - { id: troops, title: Troops, initial: 4000, range: [0, 5000], unit: troops }
  - { id: tension, title: Tension, initial: 0.2 }
cooperation: {}
rules:
  - id: reinforcement
    title: Reinforcements
    chance: 0.5
    effects:
      - add: { ind.troops: 300, ind.tension: 0.1 }
    narrative: "Reinforcements arrive."
    source: "Modelling assumption: a test."
outcomes:
  - { id: any, title: Any }
expectations:
  - id: troops-mean
    indicator: troops
    at: 4
    range: [4000, 5000]
    source: "Modelling assumption: a test."
`;

/** The p-th percentile as the batch defines it: the smallest value with at least p% of the runs at or below it. */
function percentile(values: readonly number[], percent: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((percent * sorted.length) / 100)) - 1]!;
}

describe('a batch of an indicator on its own scale', () => {
  const scenario = compileText(TROOPS);
  const runs = 200;
  const summary = batch(scenario, { seed: 9, runs });
  const finals = Array.from({ length: runs }, (_, index) => {
    const history = run(scenario, { seed: deriveSeed(9, index), turns: 4 });
    return history.kept[4]!.state.indicators;
  });

  it('gives the mean and percentiles in the indicator\'s units, as the runs one by one do', () => {
    const troops = finals.map((state) => state.troops!);
    const last = summary.indicators.troops!.byTurn[4]!;
    const mean = troops.reduce((sum, value) => sum + value, 0) / runs;
    expect(last.mean).toBeCloseTo(mean, 6);
    expect(last.mean).toBeGreaterThan(4000);
    // Histograms keep a thousandth of the range: 5 troops here.
    for (const [key, percent] of [['p5', 5], ['p50', 50], ['p95', 95]] as const) {
      expect(Math.abs(last[key]! - percentile(troops, percent))).toBeLessThanOrEqual(2.5);
    }
    expect(summary.indicators.troops!.byTurn[0]).toMatchObject({ mean: 4000, p5: 4000, p50: 4000, p95: 4000 });
  });

  it('keeps an indicator on [0, 1] exactly as before', () => {
    const tension = finals.map((state) => state.tension!);
    const last = summary.indicators.tension!.byTurn[4]!;
    expect(last.mean).toBeCloseTo(tension.reduce((sum, value) => sum + value, 0) / runs, 6);
    expect(last.p50).toBe(percentile(tension, 50));
  });

  it('checks an expectation on the indicator in its units', () => {
    const [result] = check(scenario, { seed: 9, runs });
    expect(result!.estimate).toBeCloseTo(summary.indicators.troops!.byTurn[4]!.mean, 6);
    expect(result!.verdict).toBe('pass');
  });

  it('draws its sparklines on its own range in the text of a batch, and says so', () => {
    expect(summary.indicators.troops!.range).toEqual([0, 5000]);
    expect(summary.indicators.tension!.range).toBeUndefined();
    const text = formatBatch(summary);
    expect(text).toMatch(/sparklines on a 0 to 1 scale, or on the range an indicator declares/);
    const block = text.slice(text.indexOf('  troops:'), text.indexOf('  tension:'));
    const mean = /\n {4}mean ([^\n]+)/.exec(block)![1]!;
    // 4000 of 5000 troops is 0.8 of the range: the seventh bar of eight, never the full one.
    expect(mean[0]).toBe('▇');
    expect(mean).not.toMatch(/█{5}/);
  });

  it('is drawn by report from batch --json, its chart on its own range', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandtable-scaled-'));
    writeFileSync(join(dir, 'troops.yaml'), TROOPS);
    const json = sandtable(['batch', join(dir, 'troops.yaml'), '--runs', '50', '--seed', '1', '--workers', '1', '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).indicators.troops.range).toEqual([0, 5000]);
    writeFileSync(join(dir, 'troops.json'), json.stdout);
    const page = sandtable(['report', join(dir, 'troops.json'), '--out', join(dir, 'troops.html')]);
    expect(page.code, page.stderr).toBe(0);
    // The y axis of the troops chart is labelled up to the top of its range.
    expect(readFileSync(join(dir, 'troops.html'), 'utf8')).toMatch(/>5,000</);
  });
});
