import { advance, startHistory, type History } from '../../engine/history.js';
import { planRun } from '../../engine/plan.js';
import { RecordError, replay, type RunRecord, type SavedExercise } from '../../engine/record.js';
import type { Scenario } from '../../engine/types.js';
import { reduce, startExercise, type ExerciseSession } from './session.js';
import type { Queue } from './step.js';
import type { Inject, InjectFate, Role } from './types.js';

// An exercise saved in its run record, and the same exercise rebuilt from it.
// No screen and no files: the terminal exercise and the exercise server both
// continue a saved exercise with `resumePoint` and save one with `savedExerciseOf`.

/** What the record of an exercise keeps besides its run, to continue it from: horizon, roles, inject fates, the instructor's queue. */
export function savedExerciseOf(session: ExerciseSession): SavedExercise {
  return {
    turns: session.history.turns,
    roles: session.roles.map((role) => role.actor),
    fates: session.fates,
    queue: session.queue,
  };
}

/** An exercise rebuilt at the last turn its record played: everything `resumedSession` needs. */
export interface ResumePoint {
  /** The run at the record's last turn, on its seed, with its interventions and choices, to the exercise's horizon. */
  readonly history: History;
  readonly roles: readonly Role[];
  readonly injects: readonly Inject[];
  readonly fates: readonly InjectFate[];
  /** What the instructor had queued for the next month. */
  readonly queue: Queue;
}

/**
 * Rebuild an exercise from its record, at the last turn played. `roles` and
 * `injects` are the record's roles (in `record.exercise.roles` order) and
 * inject timeline, as the caller made them from the scenario the record
 * embeds; `turns` is the horizon, the saved one unless given. The record must
 * be an exercise (`record.exercise`), replay exactly, and not be finished.
 * Playing on from here with the same choices gives the record one
 * uninterrupted exercise gives. Throws a RecordError saying why not.
 */
export function resumePoint(
  record: RunRecord,
  scenario: Scenario,
  roles: readonly Role[],
  injects: readonly Inject[],
  turns?: number,
): ResumePoint {
  const saved = record.exercise;
  if (saved === undefined) {
    throw new RecordError('is not a saved exercise: it has no `exercise` field (records of `run` and of the UI, and of exercises saved by an earlier sandtable, cannot be resumed)');
  }
  if ((record.switches ?? []).length > 0) throw new RecordError('switches variant part-way through, which an exercise never does, so it cannot be resumed');
  const horizon = turns ?? saved.turns;
  if (record.turns >= horizon) {
    throw new RecordError(turns === undefined
      ? `is a finished exercise: all its ${horizon} turns are played (\`sandtable report\` makes its after-action report; --turns N plays on to turn N)`
      : `already plays ${record.turns} turns: --turns must be more than that to play on`);
  }
  checkSaved(saved, scenario, injects);
  const replayed = replay(record, scenario);
  if (!replayed.ok) {
    throw new RecordError(`does not replay exactly (turn ${replayed.turn} differs), so it cannot be resumed; \`sandtable replay --verify\` says more`);
  }
  let history = startHistory(planRun(scenario, { seed: record.seed, turns: horizon, interventions: record.interventions }));
  for (let turn = 1; turn <= record.turns; turn += 1) history = advance(history);
  return { history, roles, injects, fates: saved.fates, queue: saved.queue };
}

/** The saved fates and queue name injects of the timeline and rules of the scenario. */
function checkSaved(saved: SavedExercise, scenario: Scenario, injects: readonly Inject[]): void {
  const injectIds = injects.map((inject) => inject.id);
  const ruleIds = scenario.rules.map((rule) => rule.id);
  const lists: [string, readonly string[], readonly string[], string][] = [
    ['fates', saved.fates.map((fate) => fate.inject), injectIds, 'inject'],
    ['queue.fireInjects', saved.queue.fireInjects, injectIds, 'inject'],
    ['queue.holdInjects', saved.queue.holdInjects, injectIds, 'inject'],
    ['queue.fireRules', saved.queue.fireRules, ruleIds, 'rule'],
    ['queue.holdRules', saved.queue.holdRules, ruleIds, 'rule'],
  ];
  for (const [field, used, known, noun] of lists) {
    const index = used.findIndex((id) => !known.includes(id));
    if (index >= 0) throw new RecordError(`has an invalid field exercise.${field}[${index}]: the exercise has no ${noun} \`${used[index]}\``);
  }
}

/** The exercise session of a resume point: at its last turn, opening on the first role's brief, nothing unsaved. */
export function resumedSession(point: ResumePoint): ExerciseSession {
  const session = startExercise(point.history, point.roles, point.injects);
  return reduce({ ...session, fates: point.fates, queue: point.queue }, { type: 'notice', notice: { tone: 'info', text: resumedNote(point) } });
}

function resumedNote(point: ResumePoint): string {
  const played = point.history.kept.length - 1;
  return `Resumed after turn ${played} of ${point.history.turns}: the choices, injects and holds so far are as they were saved.`;
}
