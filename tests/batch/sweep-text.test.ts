import { describe, expect, it } from 'vitest';
import { percent, percentInterval } from '../../src/engine/format.js';
import { decimal, decimalInterval } from '../../src/cli/text/format.js';
import { ok } from './cli.js';

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

  it('shows each outcome share with its 95% interval, the same as sweep --json', () => {
    const rows = tableOf('Outcome frequencies at turn 6').slice(1);
    expect(rows).toHaveLength(3);
    summary.combinations.forEach((combination: { outcomes: Record<string, { p: number; ci95: [number, number] }> }, i: number) => {
      for (const outcome of Object.values(combination.outcomes)) {
        expect(rows[i]).toContain(`${percent(outcome.p)} ${percentInterval(outcome.ci95)}`);
      }
    });
    expect(rows[0]).toMatch(/\d+\.\d% \(\d+\.\d–\d+\.\d%\)/);
  });

  it('shows each metric mean with its 95% interval, the same as sweep --json', () => {
    const rows = tableOf('Metric means at turn 6').slice(1);
    expect(rows).toHaveLength(3);
    summary.combinations.forEach((combination: { metrics: Record<string, { mean: number; ci95: [number, number] }> }, i: number) => {
      for (const metric of Object.values(combination.metrics)) {
        expect(rows[i]).toContain(`${decimal(metric.mean)} ${decimalInterval(metric.ci95)}`);
      }
    });
    expect(rows[0]).toMatch(/\d\.\d{3} \(\d\.\d{3} to \d\.\d{3}\)/);
  });
});
