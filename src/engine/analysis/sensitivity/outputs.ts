import type { BatchLayout } from '../../batch/batch-layout.js';
import { PRECISION } from '../../effects.js';
import type { TallyData } from '../../batch/tally.js';

/**
 * What a study measures at each point, over its runs: each metric's mean at
 * the last turn, each event's share of runs in which it has fired by the
 * last turn, and each outcome class's share.
 */
export interface StudyOutput {
  /** `metric.<id>`, `event.<id>` or `outcome.<id>`: the key of the output in JSON and CSV. */
  readonly key: string;
  readonly kind: 'metric' | 'event' | 'outcome';
  readonly id: string;
  readonly title: string;
}

/** The outputs of a layout, in a fixed order: metrics, events, outcome classes. */
export function studyOutputs(layout: BatchLayout): StudyOutput[] {
  return [
    ...layout.metrics.map(({ id, title }) => ({ key: `metric.${id}`, kind: 'metric' as const, id, title })),
    ...layout.events.map(({ id, title }) => ({ key: `event.${id}`, kind: 'event' as const, id, title })),
    ...layout.outcomes.map(({ id, title }) => ({ key: `outcome.${id}`, kind: 'outcome' as const, id, title })),
  ];
}

/**
 * The counts behind a point's outputs: runs, runs in which each event fired
 * by the last turn, runs ending in each outcome class, and each metric's sum
 * in millionths. All integers, so the counts of any split of a point's runs
 * (over workers or shards) add up to exactly the same.
 */
export interface PointCounts {
  runs: number;
  readonly fired: number[];
  readonly outcomes: number[];
  readonly metricSums: bigint[];
}

/** No runs yet. */
export function emptyCounts(layout: BatchLayout): PointCounts {
  return { runs: 0, fired: layout.events.map(() => 0), outcomes: layout.outcomes.map(() => 0), metricSums: layout.metrics.map(() => 0n) };
}

/** Add the runs of a batch tally (of the same layout) to a point's counts. */
export function addTally(counts: PointCounts, layout: BatchLayout, tally: TallyData): void {
  const width = layout.turns + 2;
  counts.runs += tally.runs;
  counts.fired.forEach((_, event) => {
    // Every column but the last ("never fired, or past the horizon").
    let fired = 0;
    for (let turn = 0; turn <= layout.turns; turn += 1) fired += tally.firstFired[event * width + turn]!;
    counts.fired[event]! += fired;
  });
  counts.outcomes.forEach((_, index) => {
    counts.outcomes[index]! += tally.outcomes[index]!;
  });
  counts.metricSums.forEach((_, index) => {
    counts.metricSums[index]! += tally.metricSums[index]!;
  });
}

/** Add one point's counts to another's. */
export function addCounts(target: PointCounts, source: PointCounts): void {
  target.runs += source.runs;
  source.fired.forEach((value, index) => {
    target.fired[index]! += value;
  });
  source.outcomes.forEach((value, index) => {
    target.outcomes[index]! += value;
  });
  source.metricSums.forEach((value, index) => {
    target.metricSums[index]! += value;
  });
}

/** The value of every output (in `studyOutputs` order) at a point, from its counts. */
export function outputValues(counts: PointCounts): number[] {
  const { runs } = counts;
  return [
    ...counts.metricSums.map((sum) => Number(sum) / runs / PRECISION),
    ...counts.fired.map((fired) => fired / runs),
    ...counts.outcomes.map((count) => count / runs),
  ];
}

/**
 * Every output's value at every point of a study: what the estimators read.
 * A point's runs are reduced to its outputs as soon as they are all counted,
 * so a study keeps a few numbers per point and nothing per run.
 */
export class StudyValues {
  /** values[output][point] */
  readonly values: Float64Array[];
  private readonly done: Uint8Array;

  constructor(readonly outputs: number, readonly points: number) {
    this.values = Array.from({ length: outputs }, () => new Float64Array(points));
    this.done = new Uint8Array(points);
  }

  set(point: number, counts: PointCounts): void {
    outputValues(counts).forEach((value, output) => {
      this.values[output]![point] = value;
    });
    this.done[point] = 1;
  }

  /** The first point with no values yet, or null when all have them. */
  missing(): number | null {
    const index = this.done.indexOf(0);
    return index < 0 ? null : index;
  }
}
