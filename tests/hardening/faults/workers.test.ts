import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutOf } from '../../../src/engine/batch/batch-layout.js';
import { tallyRuns } from '../../../src/engine/batch/runs.js';
import { BatchTally } from '../../../src/engine/batch/tally.js';
import { CsvRows, csvRunsPerTask } from '../../../src/cli/text/csv.js';
import { planTasks } from '../../../src/cli/parallel/tasks.js';
import { loadScenario } from '../../../src/scenarios/load.js';
import { COIN } from '../../batch/helpers.js';
import { ok, scratch } from '../../batch/cli.js';
import { ROOT, sandtable } from '../../helpers.js';
import { expectRefused, type Finished } from '../helpers.js';

// A worker thread that fails must fail its command with a clear line, stop
// the other workers and leave no output file, never leave the command
// waiting for results that will not come. Three ways a worker fails: the
// scenario cannot be run part-way through (a SimulationError in the worker:
// the user's to fix, exit 2); the worker thread dies outright (it exits, or
// throws where nothing catches it: the tool's fault, exit 70 with "internal
// error"); and, fixed here, a valid scenario too large for the worker's heap.

const dir = scratch('workers');

/**
 * The coin scenario with a chance that divides by zero at turn 3: the engine
 * throws a SimulationError inside whichever worker runs it.
 */
function brokenAtTurn3(): string {
  const path = join(dir, 'broken-at-3.yaml');
  writeFileSync(path, readFileSync(COIN, 'utf8').replace('chance: param.p', 'chance: "param.p / (3 - turn)"'));
  return path;
}

/** A valid scenario of 120 rules with long expressions: half a megabyte of data, far more once compiled. */
function heavy(): string {
  const balanced = (n: number): string => (n === 1 ? 'turn' : `(${balanced(Math.floor(n / 2))}+${balanced(n - Math.floor(n / 2))})`);
  const expression = `min(1, 0 * ${balanced(200)})`;
  const rules = Array.from({ length: 120 }, (_, i) => [
    `  - id: r${i}`, '    title: R', `    chance: "${expression}"`, '    effects:',
    `      - add: { ind.x: "${expression}" }`, `      - add: { ind.x: "${expression}" }`, '    narrative: n', '    source: s',
  ].join('\n'));
  const text = [
    'id: heavy', 'title: Heavy', 'version: "1"', 'start: "2024-01"', 'turns: 3',
    'issues:', '  - { id: topic, title: Topic }',
    'actors:', '  - id: one', '    name: One', '    actions:', '      - { id: act, title: Act, tends: Nothing, utility: "1" }',
    'indicators:', '  - { id: x, title: X, initial: 0.5 }',
    'cooperation: { symmetric: true, default: 0.5 }',
    'rules:', ...rules,
    'outcomes:', '  - { id: any, title: Any }',
  ].join('\n');
  const path = join(dir, 'heavy.yaml');
  writeFileSync(path, `${text}\n`);
  return path;
}

/**
 * A copy of the built program whose batch worker carries `sabotage`, run
 * from there. The program itself has no hook for this: the fault is put into
 * a copy of its compiled worker, the way a crash in a dependency would be.
 */
