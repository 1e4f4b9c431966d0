import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startHistory, type History } from '../../src/engine/history.js';
import type { SavedExercise } from '../../src/engine/record.js';
import { loadExercise } from '../../src/cli/commands/exercise.js';
import { ExerciseApp, type ExerciseServices } from '../../src/tui/exercise/ExerciseApp.js';
import { savedExerciseOf, type ResumePoint } from '../../src/tui/exercise/resume.js';
import { exportExercise } from '../../src/tui/export.js';
import { KEY, mount } from '../tui/helpers.js';
import { exercise, injects, pickAction, play, roles, scenario } from './helpers.js';

afterEach(() => cleanup());
const dir = mkdtempSync(join(tmpdir(), 'sandtable-resume-app-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function mountExercise(resumed?: ResumePoint) {
  const calls = { exits: [] as [number, string | undefined][], saved: [] as [History, SavedExercise][] };
  const services: ExerciseServices = {
    exportRecord: (history, _roles, saved) => {
      if (history.kept.length < 2) throw new Error('no month has been played yet');
      calls.saved.push([history, saved]);
      return { path: '/tmp/a class/exercise.json', turns: history.kept.length - 1 };
    },
    onExit: (code, line) => calls.exits.push([code, line]),
  };
  const history = resumed?.history ?? startHistory(scenario, 42, 6);
  const app = mount(<ExerciseApp history={history} roles={roles('usa')} injects={injects()} services={services} {...(resumed === undefined ? {} : { resumed })} />);
  return { ...app, calls };
}

describe('saving and resuming in the exercise app', () => {
  it('asks on quit with months unsaved, and s saves the record with the exercise\'s state and quits, saying how to continue', async () => {
    const app = mountExercise();
    await app.press(KEY.enter, KEY.enter, 'q');
    await app.waitFor('or s to save the record and quit');
    expect(app.calls.exits).toEqual([]);
    await app.press('s');
    expect(app.calls.saved).toHaveLength(1);
    const [history, saved] = app.calls.saved[0]!;
    expect(history.kept.length - 1).toBe(1);
    expect(saved).toEqual({ turns: 6, roles: ['usa'], fates: [{ inject: 'flights-declared-illegal', turn: 1, how: 'fired' }], queue: { fireInjects: [], fireRules: [], holdRules: [], holdInjects: [] } });
    expect(app.calls.exits).toEqual([[0, "sandtable: saved the exercise (1 turns) to /tmp/a class/exercise.json; continue it with: sandtable exercise --resume '/tmp/a class/exercise.json'"]]);
  });

  it('stays when s cannot save, and says why', async () => {
    const app = mountExercise();
    await app.press(KEY.enter, 's');
    expect(app.calls.exits).toEqual([]);
    await app.waitFor('cannot export: no month has been played yet');
  });

  it('asks again on quit once the instructor changed the queue after saving', async () => {
    const app = mountExercise();
    await app.press(KEY.enter, KEY.enter, 'e');
    await app.waitFor('Wrote the exercise record (1 turns)');
    await app.press('i', 'j', 'f', KEY.escape, 'q');
    await app.waitFor('press q again to quit without them');
    expect(app.calls.exits).toEqual([]);
  });

  it('opens a resumed exercise at its record\'s last turn, on the brief, and plays on from there', async () => {
    const session = play(exercise(['usa']), ...pickAction(2), ...pickAction(1));
    const { path } = exportExercise(session.history, session.roles, dir, (file, content) => writeFileSync(file, content), undefined, savedExerciseOf(session));
    const app = mountExercise(loadExercise(path).point);
    await app.waitFor('Turn 2/6 · June 2024 · seed 42');
    await app.waitFor('Your role: United States (usa)');
    await app.waitFor('Resumed after turn 2 of 6');
    await app.press(KEY.enter);
    await app.waitFor('United States decides for July 2024');
    await app.press(KEY.enter);
    await app.waitFor('Turn 3/6 · July 2024');
    // Nothing new to lose until a month is played: q then quits at once only before it.
    await app.press('q');
    await app.waitFor('press q again to quit without them');
  });
});
