import { describe, expect, it } from 'vitest';
import { hashOf } from '../../src/engine/hash.js';
import { resultOf, run, runFast } from '../../src/engine/run.js';
import { Streams } from '../../src/engine/random.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { hashes } from '../helpers.js';

const scenario = loadScenario('niger-2024');

describe('determinism', () => {
  it('gives the same final hash and the same report for the same seed', () => {
    const a = resultOf(run(scenario, { seed: 42, turns: 24 }));
    const b = resultOf(run(loadScenario('niger-2024'), { seed: 42, turns: 24 }));
    expect(a.finalHash).toBe(b.finalHash);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('gives different runs for different seeds', () => {
    const finals = new Set<string>();
    for (let seed = 0; seed < 20; seed += 1) finals.add(resultOf(run(scenario, { seed, turns: 24 })).finalHash);
    expect(finals.size).toBeGreaterThanOrEqual(18);
  });

  it('gives the same state on the batch path as on the interactive path', () => {
    for (let seed = 100; seed < 160; seed += 1) {
      const interactive = run(scenario, { seed, turns: 24 });
      const fast = runFast(scenario, { seed, turns: 24 });
      expect(hashOf(fast.state)).toBe(interactive.kept[24]!.hash);
    }
  });

  it('keeps a run\'s first turns when it is run longer', () => {
    const short = run(scenario, { seed: 5, turns: 6 });
    const long = run(scenario, { seed: 5, turns: 12 });
    expect(hashes(long).slice(0, 7)).toEqual(hashes(short));
  });
});

describe('keyed random streams', () => {
  it('draw the same number for a (seed, key, turn) whatever else was drawn before', () => {
    const a = new Streams(9);
    const first = [a.draw('rule:x', 1), a.draw('rule:x', 2), a.draw('rule:x', 3)];
    const b = new Streams(9);
    b.draw('rule:other', 1);
    b.draw('decide:usa', 5);
    expect(b.draw('rule:x', 3)).toBe(first[2]);
    expect(b.draw('rule:x', 1)).toBe(first[0]);
    expect(new Streams(10).draw('rule:x', 1)).not.toBe(first[0]);
  });

  it('give independent numbers to different keys', () => {
    const streams = new Streams(1);
    const values = ['rule:a', 'rule:b', 'decide:niger', 'decide:usa'].map((key) => streams.draw(key, 1));
    expect(new Set(values).size).toBe(4);
    for (const value of values) expect(value >= 0 && value < 1).toBe(true);
  });
});
