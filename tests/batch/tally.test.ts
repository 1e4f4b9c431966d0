import { describe, expect, it } from 'vitest';
import { BINS, binPercentile } from '../../src/engine/batch/histogram.js';
import { shardRange } from '../../src/engine/batch/shard.js';
import { tallyFromJson, tallyToJson } from '../../src/engine/batch/shard-file.js';
import { medianTurn, scenarioInfo, summarizeBatch } from '../../src/engine/batch/summary.js';
import { BatchTally } from '../../src/engine/batch/tally.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { oneByOne, tallyOf } from './helpers.js';

const scenario = loadScenario('niger-2024');
const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('streaming tallies', () => {
  it('give the same summary however the runs are split and in whatever order the parts are added', () => {
    const whole = oneByOne(scenario, 9, 60, 12);
    const parts = ([[40, 60], [0, 7], [25, 40], [7, 25]] as const).map(([from, to]) => tallyOf(scenario, 9, 12, from, to));
    const merged = new BatchTally(parts[0]!.layout);
    for (const part of parts) merged.add(part.data());
    expect(json(summarizeBatch(9, scenarioInfo(scenario), merged))).toBe(json(whole));
  });

  it('keep the same memory for 10 runs as for 200', () => {
    const small = tallyOf(scenario, 2, 24, 0, 10);
    const large = tallyOf(scenario, 2, 24, 0, 200);
    const size = (tally: BatchTally) => tally.firstFired.length + tally.indicatorSums.length + (tally.indicatorBins?.length ?? 0) + tally.outcomes.length;
    expect(size(large)).toBe(size(small));
    expect(large.indicatorBins!.length).toBe(scenario.indicators.length * 25 * BINS);
  });

  it('count every run once per event, outcome and indicator turn', () => {
    const tally = tallyOf(scenario, 3, 24, 0, 50);
    const width = 26;
    for (let event = 0; event < scenario.rules.length; event += 1) {
      expect(tally.firstFired.subarray(event * width, (event + 1) * width).reduce((a, b) => a + b, 0)).toBe(50);
    }
    expect(tally.outcomes.reduce((a, b) => a + b, 0)).toBe(50);
  });

  it('survive the round trip through a shard file exactly', () => {
    const tally = tallyOf(scenario, 4, 24, 0, 30);
    const back = tallyFromJson(tally.layout, JSON.parse(JSON.stringify(tallyToJson(tally))));
    expect(json(summarizeBatch(4, scenarioInfo(scenario), back))).toBe(json(summarizeBatch(4, scenarioInfo(scenario), tally)));
    expect(back.metricSquares).toEqual(tally.metricSquares);
  });

  it('report cumulative event chances from turn 0 to the last turn, ending at p', () => {
    const summary = oneByOne(scenario, 5, 80);
    for (const event of Object.values(summary.events)) {
      expect(event.byTurn).toHaveLength(25);
      expect(event.byTurn[24]).toBe(event.p);
      expect(event.byTurnCi95).toHaveLength(25);
      expect(event.byTurnCi95[24]).toEqual(event.ci95);
      for (let turn = 1; turn < 25; turn += 1) expect(event.byTurn[turn]).toBeGreaterThanOrEqual(event.byTurn[turn - 1]!);
    }
    for (const indicator of Object.values(summary.indicators)) {
      expect(indicator.byTurn).toHaveLength(25);
      for (const turn of indicator.byTurn) {
        expect(turn.p5!).toBeLessThanOrEqual(turn.p50!);
        expect(turn.p50!).toBeLessThanOrEqual(turn.p95!);
      }
    }
  });
});

describe('percentiles and medians', () => {
  it('take the percentile from fixed 0.001 bins by the inverted empirical distribution', () => {
    const counts = new Uint32Array(BINS);
    // 100 values: 0.1 (x5), 0.5 (x90), 0.9 (x5).
    counts[100] = 5;
    counts[500] = 90;
    counts[900] = 5;
    expect(binPercentile(counts, 0, 100, 5)).toBe(0.1);
    expect(binPercentile(counts, 0, 100, 6)).toBe(0.5);
    expect(binPercentile(counts, 0, 100, 50)).toBe(0.5);
    expect(binPercentile(counts, 0, 100, 95)).toBe(0.5);
    expect(binPercentile(counts, 0, 100, 96)).toBe(0.9);
  });

  it('take the median turn as the middle value, or the mean of the two middle values', () => {
    expect(medianTurn([0, 1, 1, 1], 3)).toBe(2);
    expect(medianTurn([0, 1, 1, 0], 2)).toBe(1.5);
    expect(medianTurn([0, 0, 0], 0)).toBeNull();
  });
});

describe('shards', () => {
  it('cover every run exactly once, in order', () => {
    for (const [total, count] of [[10, 3], [7, 7], [3, 5], [100_000, 16]] as const) {
      let next = 0;
      for (let index = 1; index <= count; index += 1) {
        const { from, to } = shardRange(total, { index, count });
        expect(from).toBe(next);
        expect(to).toBeGreaterThanOrEqual(from);
        next = to;
      }
      expect(next).toBe(total);
    }
  });
});
