import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHistory } from '../../src/engine/history.js';
import { parseRecord } from '../../src/engine/record.js';
import { savedExerciseOf } from '../../src/tui/exercise/resume.js';
import { reduce, startExercise } from '../../src/tui/exercise/session.js';
import { exportExercise } from '../../src/tui/export.js';
import { injects, pickAction, play, roles, scenario } from '../exercise/helpers.js';
import { sandtable } from '../helpers.js';
import { terminalsIn } from './terminal.js';

const { work, terminal } = terminalsIn('sandtable-resume-e2e-');

describe('an exercise saved on quit and resumed, in a real terminal', () => {
  it('quits with q, saves with s, resumes with --resume, and ends with the record of one uninterrupted exercise', async () => {
    const first = terminal('exercise --role usa --seed 7 --turns 3');
    await first.waitFor('Your role: United States (usa)');
    first.keys('Enter');
    await first.waitFor('United States decides for May 2024');
    first.keys('3', 'Enter');
    await first.waitFor('Turn 1/3 · May 2024');
    first.keys('q');
    await first.waitFor('or s to save the record and quit');
    first.keys('s');
    expect(await first.exitCode()).toBe(0);
    const saved = join(work, 'sandtable-exercise-niger-2024-seed7-usa.json');
    expect(parseRecord(readFileSync(saved, 'utf8'))).toMatchObject({ turns: 1, exercise: { turns: 3, roles: ['usa'] } });

    const second = terminal(`exercise --resume ${saved}`);
    await second.waitFor('Turn 1/3 · May 2024 · seed 7');
    await second.waitFor('Resumed after turn 1 of 3');
    second.keys('Enter');
    await second.waitFor('United States decides for June 2024');
    second.keys('Down', 'Enter');
    await second.waitFor('Turn 2/3 · June 2024');
    second.keys('4', 'Enter');
    await second.waitFor('The exercise is over: the outcome in July 2024');
    second.keys('e');
    await second.waitFor('Wrote the exercise record (3 turns)');
    second.keys('q');
    expect(await second.exitCode()).toBe(0);
    // The first meeting's record is kept; the whole exercise's is written beside it.
    const final = join(work, 'sandtable-exercise-niger-2024-seed7-usa-2.json');
    expect(existsSync(final)).toBe(true);

    // The same three choices in one sitting.
    const whole = play(reduce(startExercise(startHistory(scenario, 7, 3), roles('usa'), injects()), { type: 'close' }), ...pickAction(2), ...pickAction(1), ...pickAction(3));
    const elsewhere = mkdtempSync(join(tmpdir(), 'sandtable-resume-whole-'));
    try {
      const { path } = exportExercise(whole.history, whole.roles, elsewhere, (file, content) => writeFileSync(file, content), undefined, savedExerciseOf(whole));
      expect(readFileSync(final, 'utf8')).toBe(readFileSync(path, 'utf8'));
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
    const verified = sandtable(['replay', final, '--verify']);
    expect(verified.code, verified.stderr).toBe(0);
  });
});
