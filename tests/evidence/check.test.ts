import { describe, expect, it } from 'vitest';
import { evaluateExpectations, misfit, verdictOf } from '../../src/engine/analysis/expectations.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { loadScenario, parseSpec } from '../../src/scenarios/load.js';
import { check } from '../../src/index.js';
import { tallyOf } from '../batch/helpers.js';
import { sandtable } from '../helpers.js';
import { problemsOf } from '../scenarios/fixtures.js';
import { flipScenario, writeTemp } from './fixtures.js';

// `check` on a rule with a known chance (one half): a range well around it
// passes, one far from it fails, and one with a bound at it stays undecided.
// 4,000 runs give intervals of about ±0.016, so with seed 3 each verdict is
// what the chance says (the undecided one would be at almost any seed).

const VERDICTS = `  - { id: about-half, event: flip, range: [0.45, 0.55], source: "Reference class: fair coins." }
  - { id: mostly-heads, event: flip, by: 1, range: [0.8, 1], source: "Expert judgement: a biased view." }
  - { id: at-least-half, event: flip, range: [0.5, 0.9], source: "Expert judgement: at least half." }
`;
const EVERY_KIND = `  - { id: heads-share, outcome: heads, range: [0.4, 0.6], source: "Reference class: fair coins." }
  - { id: heads-mean, indicator: heads, at: 1, range: [0.4, 0.6], source: "Reference class: fair coins." }
  - { id: heads-median-start, indicator: heads, at: 0, stat: median, range: [0, 0.1], source: "By construction." }
  - { id: heads-metric, metric: headsAtEnd, range: [0.4, 0.6], source: "Reference class: fair coins.", weight: 3 }
`;

describe('expectations evaluated from a tally', () => {
  const scenario = compileScenario(parseSpec(flipScenario(VERDICTS + EVERY_KIND), 'flip.yaml'));

  it('give pass, fail and undecided as the known chance says', () => {
    const tally = tallyOf(scenario, 3, 1, 0, 4000);
    const results = evaluateExpectations(scenario.expectations, { layout: tally.layout, data: tally.data() });
    expect(results.map((result) => [result.id, result.verdict])).toEqual([
      ['about-half', 'pass'], ['mostly-heads', 'fail'], ['at-least-half', 'undecided'],
      ['heads-share', 'pass'], ['heads-mean', 'pass'], ['heads-median-start', 'pass'], ['heads-metric', 'pass'],
    ]);
    const [half] = results;
    expect(half!.estimate).toBeGreaterThan(0.48);
    expect(half!.estimate).toBeLessThan(0.52);
    expect(half!.ci95![0]).toBeLessThan(half!.estimate);
    expect(half!.ci95![1]).toBeGreaterThan(half!.estimate);
    // The same runs counted three ways agree: share fired, outcome share, mean of a 0/1 indicator.
    expect(results[3]!.estimate).toBe(half!.estimate);
    expect(results[4]!.estimate).toBe(half!.estimate);
    expect(results[6]!.estimate).toBe(half!.estimate);
    expect(results[6]!.weight).toBe(3);
  });

  it('are the same from tallies merged in any split', () => {
    const whole = tallyOf(scenario, 9, 1, 0, 1000);
    const first = tallyOf(scenario, 9, 1, 0, 371);
    first.add(tallyOf(scenario, 9, 1, 371, 1000).data());
    const of = (tally: typeof whole) => evaluateExpectations(scenario.expectations, { layout: tally.layout, data: tally.data() });
    expect(of(first)).toEqual(of(whole));
  });

  it('decide by where the interval lies', () => {
    expect(verdictOf([0.2, 0.3], [0.1, 0.4])).toBe('pass');
    expect(verdictOf([0.2, 0.3], [0.31, 0.4])).toBe('fail');
    expect(verdictOf([0.2, 0.3], [0, 0.19])).toBe('fail');
    expect(verdictOf([0.2, 0.3], [0.25, 0.4])).toBe('undecided');
    expect(verdictOf([0.2, 0.3], [0.21, 0.29])).toBe('undecided');
    expect(verdictOf(null, [0, 1])).toBe('undecided');
  });

  it('measure misfit as weighted squared distance outside the ranges', () => {
    const result = { id: 'x', title: 'x', ci95: null, verdict: 'fail' as const, source: '' };
    expect(misfit([{ ...result, estimate: 0.5, range: [0.4, 0.6], weight: 1 }])).toBe(0);
    expect(misfit([{ ...result, estimate: 0.8, range: [0.4, 0.6], weight: 2 }])).toBeCloseTo(2, 12);
  });
});

