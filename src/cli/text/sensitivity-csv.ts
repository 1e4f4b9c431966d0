import type { SensitivitySummary } from '../../engine/analysis/sensitivity/summary.js';
import { csvLine } from './csv.js';

/**
 * `sensitivity --csv FILE`: one row per output and parameter (tidy data), in
 * the order of the JSON, with the parameter's rank for that output (1 = most
 * influential). Morris: mu*, its interval, mu, sigma. Sobol: ST and S1 with
 * their intervals, empty for an output that does not vary.
 */
export function sensitivityCsv(summary: SensitivitySummary): string {
  const lines: string[] = [];
  if (summary.method === 'morris') {
    lines.push(csvLine(['output', 'parameter', 'rank', 'muStar', 'muStar.low', 'muStar.high', 'mu', 'sigma']));
    for (const [key, output] of Object.entries(summary.outputs)) {
      output.ranking.forEach((name, rank) => {
        const index = output.indices?.[name];
        lines.push(csvLine([key, name, rank + 1, ...(index === undefined ? ['', '', '', '', ''] : [index.muStar, ...index.muStarCi95, index.mu, index.sigma])]));
      });
    }
  } else {
    lines.push(csvLine(['output', 'parameter', 'rank', 'ST', 'ST.low', 'ST.high', 'S1', 'S1.low', 'S1.high']));
    for (const [key, output] of Object.entries(summary.outputs)) {
      output.ranking.forEach((name, rank) => {
        const index = output.indices?.[name];
        lines.push(csvLine([key, name, rank + 1, ...(index === undefined ? ['', '', '', '', '', ''] : [index.ST, ...index.STCi95, index.S1, ...index.S1Ci95])]));
      });
    }
  }
  return lines.join('');
}