function sabotaged(name: string, sabotage: string): (args: readonly string[]) => Finished {
  const copy = join(dir, name);
  cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'src', 'scenarios', 'builtin'), join(copy, 'src', 'scenarios', 'builtin'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  appendFileSync(join(copy, 'dist', 'cli', 'parallel', 'worker.js'), `\n${sabotage}\n`);
  return (args) => {
    const result = spawnSync(process.execPath, [join(copy, 'bin', 'sandtable.js'), ...args], { cwd: copy, encoding: 'utf8', input: '', timeout: 60_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
}

/** A valid scenario as wide as the format allows: 128 indicators, 512 rules, 600 turns. */
function wide(): string {
  const lines = [
    'id: wide', 'title: Wide', 'version: "1"', 'start: "2024-01"', 'turns: 600',
    'issues:', '  - { id: topic, title: Topic }',
    'actors:', '  - id: one', '    name: One', '    actions:', '      - { id: act, title: Act, tends: Nothing, utility: "1" }',
    'indicators:', ...Array.from({ length: 128 }, (_, i) => `  - { id: i${i}, title: I${i}, initial: 0.123456 }`),
    'cooperation: { symmetric: true, default: 0.5 }',
    'rules:', ...Array.from({ length: 512 }, (_, i) => `  - { id: r${i}, title: R${i}, chance: 0.001, effects: [ { add: { ind.i${i % 128}: 0.000001 } } ], narrative: n, source: s }`),
    'outcomes:', '  - { id: any, title: Any }',
  ];
  const path = join(dir, 'wide.yaml');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('a worker thread that fails', () => {
  let broken = '';
  beforeAll(() => {
    broken = brokenAtTurn3();
  });

  it('on a scenario error at turn 3 fails batch, sweep and compare with the run, seed and turn, and leaves no CSV', () => {
    const out = scratch('workers-out');
    const common = ['--runs', '40', '--seed', '1', '--turns', '6', '--workers', '2'];
    const why = /the scenario cannot be run: run \d+ \(seed \d+\), turn 3: chance of heads would become (-?Infinity|NaN)/;
    expectRefused(sandtable(['batch', broken, ...common, '--csv', join(out, 'runs.csv')]), why);
    expectRefused(sandtable(['sweep', broken, '--set', 'p=0.1:0.3:3', ...common, '--csv', join(out, 'sweep.csv')]), why);
    expectRefused(sandtable(['compare', COIN, broken, ...common]), why);
    expect(readdirSync(out)).toEqual([]);
  });

  it('by exiting part-way fails the batch with one line (exit 70, an internal error) instead of waiting for it', () => {
    const run = sabotaged('exits', "(await import('node:worker_threads')).parentPort.on('message', (m) => { if (m.type === 'task' && m.task.id === 3) process.exit(3); });");
    const out = scratch('workers-exit');
    const result = run(['batch', 'niger-2024', '--runs', '400', '--seed', '1', '--workers', '2', '--csv', join(out, 'runs.csv')]);
    expect(result.code, result.stderr).toBe(70);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^sandtable: error: internal error: a worker thread stopped unexpectedly \(exit code 3\) \(please report this with the command you ran\)\n$/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('by throwing where nothing catches it fails the batch with one line instead of waiting for it', () => {
    const run = sabotaged('throws', "(await import('node:worker_threads')).parentPort.on('message', (m) => { if (m.type === 'task') setImmediate(() => { throw new Error('sabotaged worker'); }); });");
    for (const args of [['batch', 'niger-2024', '--runs', '50'], ['compare', 'niger-2024', 'niger-2024/us-withdrawal', '--runs', '50']]) {
      const result = run([...args, '--seed', '1', '--workers', '2']);
      expect(result.code, result.stderr).toBe(70);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^sandtable: error: internal error: sabotaged worker \(please report this with the command you ran\)\n$/);
    }
  });

  it('no longer runs out of heap writing --csv for a wide scenario: a task holds at most 8 MiB of rows, not 200 runs', () => {
    const scenario = loadScenario(wide());
    const layout = layoutOf(scenario, 600);
    const most = csvRunsPerTask(layout);
    const tasks = planTasks(0, 100_000, 100_000, 2, most);
    expect(Math.max(...tasks.map((task) => task.to - task.from))).toBe(most);
    const rows = new CsvRows(layout, scenario.start);
    tallyRuns(scenario, { seed: 1, turns: 600, from: 0, to: most }, new BatchTally(layout), {
      onTurn: (frame) => rows.turn(frame),
      onRun: (index, seed, outcome) => rows.run(index, seed, outcome),
    });
    const bytes = rows.take().length;
    expect(bytes).toBeLessThanOrEqual(8 * 1024 * 1024);
    // The old task of 200 runs held more than the 128 MB heap of a CSV worker.
    expect((bytes / most) * 200).toBeGreaterThan(128 * 1024 * 1024);
  });

  it('no longer runs out of heap on a large valid scenario (its compiled form got no room beyond a fixed cap)', () => {
    const path = heavy();
    const summary = JSON.parse(ok(['batch', path, '--runs', '4', '--seed', '1', '--workers', '1', '--json']));
    expect(summary.runs).toBe(4);
  });
});
