import { monthLabel } from '../../engine/calendar.js';
import type { ScenarioInfo } from '../../engine/batch/summary.js';
import type { Block, Line } from '../document.js';
import { shellCommand } from '../shell.js';
import type { IndicatorSummary } from '../../engine/batch/summary.js';

/** Each turn's month (`May 2024`), or `turn N` for output that does not name its start month. */
export function monthsOf(scenario: ScenarioInfo, turns: number): string[] {
  const { start } = scenario;
  return Array.from({ length: turns + 1 }, (_, turn) => (start === undefined ? `turn ${turn}` : monthLabel(start, turn)));
}

/** A scenario as a reference: `niger-2024` or `niger-2024/us-withdrawal`. */
export function nameOf(scenario: ScenarioInfo): string {
  return scenario.variant === null ? scenario.id : `${scenario.id}/${scenario.variant}`;
}

/** The series of a fan chart for one arm: the mean with its 5th–95th percentile band (the band only when percentiles were kept). */
export function fanSeries(indicator: IndicatorSummary, label: string, style: 'mean' | 'base' | 'variant') {
  const byTurn = indicator.byTurn;
  const banded = byTurn.every((item) => item.p5 !== undefined && item.p95 !== undefined);
  return {
    label,
    style,
    values: byTurn.map((item) => item.mean),
    ...(banded ? { band: { low: byTurn.map((item) => item.p5 ?? item.mean), high: byTurn.map((item) => item.p95 ?? item.mean) } } : {}),
  };
}

/** The paragraph under every analysis page: how to draw a chart again. */
export const REUSE: Block = {
  kind: 'paragraph',
  line: [
    'Each chart\'s Vega-Lite spec, with its data, is in the page as a ', { code: '<script type="application/json" class="vega-lite-spec">' },
    ' element after the chart: load it in a notebook (Altair\'s ', { code: 'alt.Chart.from_dict' }, ', Observable\'s ', { code: 'vl.render' },
    ') to draw it again or change it. The numbers are those of ', { code: '--json' }, '.',
  ],
};

/**
 * The command that runs the analysis again, as a POSIX shell reads it: made
 * from the analysis itself, so a page drawn later from `--json` (by `report`)
 * is the page the command drew.
 */
export function runAgain(words: readonly string[]): Line {
  return ['Run it again with ', { code: shellCommand(['sandtable', ...words]) }, ' (for a scenario file, its path in place of the id).'];
}
