import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeShards, MergeError, parseShardFile } from '../../../src/engine/batch/merge.js';
import { COIN } from '../../batch/helpers.js';
import { expectUsageError, ok, scratch } from '../../batch/cli.js';

// A shard's tallies are sums that runs produced. A shard edited to claim sums
// no run could give (an indicator on a 0-1 scale averaging 99, a metric mean
// of Infinity, a negative variance) used to merge into a summary that said so.

type Tally = {
  runs: number;
  firstFired: number[][];
  indicatorSums: number[][];
  indicatorBins: number[][][];
  outcomes: number[];
  metricSums: string[];
  metricSquares: string[];
};

describe('merge, given a shard whose tallies no run could produce', () => {
  const dir = scratch('shard-tallies');
  let text = '';
  beforeAll(() => {
    text = ok(['batch', COIN, '--runs', '20', '--seed', '3', '--turns', '3', '--shard', '1/1', '--workers', '1']);
  });
  /** The shard with its tally edited by `edit`; merging it must throw naming `field`. */
  const refused = (edit: (tally: Tally) => void, message: RegExp) => {
    const data = JSON.parse(text);
    edit(data.combinations[0].tally);
    const merge = () => mergeShards([{ name: 'edited.json', file: parseShardFile(JSON.stringify(data)) }]);
    expect(merge).toThrow(MergeError);
    expect(merge).toThrow(message);
  };

  it('merges the shard as the batch wrote it', () => {
    expect(mergeShards([{ name: 'good.json', file: parseShardFile(text) }]).combinations[0]!.tally.runs).toBe(20);
  });

  it('refuses an indicator mean of 99 on a 0-1 scale', () => {
    refused((tally) => { tally.indicatorSums[0]![2] = 99 * 1e6 * 20; }, /edited\.json, combination 0: indicatorSums of indicator heads at turn 2 is 1980000000, outside 0 to 20000000/);
  });

  it('refuses an indicator sum its histogram does not allow', () => {
    refused((tally) => { tally.indicatorSums[0]![0] = 5 * 1e6; }, /indicatorSums of indicator heads at turn 0 is 5000000, outside what its histogram allows \(0 to 10000\)/);
  });

  it('refuses histograms with more runs in a bin than the shard ran', () => {
    refused((tally) => { tally.indicatorBins[0]![1] = [0, 25]; }, /indicatorBins of indicator heads at turn 1 has 25 runs in bin 0, not a count from 0 to 20/);
  });

  it('refuses a metric mean of Infinity', () => {
    refused((tally) => {
      tally.metricSums[0] = `1${'0'.repeat(400)}`;
      tally.metricSquares[0] = `1${'0'.repeat(900)}`;
    }, /metricSums of metric heads is beyond what 20 finite values add up to/);
  });

  it('refuses a negative variance, and a negative sum of squares', () => {
    refused((tally) => { tally.metricSquares[0] = '0'; tally.metricSums[0] = '5000000'; }, /metricSquares of metric heads is too small for its metricSums \(the variance would be negative\)/);
    refused((tally) => { tally.metricSquares[0] = '-1'; }, /metricSquares of metric heads is negative/);
  });

  it('refuses event and outcome counts beyond the runs', () => {
    refused((tally) => { tally.firstFired[0]![1]! += 21; }, /firstFired of event heads has \d+ runs at turn 1, not a count from 0 to 20/);
    refused((tally) => { tally.outcomes = [30, 0]; }, /outcomes of class heads has 30 runs, not a count from 0 to 20/);
    refused((tally) => { tally.outcomes = [1, 2]; }, /outcomes add up to 3 runs, not 20/);
  });

  it('says so in one line naming the file and the field, with exit 2', () => {
    const data = JSON.parse(text);
    data.combinations[0].tally.metricSquares[0] = '0';
    data.combinations[0].tally.metricSums[0] = '5000000';
    const path = join(dir, 'variance.json');
    writeFileSync(path, JSON.stringify(data));
    expectUsageError(['merge', path, '--json'], /variance\.json, combination 0: metricSquares of metric heads is too small for its metricSums \(the variance would be negative\); no run of the scenario gives that/);
  });
});
