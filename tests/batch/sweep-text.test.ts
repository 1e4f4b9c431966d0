import { describe, expect, it } from 'vitest';
import { percent, percentInterval } from '../../src/engine/format.js';
import { decimal, decimalInterval } from '../../src/cli/text/format.js';
import { ok } from './cli.js';

interface Stat {
  readonly p?: number;
  readonly mean?: number;
  readonly ci95: [number, number];
}

describe('the text of sweep', () => {
  const args = ['sweep', 'niger-2024', '--set', 'talksChance=0:0.4:3', '--runs', '40', '--seed', '2', '--turns', '6', '--workers', '2'];
  const text = ok(args);
  const summary = JSON.parse(ok([...args, '--json']));
  const tableOf = (title: string) => {
    const lines = text.split('\n');
    const start = lines.indexOf(title);
    const end = lines.indexOf('', start);
    return lines.slice(start + 1, end);
  };

  const cases = [
    ['outcome share', 'Outcome frequencies at turn 6', 'outcomes', (item: Stat) => `${percent(item.p!)} ${percentInterval(item.ci95)}`, /\d+\.\d% \(\d+\.\d–\d+\.\d%\)/],
    ['metric mean', 'Metric means at turn 6', 'metrics', (item: Stat) => `${decimal(item.mean!)} ${decimalInterval(item.ci95)}`, /\d\.\d{3} \(\d\.\d{3} to \d\.\d{3}\)/],
  ] as const;

  for (const [what, title, group, cell, shape] of cases) {
    it(`shows each ${what} with its 95% interval, the same as sweep --json`, () => {
      const rows = tableOf(title).slice(1);
      expect(rows).toHaveLength(3);
      summary.combinations.forEach((combination: Record<string, Record<string, Stat>>, i: number) => {
        for (const item of Object.values(combination[group]!)) expect(rows[i]).toContain(cell(item));
      });
      expect(rows[0]).toMatch(shape);
    });
  }
});
