import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUsageError, ROOT, sandtable } from '../helpers.js';
import { writeTemp } from '../evidence/fixtures.js';

// Calibration recovers a known chance. The scenario's rule `draw` fires with
// chance param.chance; its expectations are the shares `check` measured at
// chance = 0.3 (seed 7, 2,000 runs: 0.291 drawn in the first month, 0.653 by the
// third; 1 - 0.7^3 = 0.657), widened by 0.04 on each side. The file says
// chance = 0.6, so only calibration can bring it back near 0.3.

function drawScenario(expectations: string, params = '  chance: { value: 0.6, range: [0.05, 0.95] }\n  q: 0.5\n'): string {
  return `format: 2
id: draw
title: A draw with an unknown chance
version: "1"
start: "2024-04"
turns: 3
issues: []
params:
${params}actors:
  - { id: drawer, name: Drawer }
indicators:
  - { id: drawn, title: Drawn, initial: 0 }
cooperation: {}
rules:
  - id: draw
    title: Drawn
    chance: param.chance
    once: true
    effects:
      - set: { ind.drawn: 1 }
    narrative: Drawn.
    source: "Modelling assumption: a draw of chance p each month."
outcomes:
  - { id: drawn, title: Drawn, when: fired("draw") }
  - { id: not-drawn, title: Not drawn }
${expectations}`;
}

const MEASURED = `expectations:
  - id: first-month
    event: draw
    by: 1
    range: [0.251, 0.331]
    source: { note: "sandtable check at chance = 0.3, seed 7, 2000 runs: 0.291", date: "2024-04-01" }
  - id: by-third
    event: draw
    by: 3
    range: [0.613, 0.693]
    source: "sandtable check at chance = 0.3, seed 7, 2000 runs: 0.653"
`;

const calibrate = (file: string, extra: string[]) =>
  sandtable(['calibrate', file, '--param', 'chance', '--runs', '1000', '--samples', '32', '--refine', '8', '--seed', '11', ...extra]);

