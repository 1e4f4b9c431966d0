import { describe, expect, it } from 'vitest';
import { expectUsageError, sandtable } from '../helpers.js';
import { writeTemp } from '../evidence/fixtures.js';

// Calibration recovers a known chance. The scenario's rule `draw` fires with
// chance param.chance; its expectations are the shares `check` measured at
// chance = 0.3 (seed 7, 2,000 runs: 0.291 drawn in the first month, 0.653 by the
// third; 1 - 0.7^3 = 0.657), widened by 0.04 on each side. The file says
// chance = 0.6, so only calibration can bring it back near 0.3.

function drawScenario(expectations: string, params = '  chance: { value: 0.6, range: [0.05, 0.95] }\n  q: 0.5\n'): string {
  return `format: 2
id: draw
title: A draw with an unknown chance
version: "1"
start: "2024-04"
turns: 3
issues: []
params:
${params}actors:
  - { id: drawer, name: Drawer }
indicators:
  - { id: drawn, title: Drawn, initial: 0 }
cooperation: {}
rules:
  - id: draw
    title: Drawn
    chance: param.chance
    once: true
    effects:
      - set: { ind.drawn: 1 }
    narrative: Drawn.
    source: "Modelling assumption: a draw of chance p each month."
outcomes:
  - { id: drawn, title: Drawn, when: fired("draw") }
  - { id: not-drawn, title: Not drawn }
${expectations}`;
}

const MEASURED = `expectations:
  - id: first-month
    event: draw
    by: 1
    range: [0.251, 0.331]
    source: { note: "sandtable check at chance = 0.3, seed 7, 2000 runs: 0.291", date: "2024-04-01" }
  - id: by-third
    event: draw
    by: 3
    range: [0.613, 0.693]
    source: "sandtable check at chance = 0.3, seed 7, 2000 runs: 0.653"
`;

const calibrate = (file: string, extra: string[]) =>
  sandtable(['calibrate', file, '--param', 'chance', '--runs', '1000', '--samples', '32', '--refine', '8', '--seed', '11', ...extra]);

describe('sandtable calibrate', () => {
  const files = writeTemp({ 'draw.yaml': drawScenario(MEASURED) });
  const overlay = files['draw.yaml']!.replace(/draw\.yaml$/, 'draw-fit.yaml');

  it('recovers a chance from expectations made with it, and writes an overlay that check passes', () => {
    const result = calibrate(files['draw.yaml']!, ['--json', '--out', overlay]);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.seed).toBe(11);
    expect(out.interrupted).toBe(false);
    expect(out.fallback).toBe(false);
    expect(out.evaluated).toBe(40);
    const best = out.best.values.chance as number;
    expect(Math.abs(best - 0.3)).toBeLessThan(0.04);
    expect(out.best.fails).toBe(0);
    const spread = out.accepted.spread.chance;
    expect(out.accepted.count).toBeGreaterThan(1);
    expect(spread.min).toBeLessThanOrEqual(0.3);
    expect(spread.max).toBeGreaterThanOrEqual(0.3);
    expect(spread.max - spread.min).toBeLessThan(0.2);
    expect(out.best.expectations.map((item: { id: string }) => item.id)).toEqual(['first-month', 'by-third']);
    expect(out.overlay).toBe(overlay);

    const check = sandtable(['check', overlay, '--runs', '1000', '--seed', '11', '--json']);
    expect(check.code, check.stderr).toBe(0);
    const checked = JSON.parse(check.stdout);
    expect(checked.counts.fail).toBe(0);
    expect(checked.scenario.id).toBe('draw-calibrated');
    // The same seeds: check's estimates at the fitted values are calibrate's.
    expect(checked.expectations.map((item: { estimate: number }) => item.estimate))
      .toEqual(out.best.expectations.map((item: { estimate: number }) => item.estimate));
    // The file as written (chance = 0.6) fails them.
    expect(sandtable(['check', files['draw.yaml']!, '--runs', '1000', '--seed', '11']).code).toBe(1);
  });

  it('prints the best values, the spread, each expectation and the seed in text', () => {
    const result = sandtable(['calibrate', files['draw.yaml']!, '--param', 'chance', '--runs', '300', '--samples', '16', '--refine', '0']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/16 \+ 0 candidates × 300 runs/);
    expect(result.stdout).toMatch(/accepted: \d+ of 16 first-round candidates fail no expectation/);
    expect(result.stdout).toMatch(/\n\s+chance\s+0\.050–0\.950\s+0\.\d{3}/);
    expect(result.stdout).toMatch(/first-month\s+draw fired by turn 1/);
    expect(result.stderr).toMatch(/seed \d+ \(repeat this calibration with --seed \d+\)/);
  });

  it('gives the same result on one worker and on two', () => {
    const one = calibrate(files['draw.yaml']!, ['--json', '--workers', '1']);
    const two = calibrate(files['draw.yaml']!, ['--json', '--workers', '2']);
    expect(one.code, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('keeps the best tenth when no candidate meets every expectation', () => {
    const impossible = writeTemp({ 'never.yaml': drawScenario(`expectations:
  - { id: never, event: draw, by: 3, range: [0, 0.01], source: "Expert judgement: it never happens." }
`) });
    const result = sandtable(['calibrate', impossible['never.yaml']!, '--runs', '200', '--samples', '20', '--refine', '0', '--seed', '3', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.fallback).toBe(true);
    expect(out.accepted.count).toBe(2);
    expect(out.best.values.chance).toBe(out.accepted.spread.chance.min);
  });

  describe('refuses bad input in one line, exit 2', () => {
    it('a parameter with no range', () => {
      expectUsageError(['calibrate', files['draw.yaml']!, '--param', 'q'], /--param: parameter `q` has no range.*\(parameters with a range: chance\)/);
    });
    it('an unknown parameter, with the likely one', () => {
      expectUsageError(['calibrate', files['draw.yaml']!, '--param', 'chanse'], /--param: draw has no parameter `chanse`.*did you mean `?chance`?/);
    });
    it('a scenario with no expectations', () => {
      const bare = writeTemp({ 'bare.yaml': drawScenario('') });
      expectUsageError(['calibrate', bare['bare.yaml']!, '--param', 'chance'], /draw declares no expectations to calibrate against/);
    });
    it('an overlay path that is the scenario itself', () => {
      expectUsageError(['calibrate', files['draw.yaml']!, '--param', 'chance', '--out', files['draw.yaml']!], /draw\.yaml/);
    });
    it('a refinement round that is not a count', () => {
      expectUsageError(['calibrate', files['draw.yaml']!, '--refine', '-1'], /refinement round/);
    });
  });
});
