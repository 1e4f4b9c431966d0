import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/load.js';
import { sandtable } from '../helpers.js';
import { interrupt, ok, scratch } from './cli.js';
import { COIN, oneByOne } from './helpers.js';

describe('sandtable batch', () => {
  const args = ['batch', 'niger-2024', '--runs', '300', '--seed', '11', '--json'];

  it('prints the same JSON, byte for byte, with 1, 2 and 3 workers, and the same as the runs one by one', () => {
    const one = ok([...args, '--workers', '1']);
    expect(ok([...args, '--workers', '2'])).toBe(one);
    expect(ok([...args, '--workers', '3'])).toBe(one);
    expect(one).toBe(`${JSON.stringify(oneByOne(loadScenario('niger-2024'), 11, 300), null, 2)}\n`);
  });

  it('prints the fields of the contract', () => {
    const summary = JSON.parse(ok(['batch', '--runs', '50', '--seed', '3', '--turns', '6', '--json']));
    expect(summary).toMatchObject({ runs: 50, seed: 3, turns: 6, scenario: { id: 'niger-2024', variant: null } });
    for (const id of ['us-flights-declared-illegal', 'us-withdrawal-announced', 'us-withdrawal-complete', 'russian-expansion', 'us-russia-cooperation']) {
      const event = summary.events[id];
      expect(event.byTurn).toHaveLength(7);
      expect(event.ci95).toHaveLength(2);
      expect(event.ci95[0]).toBeLessThanOrEqual(event.p);
      expect(event.p).toBeLessThanOrEqual(event.ci95[1]);
    }
    for (const id of ['insurgency', 'usPresence', 'russianPresence']) {
      expect(summary.indicators[id].byTurn).toHaveLength(7);
      expect(Object.keys(summary.indicators[id].byTurn[6])).toEqual(['turn', 'mean', 'p5', 'p50', 'p95']);
    }
    const shares = Object.values(summary.outcomes as Record<string, { p: number; ci95: number[] }>);
    expect(shares.reduce((sum, outcome) => sum + outcome.p, 0)).toBeCloseTo(1, 6);
    expect(shares.every((outcome) => outcome.ci95.length === 2)).toBe(true);
  });

  it('prints a summary table with sparklines, and no progress bar when stderr is not a terminal', () => {
    const { code, stdout: text, stderr } = sandtable(['batch', '--runs', '40', '--seed', '5', '--turns', '12']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(text).toMatch(/^niger-2024: .*\n40 runs · seed 5 · 12 turns/);
    expect(text).toMatch(/us-withdrawal-announced\s+\d+\.\d%\s+\(\d+\.\d–\d+\.\d%\)\s+[\d.-]+\s+[▁▂▃▄▅▆▇█]{13}/);
    expect(text).toMatch(/insurgency: .*\n {4}mean [▁▂▃▄▅▆▇█]{13}\n {4}p5 {3}[▁▂▃▄▅▆▇█]{13}/);
    expect(text).toMatch(/Outcomes \(95% interval\)/);
  });

  it('writes one row per run and turn to --csv, in run order whatever the worker count, atomically', () => {
    const dir = scratch('csv');
    const file = (workers: string) => {
      const path = join(dir, `runs-${workers}.csv`);
      ok(['batch', COIN, '--runs', '25', '--seed', '2', '--turns', '3', '--workers', workers, '--csv', path]);
      return readFileSync(path, 'utf8');
    };
    const csv = file('1');
    expect(file('2')).toBe(csv);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('run,seed,turn,date,heads,fired.heads,outcome');
    expect(lines).toHaveLength(1 + 25 * 4);
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map((row) => Number(row[0]))).toEqual(Array.from({ length: 100 }, (_, i) => Math.floor(i / 4)));
    expect(rows.map((row) => row[3]).slice(0, 4)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    // A run that came up heads has heads = 1 from that turn on, and ends in the heads class.
    for (let run = 0; run < 25; run += 1) {
      const own = rows.slice(run * 4, run * 4 + 4);
      expect(own[0]![4]).toBe('0');
      expect(own[3]![6]).toBe(own[3]![5] === '1' ? 'heads' : 'tails');
    }
    expect(readdirSync(dir).sort()).toEqual(['runs-1.csv', 'runs-2.csv']);
  });

  it('stops its workers on Ctrl+C, leaves no output file, and exits 130', async () => {
    const dir = scratch('interrupt');
    const started = () => readdirSync(dir).some((name) => name.endsWith('.tmp'));
    const result = await interrupt(['batch', '--runs', '5000000', '--seed', '1', '--workers', '2', '--csv', join(dir, 'runs.csv')], 'SIGINT', started);
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual(['sandtable: error: interrupted by SIGINT: the workers were stopped and no output file was written']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops on SIGTERM too, and exits 143', async () => {
    const dir = scratch('terminate');
    const started = () => readdirSync(dir).some((name) => name.endsWith('.tmp'));
    const result = await interrupt(['batch', '--runs', '5000000', '--seed', '1', '--workers', '1', '--csv', join(dir, 'runs.csv')], 'SIGTERM', started);
    expect(result.code).toBe(143);
    expect(result.stderr).toMatch(/^sandtable: error: interrupted by SIGTERM/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
