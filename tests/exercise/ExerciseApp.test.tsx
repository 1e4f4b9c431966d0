import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { startHistory, type History } from '../../src/engine/history.js';
import { ExerciseApp, type ExerciseServices } from '../../src/tui/exercise/ExerciseApp.js';
import { KEY, mount } from '../tui/helpers.js';
import { injects, roles, scenario } from './helpers.js';

afterEach(() => cleanup());

/** Make the test terminal report a size, and tell the app it changed, as a real one does. */
function resize(stdout: NodeJS.EventEmitter, columns: number, rows: number) {
  Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(stdout, 'rows', { value: rows, configurable: true });
  stdout.emit('resize');
}

function mountExercise(actors: string[], turns = 6) {
  const calls = { exits: [] as number[], exported: [] as History[] };
  const services: ExerciseServices = {
    exportRecord: (history) => {
      calls.exported.push(history);
      return { path: '/tmp/exercise.json', turns: history.kept.length - 1 };
    },
    onExit: (code) => calls.exits.push(code),
  };
  const app = mount(<ExerciseApp history={startHistory(scenario, 42, turns)} roles={roles(...actors)} injects={injects()} services={services} />);
  return { ...app, calls };
}

describe('the exercise app', () => {
  it('opens on the role\'s brief and goals, and goes to the decision with Enter', async () => {
    const app = mountExercise(['usa']);
    await app.waitFor('Your role: United States (usa)');
    await app.waitFor('Keep U.S. forces, diplomats and civilians in Niger safe.');
    await app.press(KEY.enter);
    await app.waitFor('United States decides for May 2024');
  });

  it('lists the role\'s actions with what each tends to do and the model\'s odds', async () => {
    const app = mountExercise(['usa']);
    await app.press(KEY.enter);
    await app.waitFor('▸ 1 Reassess cooperation in talks');
    for (const action of scenario.actors.find((actor) => actor.id === 'usa')!.actions) {
      expect(app.frame()).toContain(action.title);
      expect(app.frame()).toContain(action.tends);
    }
    expect(app.frame()).toMatch(/model \d+%/);
    await app.press('p');
    await app.waitFor('The model\'s odds are hidden');
    expect(app.frame()).not.toMatch(/model \d+%/);
  });

  it('chooses with the digit keys and Enter, plays the month and shows what happened, injects first', async () => {
    const app = mountExercise(['usa']);
    resize(app.stdout, 100, 30);
    await app.press(KEY.enter, '3', KEY.enter);
    await app.waitFor('Turn 1/6 · May 2024 · seed 42');
    await app.waitFor('What happened in May 2024');
    await app.waitFor('INJECT "Following a recent visit by a U.S. delegation');
    await app.waitFor('United States chose: Prepare to withdraw');
  });

  it('moves the highlight with the arrows and j/k', async () => {
    const app = mountExercise(['usa']);
    await app.press(KEY.enter, KEY.down, 'j');
    await app.waitFor('▸ 3 Prepare to withdraw');
    await app.press('k');
    await app.waitFor('▸ 2 Press Niger to choose between partners');
  });

  it('asks each role in turn at one screen', async () => {
    const app = mountExercise(['usa', 'russia']);
    await app.press(KEY.enter, KEY.enter);
    await app.waitFor('United States has chosen. Russia decides next.');
    await app.waitFor('Russia decides for May 2024');
    await app.waitFor('Your role: Russia (russia)');
    await app.press(KEY.enter);
    await app.waitFor('Turn 1/6');
  });

  it('opens the instructor\'s list with i, where f fires a rule next month', async () => {
    const app = mountExercise(['usa']);
    await app.press(KEY.enter, 'i');
    await app.waitFor('Instructor: injects and rules (next month is May 2024)');
    await app.waitFor('flights-declared-illegal: The junta declares U.S. flights illegal');
    await app.press('f');
    await app.waitFor('flights-declared-illegal will fire in May 2024.');
    await app.waitFor('instructor: 1 queued');
    await app.press(KEY.escape);
    await app.waitFor('United States decides for May 2024');
  });

  it('exports the record with e and quits with q once it is exported', async () => {
    const app = mountExercise(['usa']);
    await app.press(KEY.enter, KEY.enter, 'q');
    await app.waitFor('press q again to quit without them');
    expect(app.calls.exits).toEqual([]);
    await app.press('e');
    await app.waitFor('Wrote the exercise record (1 turns) to /tmp/exercise.json');
    expect(app.calls.exported.map((history) => history.kept.length - 1)).toEqual([1]);
    await app.press('q');
    expect(app.calls.exits).toEqual([0]);
  });

  it('says why it cannot export when writing fails', async () => {
    const app = mount(
      <ExerciseApp
        history={startHistory(scenario, 42, 6)}
        roles={roles('usa')}
        injects={injects()}
        services={{ exportRecord: () => { throw new Error('no month has been played yet'); }, onExit: () => undefined }}
      />,
    );
    await app.press(KEY.enter, 'e');
    await app.waitFor('cannot export: no month has been played yet');
  });

  it('leaves at once with Ctrl+C (exit code 130)', async () => {
    const app = mountExercise(['usa']);
    await app.press(KEY.enter, KEY.enter, KEY.ctrlC);
    expect(app.calls.exits).toEqual([130]);
  });

  it('shows the full panels with Tab, and goes back with Esc', async () => {
    const app = mountExercise(['usa']);
    await app.press(KEY.enter, KEY.enter, KEY.tab);
    await app.waitFor('Exercise, all panels');
    await app.waitFor('─ Actors');
    await app.press(KEY.left);
    await app.waitFor('Turn 0/24'.replace('24', '6'));
    await app.press(KEY.escape);
    await app.waitFor('United States decides for June 2024');
  });

  it('shows the outcome at the end of the exercise', async () => {
    const app = mountExercise(['usa'], 2);
    await app.press(KEY.enter, KEY.enter, KEY.enter);
    await app.waitFor('The exercise is over: the outcome in June 2024');
    await app.waitFor('Press e to export the record');
  });

  it('says what to do when the terminal is too small, and fits a classic 80×24 one', async () => {
    const app = mountExercise(['niger']);
    resize(app.stdout, 60, 15);
    await app.waitFor(/Window too small \(60×15\): sandtable needs at least\s+80×/);
    resize(app.stdout, 80, 24);
    await app.press(KEY.enter);
    await app.waitFor('Niger (CNSP) decides for May 2024');
    expect(app.frame().split('\n').length).toBeLessThan(24);
  });

  it('lists the exercise\'s keys on ?', async () => {
    const app = mountExercise(['usa']);
    await app.press(KEY.enter, '?');
    await app.waitFor('Instructor (i)');
    await app.waitFor('hold back: block an inject at its turn, or a rule next month');
  });
});
