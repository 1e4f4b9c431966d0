import { describe, expect, it } from 'vitest';
import { batch, compare } from '../../src/engine/batch/in-process.js';
import { jsonText } from '../../src/cli/json.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { sandtable } from '../helpers.js';

// The library's batch and compare run on the calling thread; the command line
// spreads the same runs over workers. Both must give the same summary.

describe('batch and compare on the calling thread', () => {
  const scenario = loadScenario('niger-2024');

  it('give the same summary as `sandtable batch --json` for the same seed, runs and turns', () => {
    const cli = sandtable(['batch', 'niger-2024', '--runs', '40', '--seed', '11', '--turns', '8', '--workers', '2', '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(jsonText(batch(scenario, { seed: 11, runs: 40, turns: 8 }), 2)).toBe(cli.stdout);
  });

  it('give the same comparison as `sandtable compare --json`', () => {
    const cli = sandtable(['compare', 'niger-2024', 'niger-2024/us-withdrawal', '--runs', '40', '--seed', '11', '--turns', '8', '--workers', '2', '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(jsonText(compare(scenario, loadScenario('niger-2024/us-withdrawal'), { seed: 11, runs: 40, turns: 8 }), 2)).toBe(cli.stdout);
  });

  it('take the scenario default turns when none are given', () => {
    expect(batch(scenario, { seed: 1, runs: 2 }).turns).toBe(scenario.defaultTurns);
  });

  it('refuse a number of runs that is not a whole number from 1', () => {
    expect(() => batch(scenario, { seed: 1, runs: 0 })).toThrow(RangeError);
    expect(() => compare(scenario, scenario, { seed: 1, runs: 1.5 })).toThrow(/whole number from 1, not 1.5/);
  });
});
