import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_REPORT_PAIRED_TURNS } from '../../src/cli/options.js';
import { advanceTo, startHistory } from '../../src/engine/history.js';
import { recordOf } from '../../src/engine/record.js';
import { afterAction } from '../../src/engine/analysis/after-action.js';
import type { Intervention } from '../../src/engine/types.js';
import { renderReport } from '../../src/render/index.js';
import { builtinSpec } from '../../src/scenarios/load.js';
import { expectUsageError, sandtable } from '../helpers.js';
import { scenario } from './helpers.js';

// A report's counterfactual used to run its paired runs one after another on
// the main thread with no bound: an allowed record of 100,000 interventions
// over 600 turns kept `report` busy for about an hour. It now runs them on
// the worker pool, with the same counts whatever the number of workers, and
// refuses more paired turns than its stated budget before running any.

const dir = mkdtempSync(join(tmpdir(), 'sandtable-report-workers-'));
const choices: Intervention[] = [
  { kind: 'choose', actor: 'usa', action: 'withdraw', turn: 1 },
  { kind: 'force', event: 'us-flights-declared-illegal', turn: 2 },
  { kind: 'choose', actor: 'usa', action: 'pressure', turn: 3 },
];

function write(name: string, turns: number, interventions: Intervention[]): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(recordOf(advanceTo(startHistory(scenario, 11, turns, interventions)))));
  return path;
}

describe('report on worker threads', () => {
  it('prints the same report, byte for byte, on one worker, on two, and computed on one thread', async () => {
    const record = write('played.json', 8, choices);
    const one = sandtable(['report', record, '--runs', '30', '--workers', '1']);
    const two = sandtable(['report', record, '--runs', '30', '--workers', '2']);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const spec = builtinSpec('niger-2024');
    const history = advanceTo(startHistory(scenario, 11, 8, choices));
    const inThread = await renderReport({ analysis: afterAction(history, 30), roles: spec.roles, injects: spec.injects, record }, 'md');
    expect(one.stdout).toBe(inThread);
  });

  it('refuses a counterfactual of more paired turns than its budget, saying which --runs fits', () => {
    const record = write('long.json', 600, []);
    const most = Math.floor(MAX_REPORT_PAIRED_TURNS / 600);
    expectUsageError(['report', record, '--runs', String(most + 1)],
      new RegExp(`a counterfactual of ${most + 1} paired runs over the record's 600 turns is ${(most + 1) * 600} paired turns; a report computes at most ${MAX_REPORT_PAIRED_TURNS}: give --runs ${most} or fewer`));
  });
});
