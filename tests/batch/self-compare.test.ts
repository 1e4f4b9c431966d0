import { describe, expect, it } from 'vitest';
import { meanInterval, pairedShareInterval } from '../../src/engine/batch/interval.js';
import { ok } from './cli.js';
import { COIN } from './helpers.js';

type Entry = { difference: number; ci95: [number, number] | null; baseOnly?: number; variantOnly?: number };

describe('the paired interval of a difference in chances', () => {
  it('is [0, 0] when no pair differs, however many runs had the event', () => {
    expect(pairedShareInterval({ both: 0, firstOnly: 0, secondOnly: 0, neither: 80 })).toEqual([0, 0]);
    expect(pairedShareInterval({ both: 30, firstOnly: 0, secondOnly: 0, neither: 70 })).toEqual([0, 0]);
    expect(pairedShareInterval({ both: 1, firstOnly: 0, secondOnly: 0, neither: 0 })).toEqual([0, 0]);
  });

  it('is the t interval of the per-run differences (+1 second only, -1 first only, 0 otherwise)', () => {
    // 2 pairs at -1, 25 at +1, 73 at 0: the same numbers as a metric that is 0 or 1 per run.
    const expected = meanInterval({ n: 100, sum: 23n, squares: 27n }, 1)!;
    expect(pairedShareInterval({ both: 30, firstOnly: 2, secondOnly: 25, neither: 43 })).toEqual(expected);
    const [low, high] = expected;
    expect(low).toBeGreaterThan(0.1);
    expect(high).toBeLessThan(0.36);
  });

  it('stays within [-1, 1], and says nothing for a single pair that differs', () => {
    expect(pairedShareInterval({ both: 0, firstOnly: 0, secondOnly: 1, neither: 0 })).toEqual([-1, 1]);
    const [low, high] = pairedShareInterval({ both: 0, firstOnly: 0, secondOnly: 3, neither: 1 });
    expect(low).toBeGreaterThanOrEqual(-1);
    expect(high).toBeLessThanOrEqual(1);
  });
});

describe('a scenario compared with itself', () => {
  const entries = (comparison: Record<string, Record<string, Entry>>) =>
    [comparison.metrics!, comparison.events!, comparison.outcomes!].flatMap((group) => Object.values(group));

  for (const [name, base, variant] of [
    ['a built-in scenario', 'niger-2024', 'niger-2024'],
    ['one variant on both sides', 'niger-2024/us-withdrawal', 'niger-2024/us-withdrawal'],
    ['a scenario file', COIN, COIN],
  ] as const) {
    it(`shows exactly zero differences with zero-width intervals, in --json and in the text (${name})`, () => {
      const args = ['compare', base, variant, '--runs', '60', '--seed', '4', '--turns', '8', '--workers', '2'];
      const comparison = JSON.parse(ok([...args, '--json']));
      expect(comparison.diverged).toBe(0);
      const all = entries(comparison);
      expect(all.length).toBeGreaterThan(2);
      for (const entry of all) {
        expect(entry.difference).toBe(0);
        expect(entry.ci95).toEqual([0, 0]);
      }
      const text = ok(args);
      const chanceRows = text.split('\n').filter((line) => / pp /.test(line));
      expect(chanceRows.length).toBe(Object.keys(comparison.events).length + Object.keys(comparison.outcomes).length);
      for (const line of chanceRows) expect(line).toMatch(/ 0\.0 pp {2}0\.0 pp to 0\.0 pp +0 +0$/);
      expect(text).not.toMatch(/[−+]\d+\.\d pp/);
    });
  }

  it('keeps the field names of compare --json', () => {
    const comparison = JSON.parse(ok(['compare', COIN, COIN, '--runs', '10', '--seed', '1', '--json']));
    expect(Object.keys(comparison.events.heads)).toEqual(['title', 'base', 'variant', 'difference', 'ci95', 'baseOnly', 'variantOnly']);
    expect(Object.keys(comparison.metrics.heads)).toEqual(['title', 'base', 'variant', 'difference', 'ci95']);
  });
});