describe('expectations that name what does not exist', () => {
  it.each([
    ['{ id: x, event: flp, range: [0, 1], source: s }', 'expectations[0].event: unknown event (rule) `flp`; did you mean `flip`?'],
    ['{ id: x, event: flip, by: 5, range: [0, 1], source: s }', "expectations[0].by: turn 5 is after the scenario's last turn (1)"],
    ['{ id: x, indicator: head, range: [0, 1], source: s }', 'expectations[0].indicator: unknown indicator `head`; did you mean `heads`?'],
    ['{ id: x, indicator: heads, at: 2, range: [0, 1], source: s }', "expectations[0].at: turn 2 is after the scenario's last turn (1)"],
    ['{ id: x, outcome: tail, range: [0, 1], source: s }', 'expectations[0].outcome: unknown outcome class `tail`; did you mean `tails`?'],
    ['{ id: x, metric: headsAtTheEnd, range: [0, 1], source: s }', 'expectations[0].metric: unknown metric `headsAtTheEnd`'],
    ['{ id: x, event: flip, range: [0.6, 0.4], source: s }', "expectations[0].range: the range's low end must not be above its high end: [0.6, 0.4]"],
    ['{ id: x, outcome: heads, range: [0.5, 1.5], source: s }', 'expectations[0].range: a share of runs lies from 0 to 1; [0.5, 1.5] goes outside'],
  ])('refuse %s with one line naming the field', (entry, message) => {
    const problems = problemsOf(flipScenario(`  - ${entry}\n`), 'flip.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('refuse an expectation without a source or a quantity', () => {
    expect(problemsOf(flipScenario('  - { id: x, event: flip, range: [0, 1] }\n'), 'flip.yaml').join('\n')).toMatch(/expectations\[0\]/);
    expect(problemsOf(flipScenario('  - { id: x, range: [0, 1], source: s }\n'), 'flip.yaml').join('\n')).toMatch(/expectations\[0\]/);
  });

  it('are left out of the scenario hash', () => {
    const one = compileScenario(parseSpec(flipScenario(VERDICTS), 'flip.yaml'));
    const other = compileScenario(parseSpec(flipScenario(EVERY_KIND), 'flip.yaml'));
    expect(other.hash).toBe(one.hash);
  });
});

describe('sandtable check', () => {
  const files = writeTemp({ 'verdicts.yaml': flipScenario(VERDICTS), 'passing.yaml': flipScenario(EVERY_KIND), 'none.yaml': flipScenario('  []\n') });

  it('prints each verdict and exits 1 when one fails', () => {
    const { code, stdout, stderr } = sandtable(['check', files['verdicts.yaml']!, '--seed', '3', '--runs', '4000', '--json']);
    expect(code, stderr).toBe(1);
    const out = JSON.parse(stdout) as { seed: number; runs: number; counts: unknown; expectations: { id: string; verdict: string; range: number[]; source: string }[] };
    expect(out.seed).toBe(3);
    expect(out.runs).toBe(4000);
    expect(out.counts).toEqual({ pass: 1, fail: 1, undecided: 1 });
    expect(out.expectations.map((item) => item.verdict)).toEqual(['pass', 'fail', 'undecided']);
    expect(out.expectations[1]).toMatchObject({ id: 'mostly-heads', range: [0.8, 1], source: 'Expert judgement: a biased view.' });
    expect(stderr).toBe('');
  });

  it('exits 0 when none fails, prints the seed it picked, and gives the same text on any number of workers', () => {
    const picked = sandtable(['check', files['passing.yaml']!, '--runs', '2000']);
    expect(picked.code, picked.stderr).toBe(0);
    const seed = /seed (\d+) \(repeat this check with --seed \1\)/.exec(picked.stderr)?.[1];
    expect(seed).toBeDefined();
    const one = sandtable(['check', files['passing.yaml']!, '--runs', '2000', '--seed', seed!, '--workers', '1']);
    const two = sandtable(['check', files['passing.yaml']!, '--runs', '2000', '--seed', seed!, '--workers', '2']);
    expect(one.stdout).toBe(picked.stdout);
    expect(two.stdout).toBe(picked.stdout);
    expect(picked.stdout).toMatch(/4 pass · 0 fail · 0 undecided/);
    expect(picked.stdout).toMatch(/heads-share\s+share ending heads\s+0\.\d{3}\s+0\.\d{3}–0\.\d{3}\s+0\.400–0\.600\s+pass/);
  });

  it('says undecided with the hint that more runs would tell', () => {
    const { stdout } = sandtable(['check', files['verdicts.yaml']!, '--seed', '3', '--runs', '4000']);
    expect(stdout).toMatch(/at-least-half\s+flip fired by turn 1 .* undecided/);
    expect(stdout).toMatch(/1 pass · 1 fail · 1 undecided \(the interval straddles a bound: more runs would tell\)/);
    expect(stdout).toMatch(/mostly-heads \(fail\) rests on: Expert judgement: a biased view\./);
  });

  it('gives the results of the library\'s check', () => {
    const { stdout } = sandtable(['check', files['verdicts.yaml']!, '--seed', '5', '--runs', '700', '--json']);
    const out = JSON.parse(stdout) as { expectations: ({ quantity: unknown } & Record<string, unknown>)[] };
    const library = check(loadScenario(files['verdicts.yaml']!), { seed: 5, runs: 700 });
    expect(out.expectations.map(({ quantity: _quantity, ...rest }) => rest)).toEqual(JSON.parse(JSON.stringify(library)));
  });

  it('refuses a scenario with no expectations, and a bad one, with one line and exit 2', () => {
    const none = sandtable(['check', files['none.yaml']!, '--seed', '1']);
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toBe('sandtable: error: flip declares no expectations; add an `expectations:` list (see docs/analysis.md)');
    const [bad] = Object.values(writeTemp({ 'bad.yaml': flipScenario('  - { id: x, event: flp, range: [0, 1], source: s }\n') }));
    const refused = sandtable(['check', bad!, '--seed', '1']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^sandtable: error: .*bad\.yaml:\d+:\d+: expectations\[0\]\.event: unknown event \(rule\) `flp`; did you mean `flip`\?$/)]);
  });
});
