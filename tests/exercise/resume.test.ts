import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHistory } from '../../src/engine/history.js';
import { parseRecord } from '../../src/engine/record.js';
import type { Scenario } from '../../src/engine/types.js';
import { injectTimeline, rolesFor } from '../../src/cli/commands/exercise.js';
import { loadExercise } from '../../src/cli/commands/exercise.js';
import { builtinSpec, loadScenario, readScenarioFile } from '../../src/scenarios/load.js';
import { instructorItems } from '../../src/tui/exercise/instructor.js';
import { resumedSession, savedExerciseOf } from '../../src/tui/exercise/resume.js';
import { playedTurn, reduce, startExercise, type ExerciseSession } from '../../src/tui/exercise/session.js';
import { exportExercise } from '../../src/tui/export.js';
import { expectUsageError, sandtable } from '../helpers.js';
import { exercise, pickAction, play } from './helpers.js';

// An exercise saved part-way (`s`, `e`) and continued next week with
// `exercise --resume RECORD` ends with the record one uninterrupted exercise
// with the same choices makes, byte for byte.

const dir = mkdtempSync(join(tmpdir(), 'sandtable-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SLOW = { timeout: 180_000 };
let count = 0;

function here(): string {
  count += 1;
  const path = join(dir, `w${count}`);
  mkdirSync(path);
  return path;
}

/** One month of a meeting: what the instructor does first (fire or hold a row), then each role's action by index. */
interface Month {
  readonly instruct?: readonly (readonly [string, 'fire' | 'hold'])[];
  readonly picks: readonly number[];
}

/** The session after the instructor's fires and holds and the roles' picks of each month, in order. */
function playMonths(session: ExerciseSession, months: readonly Month[]): ExerciseSession {
  let next = session;
  for (const month of months) {
    for (const [id, how] of month.instruct ?? []) {
      next = play(next, { type: 'open', mode: 'instructor' });
      const row = instructorItems(next).findIndex((item) => (item.kind === 'inject' ? item.inject.id : item.rule.id) === id);
      expect(row, id).toBeGreaterThanOrEqual(0);
      next = play(next, { type: 'move', delta: row - next.row }, { type: how }, { type: 'close' });
    }
    next = play(next, ...month.picks.flatMap((index) => pickAction(index)));
  }
  return next;
}

/** Write the session's record into `where` as `e` and `s` do; returns its path. */
function save(session: ExerciseSession, where: string): string {
  return exportExercise(session.history, session.roles, where, (path, content) => writeFileSync(path, content), undefined, savedExerciseOf(session)).path;
}

/** The exercise continued from its record, past the brief it opens on. */
function resume(path: string, scenarioRef?: string): ExerciseSession {
  return reduce(resumedSession(loadExercise(path, scenarioRef).point), { type: 'close' });
}

// Six months of usa and niger: an inject held back at its turn, one fired early, a rule fired.
const FIRST: readonly Month[] = [
  { picks: [2, 0] },
  { instruct: [['second-russian-delivery', 'hold']], picks: [1, 3] },
  { picks: [0, 1] },
];
/** The instructor fires the inject of turn 7 in the fourth month. */
const EARLY = ['insurgent-offensive', 'fire'] as const;
const SECOND: readonly Month[] = [
  { picks: [3, 2] },
  { instruct: [['us-russia-cooperation', 'fire']], picks: [1, 1] },
  { picks: [2, 4] },
];

describe('exercise --resume', SLOW, () => {
  it('continues at the last turn with roles, injects, holds and choices: the final record is the uninterrupted one, byte for byte', () => {
    const whole = playMonths(exercise(['usa', 'niger'], { turns: 6 }), [...FIRST, { instruct: [EARLY], picks: [] }, ...SECOND]);
    expect(playedTurn(whole)).toBe(6);
    expect(whole.fates).toContainEqual({ inject: 'insurgent-offensive', turn: 4, how: 'fired' });
    const uninterrupted = readFileSync(save(whole, here()), 'utf8');

    const first = playMonths(exercise(['usa', 'niger'], { turns: 6 }), FIRST);
    // Queued before saving, for the month after: an inject fired early and a rule held back. Both are kept in the record.
    const queued = playMonths(first, [{ instruct: [EARLY, ['iran-ties', 'hold']], picks: [] }]);
    const week1 = save(queued, here());
    expect(parseRecord(readFileSync(week1, 'utf8')).exercise).toEqual({
      turns: 6,
      roles: ['usa', 'niger'],
      fates: first.fates,
      queue: { fireInjects: ['insurgent-offensive'], fireRules: [], holdRules: ['iran-ties'], holdInjects: [] },
    });

    const resumed = resume(week1);
    expect(playedTurn(resumed)).toBe(3);
    expect(resumed.roles.map((role) => role.actor)).toEqual(['usa', 'niger']);
    expect(resumed.fates).toEqual(first.fates);
    expect(resumed.queue).toEqual(queued.queue);
    expect(resumed.saved).toBe(true);
    // The held rule is let go (x again), as the uninterrupted exercise never held it; the early inject stays queued.
    const week2 = playMonths(playMonths(resumed, [{ instruct: [['iran-ties', 'hold']], picks: [] }]), SECOND);
    expect(playedTurn(week2)).toBe(6);
    const final = save(week2, here());
    expect(readFileSync(final, 'utf8')).toBe(uninterrupted);

    const verified = sandtable(['replay', final, '--verify']);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/replays exactly \(6 turns/);
    const report = sandtable(['report', final, '--runs', '5']);
    expect(report.code, report.stderr).toBe(0);
    const decisions = report.stdout.slice(report.stdout.indexOf('## Decisions'), report.stdout.indexOf('## Injects'));
    // Both meetings' choices: May to July 2024, then August to October.
    for (const month of ['May 2024 (turn 1)', 'July 2024 (turn 3)', 'August 2024 (turn 4)', 'October 2024 (turn 6)']) {
      expect(decisions).toContain(`| ${month} | United States |`);
      expect(decisions).toContain(`| ${month} | Niger (CNSP) |`);
    }
    expect(report.stdout).toContain('**held back** Russian trainers and supplies arrive');
  });

  it('keeps an inject held back in the first meeting held at its turn in the second', () => {
    const first = playMonths(exercise(['usa'], { turns: 4 }), [{ instruct: [['second-russian-delivery', 'hold']], picks: [0] }]);
    const held = first.queue.holdInjects;
    expect(held).toEqual(['second-russian-delivery']);
    const resumed = resume(save(first, here()));
    expect(resumed.queue.holdInjects).toEqual(held);
    const next = playMonths(resumed, [{ picks: [0] }]);
    expect(next.fates).toContainEqual({ inject: 'second-russian-delivery', turn: 2, how: 'held' });
    expect(next.history.interventions).toContainEqual({ kind: 'block', event: 'russian-supplies', from: 2, to: 2 });
  });

  it('continues an exercise played with an inject file with the timeline it was played with', () => {
    const scenario = loadScenario('niger-2024');
    const added = { id: 'from-the-file', turn: 3, event: 'russian-supplies', brief: 'Told from the inject file.' };
    const timeline = injectTimeline(scenario, builtinSpec('niger-2024').injects, { replace: false, injects: [added] });
    const start = () => reduce(startExercise(startHistory(scenario, 5, 4), rolesFor(scenario, [], ['russia']), timeline), { type: 'close' });
    // As the exercise saves when --injects changed the timeline: the record embeds the one played.
    const write = (session: ExerciseSession, where: string) =>
      exportExercise(session.history, session.roles, where, (path, content) => writeFileSync(path, content), session.injects, savedExerciseOf(session)).path;
    const months: Month[] = [{ picks: [0] }, { picks: [1] }, { picks: [2] }, { picks: [3] }];
    const uninterrupted = readFileSync(write(playMonths(start(), months), here()), 'utf8');
    const resumed = resume(write(playMonths(start(), months.slice(0, 2)), here()));
    expect(resumed.injects.map((inject) => inject.id)).toEqual(timeline.map((inject) => inject.id));
    const next = playMonths(resumed, months.slice(2));
    expect(next.fates).toContainEqual({ inject: 'from-the-file', turn: 3, how: 'fired' });
    expect(readFileSync(save(next, here()), 'utf8')).toBe(uninterrupted);
  });

  it('works from the record alone after the scenario file is reworded or deleted, and says how a file named beside it differs', () => {
    const where = here();
    const file = join(where, 'mali.yaml');
    expect(sandtable(['init', file]).code).toBe(0);
    const scenario: Scenario = loadScenario(file);
    const spec = readScenarioFile(file);
    const start = (turns: number) => reduce(startExercise(startHistory(scenario, 8, turns), rolesFor(scenario, spec.roles, ['niger']), injectTimeline(scenario, spec.injects, null)), { type: 'close' });
    const months: Month[] = [{ picks: [1] }, { picks: [2] }, { picks: [0] }, { picks: [3] }];
    const uninterrupted = readFileSync(save(playMonths(start(4), months), here()), 'utf8');
    const week1 = save(playMonths(start(4), months.slice(0, 2)), where);

    const text = readFileSync(file, 'utf8');
    const brief = "You are Niger's ruling military council";
    expect(text).toContain(brief);
    writeFileSync(file, text.replace(brief, 'You are the council, reworded since last week'));
    const loaded = loadExercise(week1, file);
    expect(loaded.difference).toMatch(/differs from the scenario .* embeds only in text/);
    expect(loaded.point.roles[0]!.brief).toContain(brief);
    rmSync(file);
    const final = save(playMonths(resume(week1), months.slice(2)), here());
    expect(readFileSync(final, 'utf8')).toBe(uninterrupted);
    expect(sandtable(['replay', final, '--verify']).code).toBe(0);
  });

  it('refuses, in one line with exit 2, a record that is not an exercise, a finished exercise, and options the record decides', () => {
    const where = here();
    const run = join(where, 'run.json');
    expect(sandtable(['run', 'niger-2024', '--seed', '4', '--turns', '3', '--record', run]).code).toBe(0);
    expectUsageError(['exercise', '--resume', run], /run\.json is not a saved exercise: it has no `exercise` field/);

    const finished = save(playMonths(exercise(['usa'], { turns: 2 }), [{ picks: [0] }, { picks: [1] }]), where);
    expectUsageError(['exercise', '--resume', finished], /is a finished exercise: all its 2 turns are played/);
    expectUsageError(['exercise', '--resume', finished, '--turns', '2'], /already plays 2 turns: --turns must be more than that/);

    const part = save(playMonths(exercise(['usa'], { turns: 4 }), [{ picks: [0] }]), where);
    expectUsageError(['exercise', '--resume', part, '--role', 'niger'], /^sandtable: error: --role cannot be given with --resume/);
    expectUsageError(['exercise', '--resume', part, '--seed', '3'], /--seed cannot be given with --resume/);
    expectUsageError(['exercise', '--resume', join(where, 'missing.json')], /cannot read run record .*missing\.json/);

    // An instructor's queue naming an inject the exercise does not have.
    const data = JSON.parse(readFileSync(part, 'utf8'));
    data.exercise.queue.fireInjects = ['no-such-inject'];
    const bad = join(where, 'bad.json');
    writeFileSync(bad, JSON.stringify(data));
    expectUsageError(['exercise', '--resume', bad], /bad\.json has an invalid field exercise\.queue\.fireInjects\[0\]: the exercise has no inject `no-such-inject`/);
    const unknownRole = join(where, 'role.json');
    const other = JSON.parse(readFileSync(part, 'utf8'));
    other.exercise.roles = ['usa', 'mali'];
    writeFileSync(unknownRole, JSON.stringify(other));
    expectUsageError(['exercise', '--resume', unknownRole], /role\.json has an invalid field exercise\.roles: unknown role `mali`/);
    // A month's state hash changed: the record does not replay, so it is not played on.
    const changed = JSON.parse(readFileSync(part, 'utf8'));
    changed.hashes[1] = changed.finalHash = '0'.repeat(64);
    const tampered = join(where, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(changed));
    expectUsageError(['exercise', '--resume', tampered], /tampered\.json does not replay exactly \(turn 1 differs\), so it cannot be resumed/);
  });
});
