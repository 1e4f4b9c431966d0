import { isoMonth, turnOf } from '../../engine/calendar.js';
import { z } from 'zod';
import { randomSeed } from '../../engine/random.js';
import { stripControl } from '../../engine/text.js';
import type { Scenario } from '../../engine/types.js';
import { ScenarioError, type Problem } from '../../scenarios/problem.js';
import { injectSchema, type InjectSpec, type RoleSpec } from '../../scenarios/format.js';
import { problemsFromIssues } from '../../scenarios/zod-problems.js';
import { DEFAULT_SCENARIO, splitReference } from '../../scenarios/load.js';
import { locate, originOf } from '../../scenarios/origin.js';
import { suggest } from '../../scenarios/suggest.js';
import { parseSource } from '../../scenarios/source.js';
import { resumePoint, type ResumePoint } from '../../tui/exercise/resume.js';
import type { Inject, Role } from '../../tui/exercise/types.js';
import { UsageError } from '../errors.js';
import { readUserFile, writeFileAtomic } from '../files.js';
import { asRecordError, loadRecord } from '../record.js';
import { asUsageError, loadForCommand, specForCommand } from '../scenario.js';
import { note } from '../terminal.js';
import { needTerminal } from './tui.js';

export interface ExerciseOptions {
  role?: string[];
  seed?: number;
  turns?: number;
  variant?: string;
  injects?: string;
  resume?: string;
}

/** An `--injects FILE`: injects that add to (or replace) the scenario's timeline. */
export const injectFileSchema = z.strictObject({
  replace: z.boolean().default(false).describe('true: these injects replace the scenario\'s timeline instead of adding to it.'),
  injects: z.array(injectSchema).max(256),
});


/** `sandtable exercise [SCENARIO] --role ACTOR...`: the terminal UI in exercise mode. */
export async function exerciseCommand(ref: string | undefined, options: ExerciseOptions): Promise<number> {
  if (options.resume !== undefined) return resumeCommand(options.resume, ref, options);
  // Bad input is reported before the screen is taken over, and whether or not there is a terminal.
  const { scenario, roles, turns, injects, injectFile } = exerciseSetup(ref, options);
  needTerminal();
  const { startExercise } = await import('../../tui/exercise/start.js');
  return startExercise({
    scenario,
    roles,
    injects,
    injectFile,
    seed: options.seed ?? randomSeed(),
    turns,
    dir: process.cwd(),
    writeFile: writeFileAtomic,
  });
}

/** The options `--resume` refuses: the record says them. */
const FROM_RECORD = [['role', '--role'], ['seed', '--seed'], ['variant', '--variant'], ['injects', '--injects']] as const;

/** `sandtable exercise --resume RECORD [SCENARIO] [--turns N]`: a saved exercise, continued at its last turn. */
async function resumeCommand(file: string, ref: string | undefined, options: ExerciseOptions): Promise<number> {
  const given = FROM_RECORD.find(([key]) => options[key] !== undefined);
  if (given !== undefined) {
    throw new UsageError(`${given[1]} cannot be given with --resume: a resumed exercise keeps the roles, seed, variant and injects of its record`);
  }
  const { point, scenario, difference } = loadExercise(file, ref, options.turns);
  if (difference !== null) note(difference);
  needTerminal();
  const { startExercise } = await import('../../tui/exercise/start.js');
  return startExercise({
    scenario,
    roles: point.roles,
    injects: point.injects,
    // The record embeds the timeline it was played with, whether or not an inject file made it.
    injectFile: false,
    seed: point.history.seed,
    turns: point.history.turns,
    dir: process.cwd(),
    writeFile: writeFileAtomic,
    resumed: point,
  });
}

/** A saved exercise read from its record, ready to continue. */
export interface LoadedExercise {
  readonly point: ResumePoint;
  /** The scenario the record embeds, with the record's variant. */
  readonly scenario: Scenario;
  /** How a scenario named beside the record compares with the embedded one (a note for stderr), or null. */
  readonly difference: string | null;
}

/**
 * Read an exercise's run record and rebuild the exercise at its last turn,
 * with the scenario the record embeds (so the scenario file is not needed,
 * and later edits of it change nothing): its roles with the briefs the
 * players read, its inject timeline, inject fates and the instructor's queue.
 * `scenarioRef` is only compared with the embedded scenario; `turns` sets a
 * new horizon. Every problem is a UsageError naming the file.
 */
export function loadExercise(file: string, scenarioRef?: string, turns?: number): LoadedExercise {
  const { record, scenario, roles, injects, difference } = loadRecord(file, scenarioRef);
  const actors = record.exercise?.roles ?? [];
  const played = actors.length === 0 ? [] : rolesOf(file, () => rolesFor(scenario, roles, actors));
  const point = asRecordError(file, () => resumePoint(record, scenario, played, injectTimeline(scenario, injects, null), turns));
  return { point, scenario, difference };
}

