import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRecord, replay } from '../../src/engine/record.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { forkBranch, mainBranch } from '../../src/tui/branches.js';
import { exportExercise, exportRecord, recordFileName } from '../../src/tui/export.js';
import { historyAt, scenario } from './helpers.js';

const write = (path: string, content: string) => writeFileSync(path, content);
const dirs: string[] = [];
const workDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandtable-tui-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const main = mainBranch(historyAt(123, 3));
const whatIf = forkBranch(main, 1, 3, {
  kind: 'interventions',
  interventions: [{ kind: 'force', event: 'us-withdrawal-announced', turn: 4 }],
  change: 'force us-withdrawal-announced at turn 4',
});

describe('exporting a run record', () => {
  it('names the file after the scenario, seed and branch', () => {
    expect(recordFileName(main)).toBe('sandtable-niger-2024-seed123-main.json');
    expect(recordFileName(whatIf)).toBe('sandtable-niger-2024-seed123-what-if-1.json');
  });

  it('writes the whole run of the branch shown, which replays to the same hashes', () => {
    const dir = workDir();
    const { path, turns } = exportRecord(whatIf, dir, write);
    expect(path).toBe(join(dir, 'sandtable-niger-2024-seed123-what-if-1.json'));
    expect(turns).toBe(24);
    const record = parseRecord(readFileSync(path, 'utf8'));
    expect(record.interventions).toEqual([{ kind: 'force', event: 'us-withdrawal-announced', turn: 4 }]);
    expect(replay(record, scenario).ok).toBe(true);
  });

  it('keeps an existing file with other content and writes beside it', () => {
    const dir = workDir();
    writeFileSync(join(dir, recordFileName(main)), 'something else\n');
    const { path } = exportRecord(main, dir, write);
    expect(path).toBe(join(dir, 'sandtable-niger-2024-seed123-main-2.json'));
    expect(readFileSync(join(dir, recordFileName(main)), 'utf8')).toBe('something else\n');
  });

  it('writes the same record again over its own earlier copy', () => {
    const dir = workDir();
    exportRecord(main, dir, write);
    exportRecord(main, dir, write);
    expect(readdirSync(dir)).toEqual(['sandtable-niger-2024-seed123-main.json']);
  });

  it('exports a branch that switched variant part-way, and the record replays through the switch', () => {
    const variant = loadScenario('niger-2024', 'us-withdrawal');
    const switched = forkBranch(main, 1, 3, { kind: 'variant', variant: 'us-withdrawal', scenario: variant, change: 'variant' });
    const { path } = exportRecord(switched, workDir(), write);
    const record = parseRecord(readFileSync(path, 'utf8'));
    expect(record.switches).toEqual([{ turn: 3, variant: 'us-withdrawal', hash: variant.hash }]);
    expect(replay(record, scenario, (name) => loadScenario('niger-2024', name)).ok).toBe(true);
  });

  it('exports a variant branch forked at turn 0, which is a plain run of the variant', () => {
    const variant = loadScenario('niger-2024', 'us-withdrawal');
    const start = mainBranch(historyAt(123, 0));
    const switched = forkBranch(start, 1, 0, { kind: 'variant', variant: 'us-withdrawal', scenario: variant, change: 'variant' });
    const { path } = exportRecord(switched, workDir(), write);
    expect(replay(parseRecord(readFileSync(path, 'utf8')), variant).ok).toBe(true);
  });
});

describe('exporting an exercise record', () => {
  const roles = [{ actor: 'usa', name: 'United States', brief: '', goals: [] }, { actor: 'russia', name: 'Russia', brief: '', goals: [] }];

  it('names the file after the scenario, seed and roles, and holds the turns played so far', () => {
    const dir = workDir();
    const { path, turns } = exportExercise(historyAt(123, 3), roles, dir, write);
    expect(path).toBe(join(dir, 'sandtable-exercise-niger-2024-seed123-usa-russia.json'));
    expect(turns).toBe(3);
    expect(replay(parseRecord(readFileSync(path, 'utf8')), scenario).ok).toBe(true);
  });

  it('keeps an existing file with other content and writes beside it, like the UI', () => {
    const dir = workDir();
    writeFileSync(join(dir, 'sandtable-exercise-niger-2024-seed123-usa-russia.json'), 'something else\n');
    const { path } = exportExercise(historyAt(123, 2), roles, dir, write);
    expect(path).toBe(join(dir, 'sandtable-exercise-niger-2024-seed123-usa-russia-2.json'));
  });

  it('refuses before a month has been played', () => {
    expect(() => exportExercise(historyAt(123, 0), roles, workDir(), write)).toThrow('no month has been played yet');
  });
});
