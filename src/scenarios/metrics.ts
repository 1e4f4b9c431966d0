import type { Expr, Metric, Track } from '../engine/types.js';
import type { ScenarioSpec } from './format.js';
import type { Problem } from './problem.js';
import type { ScenarioScope } from './scope.js';
import { ExpressionError } from './expression.js';
import { formatNumber } from '../engine/format.js';
import type { Frame } from '../engine/frame.js';

// Metrics: a value of the final state, or a number over the whole run. The
// running ones (largest, smallest, mean, months) keep a value in the frame's
// `tracks`, which the step updates at the end of every turn; the turn an event
// first fired and how often come from its tally. Nothing keeps the run's
// history for them, so the batch path computes them at no extra cost per run.

/** The engine's metrics and the tracks they read, in the layout's track order. */
export function compileMetrics(
  spec: ScenarioSpec,
  scope: ScenarioScope,
  expr: (path: (string | number)[], source: string | number | boolean) => Expr,
  problems: Problem[],
): { metrics: Metric[]; tracks: Track[] } {
  const tracks: Track[] = [];
  const metrics = spec.metrics.map((metric, i): Metric => {
    const path = ['metrics', i];
    const base = { id: metric.id, title: metric.title };
    if (metric.value !== undefined) return { ...base, value: expr([...path, 'value'], metric.value) };
    if (metric.first !== undefined || metric.count !== undefined) {
      const kind = metric.first !== undefined ? 'first' : 'count';
      const rule = (metric.first ?? metric.count)!;
      const index = scope.layout.eventIndex.get(rule);
      if (index === undefined) {
        try {
          scope.rule(rule);
        } catch (error) {
          if (!(error instanceof ExpressionError)) throw error;
          problems.push({ path: [...path, kind], message: error.message });
        }
        return { ...base, value: reader(`${kind}("${rule}")`, () => 0) };
      }
      const read = kind === 'first' ? (f: Frame) => f.first[index]! * (f.count[index]! > 0 ? 1 : 0) : (f: Frame) => f.count[index]!;
      return { ...base, value: reader(`${kind}("${rule}")`, read) };
    }
    const kind = metric.max !== undefined ? 'max' : metric.min !== undefined ? 'min' : metric.mean !== undefined ? 'mean' : 'months';
    const source = metric[kind]!;
    const value = expr([...path, kind], source);
    const slot = tracks.length;
    tracks.push({ id: metric.id, kind: kind === 'mean' ? 'sum' : kind, value });
    // Before any turn is played (turn 0) the largest, smallest and mean value are the value now.
    const read = kind === 'months'
      ? (f: Frame) => f.tracks[slot]!
      : kind === 'mean'
        ? (f: Frame) => (f.turn === 0 ? value.at(f) : f.tracks[slot]! / f.turn)
        : (f: Frame) => (f.turn === 0 ? value.at(f) : f.tracks[slot]!);
    return { ...base, value: reader(`${kind}(${value.source})`, read) };
  });
  return { metrics, tracks };
}

/** An Expr that reads a frame with `read`; metrics are only ever evaluated on frames. */
function reader(source: string, read: (f: Frame) => number): Expr {
  const explainAt = (f: Frame) => `${source} = ${formatNumber(read(f))}`;
  const unsupported = () => {
    throw new Error(`${source} is evaluated on frames only`);
  };
  return { source, at: read, explainAt, inputsAt: () => ({}), evaluate: unsupported, explain: unsupported, inputs: unsupported };
}