/** The roles a record names, or an error that says the record's field is wrong. */
function rolesOf<T>(file: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${file} has an invalid field exercise.roles: ${error.message}`);
    throw error;
  }
}

/** What an exercise is played with, from its command line (`exercise`, `host`): the scenario, the roles, the turns and the inject timeline. */
export function exerciseSetup(ref: string | undefined, options: Pick<ExerciseOptions, 'role' | 'turns' | 'variant' | 'injects'>) {
  const scenario = loadForCommand(ref, options.variant);
  const spec = specForCommand(splitReference(ref ?? DEFAULT_SCENARIO).scenario);
  const roles = rolesFor(scenario, spec.roles, options.role ?? []);
  const turns = options.turns ?? scenario.defaultTurns;
  const fromFile = options.injects === undefined ? null : readInjectFile(options.injects, scenario, turns);
  return { scenario, roles, turns, injects: injectTimeline(scenario, spec.injects, fromFile), injectFile: fromFile !== null };
}

/** The roles played, in the order given, each with its brief (or the actor's description when the scenario has none). */
export function rolesFor(scenario: Scenario, briefs: readonly RoleSpec[], wanted: readonly string[]): Role[] {
  const ids = scenario.actors.map((actor) => actor.id);
  const playable = scenario.actors.filter((actor) => actor.actions.length > 0).map((actor) => actor.id);
  if (wanted.length === 0) {
    throw new UsageError(`name the role to play with --role ACTOR (repeat it for several); ${scenario.id} has ${listOf(briefed(briefs, playable))}`);
  }
  return wanted.map((id, i) => {
    if (wanted.indexOf(id) < i) throw new UsageError(stripControl(`--role ${id} is given twice; give each role once`));
    const actor = scenario.actors.find((item) => item.id === id);
    if (actor === undefined) {
      throw new UsageError(stripControl(`unknown role \`${id}\`: ${scenario.id} has no actor of that id${suggest(id, ids)} (roles: ${briefed(briefs, playable).join(', ')})`));
    }
    if (actor.actions.length === 0) throw new UsageError(stripControl(`${id} has no actions to choose from, so it cannot be played`));
    const brief = briefs.find((item) => item.actor === id);
    return {
      actor: id,
      name: actor.name,
      brief: brief?.brief ?? (actor.description === '' ? `You decide for ${actor.name}.` : `You decide for ${actor.name}: ${actor.description}`),
      goals: brief?.goals ?? [],
    };
  });
}

/** The actors with a brief first, then the other playable ones. */
function briefed(briefs: readonly RoleSpec[], playable: readonly string[]): string[] {
  const withBrief = briefs.map((item) => item.actor).filter((id) => playable.includes(id));
  return [...withBrief, ...playable.filter((id) => !withBrief.includes(id))];
}

function listOf(roles: readonly string[]): string {
  return roles.length === 0 ? 'no actor with actions' : `roles ${roles.join(', ')}`;
}

/** The scenario's inject timeline with an inject file's added (same id: replaced) or in its place, in turn order. */
export function injectTimeline(
  scenario: Scenario,
  base: readonly InjectSpec[],
  file: { readonly replace: boolean; readonly injects: readonly InjectSpec[] } | null,
): Inject[] {
  const added = file?.injects ?? [];
  const kept = file?.replace === true ? [] : base.filter((item) => !added.some((other) => other.id === item.id));
  return [...kept, ...added]
    .map((item) => ({ ...item, turn: turnOf(scenario.start, item.turn), title: scenario.rules.find((rule) => rule.id === item.event)?.title ?? item.event }))
    .sort((a, b) => a.turn - b.turn);
}

/** Read and check an inject file against the scenario and the exercise's turns; problems are one line each, with where. */
export function readInjectFile(path: string, scenario: Scenario, turns: number): z.output<typeof injectFileSchema> {
  const text = readUserFile(path, 'inject file');
  return asUsageError(() => {
    const source = parseSource(text, path, path);
    const parsed = injectFileSchema.safeParse(source.data);
    const problems: Problem[] = parsed.success
      ? injectProblems(parsed.data.injects, scenario, turns)
      : problemsFromIssues(parsed.error.issues, injectFileSchema, source.data);
    if (problems.length > 0) {
      const origin = originOf(source);
      throw new ScenarioError(problems.map((problem) => locate(problem, origin)), path);
    }
    return parsed.data!;
  });
}

function injectProblems(injects: readonly InjectSpec[], scenario: Scenario, turns: number): Problem[] {
  const rules = scenario.rules.map((rule) => rule.id);
  return injects.flatMap((inject, i): Problem[] => {
    const problems: Problem[] = [];
    if (injects.findIndex((other) => other.id === inject.id) < i) {
      problems.push({ path: ['injects', i, 'id'], message: `inject id \`${inject.id}\` is used twice` });
    }
    if (!rules.includes(inject.event)) {
      problems.push({ path: ['injects', i, 'event'], message: `unknown event \`${inject.event}\`${suggest(inject.event, rules)}; an inject fires a rule of ${scenario.id}` });
    }
    const turn = turnOf(scenario.start, inject.turn);
    if (turn < 1) {
      problems.push({ path: ['injects', i, 'turn'], message: `${inject.turn} is not after the scenario's start (${isoMonth(scenario.start, 0)})` });
    } else if (turn > turns) {
      problems.push({ path: ['injects', i, 'turn'], message: `turn ${inject.turn} is after the exercise's last turn (${turns}); move the inject or play more turns with --turns` });
    }
    return problems;
  });
}