describe('sandtable calibrate', () => {
  const files = writeTemp({ 'draw.yaml': drawScenario(MEASURED) });
  const overlay = files['draw.yaml']!.replace(/draw\.yaml$/, 'draw-fit.yaml');

  it('recovers a chance from expectations made with it, and writes an overlay that check passes', () => {
    const result = calibrate(files['draw.yaml']!, ['--json', '--out', overlay]);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.seed).toBe(11);
    expect(out.interrupted).toBe(false);
    expect(out.fallback).toBe(false);
    expect(out.evaluated).toBe(40);
    const best = out.best.values.chance as number;
    expect(Math.abs(best - 0.3)).toBeLessThan(0.04);
    expect(out.best.fails).toBe(0);
    const spread = out.accepted.spread.chance;
    expect(out.accepted.count).toBeGreaterThan(1);
    expect(spread.min).toBeLessThanOrEqual(0.3);
    expect(spread.max).toBeGreaterThanOrEqual(0.3);
    expect(spread.max - spread.min).toBeLessThan(0.2);
    expect(out.best.expectations.map((item: { id: string }) => item.id)).toEqual(['first-month', 'by-third']);
    expect(out.overlay).toBe(overlay);

    const check = sandtable(['check', overlay, '--runs', '1000', '--seed', '11', '--json']);
    expect(check.code, check.stderr).toBe(0);
    const checked = JSON.parse(check.stdout);
    expect(checked.counts.fail).toBe(0);
    expect(checked.scenario.id).toBe('draw-calibrated');
    // The same seeds: check's estimates at the fitted values are calibrate's.
    expect(checked.expectations.map((item: { estimate: number }) => item.estimate))
      .toEqual(out.best.expectations.map((item: { estimate: number }) => item.estimate));
    // The file as written (chance = 0.6) fails them.
    expect(sandtable(['check', files['draw.yaml']!, '--runs', '1000', '--seed', '11']).code).toBe(1);
  });

  it('prints the best values, the spread, each expectation and the seed in text', () => {
    const result = sandtable(['calibrate', files['draw.yaml']!, '--param', 'chance', '--runs', '300', '--samples', '16', '--refine', '0']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/16 \+ 0 candidates × 300 runs/);
    expect(result.stdout).toMatch(/accepted: \d+ of 16 first-round candidates fail no expectation/);
    expect(result.stdout).toMatch(/\n\s+chance\s+0\.050–0\.950\s+0\.\d{3}/);
    expect(result.stdout).toMatch(/first-month\s+draw fired by turn 1/);
    expect(result.stderr).toMatch(/seed \d+ \(repeat this calibration with --seed \d+\)/);
  });

  it('gives the same result on one worker and on two', () => {
    const one = calibrate(files['draw.yaml']!, ['--json', '--workers', '1']);
    const two = calibrate(files['draw.yaml']!, ['--json', '--workers', '2']);
    expect(one.code, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('keeps the best tenth when no candidate meets every expectation', () => {
    const impossible = writeTemp({ 'never.yaml': drawScenario(`expectations:
  - { id: never, event: draw, by: 3, range: [0, 0.01], source: "Expert judgement: it never happens." }
`) });
    const result = sandtable(['calibrate', impossible['never.yaml']!, '--runs', '200', '--samples', '20', '--refine', '0', '--seed', '3', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.fallback).toBe(true);
    expect(out.accepted.count).toBe(2);
    expect(out.best.values.chance).toBe(out.accepted.spread.chance.min);
  });

  describe('refuses bad input in one line, exit 2', () => {
    it('a parameter with no range', () => {
      expectUsageError(['calibrate', files['draw.yaml']!, '--param', 'q'], /--param: parameter `q` has no range.*\(parameters with a range: chance\)/);
    });
    it('an unknown parameter, with the likely one', () => {
      expectUsageError(['calibrate', files['draw.yaml']!, '--param', 'chanse'], /--param: draw has no parameter `chanse`.*did you mean `?chance`?/);
    });
    it('a scenario with no expectations', () => {
      const bare = writeTemp({ 'bare.yaml': drawScenario('') });
      expectUsageError(['calibrate', bare['bare.yaml']!, '--param', 'chance'], /draw declares no expectations to calibrate against/);
    });
    it('an overlay path that is the scenario itself', () => {
      expectUsageError(['calibrate', files['draw.yaml']!, '--param', 'chance', '--out', files['draw.yaml']!], /draw\.yaml/);
    });
    it('a refinement round that is not a count', () => {
      expectUsageError(['calibrate', files['draw.yaml']!, '--refine', '-1'], /refinement round/);
    });
  });
});

// Ctrl+C as docs/analysis.md promises it: the workers stop, the candidates
// finished so far are reported as the best so far, a note says so, no overlay
// is written, and the exit code is 130 (143 for SIGTERM).
describe('sandtable calibrate stopped by a signal', () => {
  const BIN = join(ROOT, 'bin', 'sandtable.js');
  const WAIT_MS = 60_000;
  // Long enough that no machine finishes it: 1,032 candidates × 20,000 runs.
  const LONG = ['--param', 'chance', '--runs', '20000', '--samples', '1024', '--refine', '8', '--seed', '11', '--workers', '2', '--json'];
  const until = async (check: () => boolean, what: () => string) => {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > WAIT_MS) throw new Error(`gave up after ${WAIT_MS} ms waiting for ${what()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** What was reported on stdout, and which files are in the scenario's folder. */
  const reported = (json: string, dir: string) => ({ out: JSON.parse(json), files: readdirSync(dir).sort() });

  const socket = `sandtable-calibrate-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  beforeAll(() => {
    tmux('new-session', '-d', '-s', 'keeper', 'sleep 600');
  });
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('on a terminal: shows progress with the time left; Ctrl+C reports the best so far, writes no overlay, exits 130', async () => {
    const file = writeTemp({ 'draw.yaml': drawScenario(MEASURED) })['draw.yaml']!;
    const dir = dirname(file);
    // stdout to a file, stderr (the progress bar and the notes) on the terminal.
    tmux('new-session', '-d', '-s', 'calibrate', '-x', '160', '-y', '30',
      `cd '${dir}' && env CI=false '${process.execPath}' '${BIN}' calibrate draw.yaml ${LONG.join(' ')} --out fit.yaml > out.json; echo $? > exit; exec sleep 600`);
    const screen = () => tmux('capture-pane', '-p', '-t', 'calibrate');
    // Past 60,000 runs the first candidate is in: no task is handed out more than 128 tasks (25,600 runs) past the oldest unfinished.
    const done = () => Number(/(\d+)\/20480000 runs/.exec(screen())?.[1] ?? 0);
    await until(() => done() >= 60_000 && /runs\/s \| .+ left/.test(screen()), () => `progress past 60,000 runs with the time left:\n${screen()}`);
    const shell = Number(tmux('display', '-p', '-t', 'calibrate', '#{pane_pid}').trim());
    const pid = Number(readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(/\s+/)[0]);
    process.kill(pid, 'SIGINT');
    const exit = join(dir, 'exit');
    await until(() => existsSync(exit) && readFileSync(exit, 'utf8').trim() !== '', () => `the calibration's exit:\n${screen()}`);
    expect(Number(readFileSync(exit, 'utf8').trim()), screen()).toBe(130);

    const { out, files } = reported(readFileSync(join(dir, 'out.json'), 'utf8'), dir);
    expect(out.interrupted).toBe(true);
    expect(out.evaluated).toBeGreaterThan(0);
    expect(out.evaluated).toBeLessThan(1032);
    expect(out.best).not.toBeNull();
    expect(out.best.expectations.map((item: { id: string }) => item.id)).toEqual(['first-month', 'by-third']);
    expect(out.overlay).toBeNull();
    expect(files).toEqual(['draw.yaml', 'exit', 'out.json']);
    const lines = screen().split('\n').filter((line) => line.trim() !== '');
    expect(lines).toEqual([
      `sandtable: interrupted by SIGINT after ${out.evaluated} of 1032 candidates: the results above are the best so far; fit.yaml was not written`,
    ]);
    expect(tmux('display', '-p', '-t', 'calibrate', '#{cursor_flag}').trim(), 'cursor shown').toBe('1');
  });

  it('on SIGTERM, not on a terminal: the same report and one line on stderr, exit 143', async () => {
    const file = writeTemp({ 'draw.yaml': drawScenario(MEASURED) })['draw.yaml']!;
    const dir = dirname(file);
    const child = spawn(process.execPath, [BIN, 'calibrate', file, ...LONG, '--out', join(dir, 'fit.yaml')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.on('close', (code, signal) => resolve({ code, signal }));
    });
    // Once its two worker threads have started (more threads than a plain node
    // process has), it is well into its work with its handlers in place.
    const threads = (pid: number) => readdirSync(`/proc/${pid}/task`).length;
    const plain = spawn(process.execPath, ['-e', 'require("fs").stat("/", () => console.log("ready")); setTimeout(() => {}, 60_000)'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let ready = '';
    plain.stdout.on('data', (chunk) => { ready += chunk; });
    await until(() => ready.includes('ready'), () => 'a plain node process');
    const baseline = threads(plain.pid!);
    plain.kill('SIGKILL');
    await until(() => threads(child.pid!) >= baseline + 2, () => `the worker threads; stderr: ${stderr}`);
    child.kill('SIGTERM');
    const { code, signal } = await ended;
    expect(signal, stderr).toBeNull();
    expect(code, stderr).toBe(143);
    const { out, files } = reported(stdout, dir);
    expect(out.interrupted).toBe(true);
    expect(out.evaluated).toBeLessThan(1032);
    expect(out.overlay).toBeNull();
    expect(files).toEqual(['draw.yaml']);
    expect(stderr).toMatch(/^sandtable: interrupted by SIGTERM after \d+ of 1032 candidates: the results above are the best so far; .*fit\.yaml was not written\n$/);
  });
});
