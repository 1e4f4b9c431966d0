import { monthLabel } from '../../engine/calendar.js';
import { advance, current, takeBackTurn, type History } from '../../engine/history.js';
import { availableActions, isGated } from '../../engine/decide.js';
import { outcomeOf } from '../../engine/outcome.js';
import { stripControl } from '../../engine/text.js';
import type { Action } from '../../engine/types.js';
import { error, info, type Notice } from '../notice.js';
import { instructorItems, type InstructorItem } from './instructor.js';
import { EMPTY_QUEUE, planTurn, type Queue } from './step.js';
import type { Inject, InjectFate, Role } from './types.js';

/** Which view has the keyboard. */
export type ExerciseMode = 'brief' | 'decide' | 'instructor' | 'panels' | 'help' | 'done';

/** Everything the exercise shows, as one value; changed only by `reduce`. */
export interface ExerciseSession {
  /** The run so far: every played turn kept. */
  readonly history: History;
  readonly roles: readonly Role[];
  readonly injects: readonly Inject[];
  /** Index of the role deciding now. */
  readonly seat: number;
  /** Choices made for the next turn so far, by actor. */
  readonly choices: Readonly<Record<string, string>>;
  /** Highlighted action of the role deciding. */
  readonly pick: number;
  readonly mode: ExerciseMode;
  /** Highlighted row of the instructor's list. */
  readonly row: number;
  /** The month looked at in the panels view. */
  readonly look: number;
  readonly queue: Queue;
  /** What became of each inject that came up. */
  readonly fates: readonly InjectFate[];
  /** Whether the model's probabilities are shown beside the actions. */
  readonly odds: boolean;
  readonly notice: Notice | null;
  /** The record on disk is the run as it stands (nothing to lose by quitting). */
  readonly saved: boolean;
  /** `q` was pressed once with unsaved turns; a second press quits. */
  readonly confirmQuit: boolean;
  /** The app should end. */
  readonly quit: boolean;
}

export type ExerciseAction =
  | { readonly type: 'move'; readonly delta: number }
  | { readonly type: 'select'; readonly index: number }
  | { readonly type: 'choose' | 'take-back' | 'close' | 'toggle-odds' | 'fire' | 'hold' | 'quit' }
  | { readonly type: 'open'; readonly mode: 'brief' | 'instructor' | 'panels' | 'help' }
  | { readonly type: 'look'; readonly delta: number }
  | { readonly type: 'saved'; readonly path: string; readonly turns: number }
  | { readonly type: 'notice'; readonly notice: Notice };

/** An exercise at turn 0, opening on the first role's brief. */
export function startExercise(history: History, roles: readonly Role[], injects: readonly Inject[]): ExerciseSession {
  return {
    history,
    roles,
    injects,
    seat: 0,
    choices: {},
    pick: 0,
    mode: 'brief',
    row: 0,
    look: 0,
    queue: EMPTY_QUEUE,
    fates: [],
    odds: true,
    notice: null,
    saved: true,
    confirmQuit: false,
    quit: false,
  };
}

/** The turn played last (the situation on screen). */
export function playedTurn(session: ExerciseSession): number {
  return current(session.history).turn;
}

/** Whether every turn has been played. */
export function finished(session: ExerciseSession): boolean {
  return playedTurn(session) >= session.history.turns;
}

/** The role deciding now. */
export function seatRole(session: ExerciseSession): Role {
  // `seat` stays below the number of roles (an exercise has at least one).
  return session.roles[session.seat]!;
}

/** The view the overlays go back to. */
function home(session: ExerciseSession): ExerciseMode {
  return finished(session) ? 'done' : 'decide';
}

/** The next state of the exercise. Pure: every result comes from the engine. */
export function reduce(session: ExerciseSession, action: ExerciseAction): ExerciseSession {
  const state = action.type === 'notice' || action.type === 'saved' ? session : { ...session, notice: null, confirmQuit: false };
  return apply(state, action, session);
}

function apply(state: ExerciseSession, action: ExerciseAction, before: ExerciseSession): ExerciseSession {
  switch (action.type) {
    case 'move':
      if (state.mode === 'instructor') return { ...state, row: clampTo(state.row + action.delta, instructorItems(state).length) };
      if (state.mode === 'decide') return { ...state, pick: clampTo(state.pick + action.delta, actionsOf(state).length) };
      return state;
    case 'select':
      if (state.mode !== 'decide' || action.index >= actionsOf(state).length) return state;
      return { ...state, pick: action.index };
    case 'choose':
      return state.mode === 'decide' ? choose(state) : state;
    case 'take-back':
      return takeBack(state);
    case 'open':
      if (action.mode === 'instructor' && finished(state)) return error(state, 'The exercise is over: there is no next month to fire or hold anything in.');
      return { ...state, mode: action.mode, look: playedTurn(state) };
    case 'close':
      return state.mode === 'decide' || state.mode === 'done' ? state : { ...state, mode: home(state) };
    case 'look':
      return state.mode === 'panels' ? { ...state, look: Math.max(0, Math.min(playedTurn(state), state.look + action.delta)) } : state;
    case 'toggle-odds':
      return info({ ...state, odds: !state.odds }, state.odds ? 'The model\'s odds are hidden; p shows them again.' : 'The model\'s odds are shown beside each action.');
    case 'fire':
    case 'hold':
      return state.mode === 'instructor' ? unsavedIf(instruct(state, action.type, instructorItems(state)[state.row]), state) : state;
    case 'quit':
      if (state.saved || playedTurn(state) === 0 || before.confirmQuit) return { ...state, quit: true };
      return {
        ...state,
        confirmQuit: true,
        notice: { tone: 'error', text: 'The turns played are not saved: press q again to quit without them, or s to save the record and quit (--resume continues it).' },
      };
    case 'saved':
      return info({ ...state, saved: true }, `Wrote the exercise record (${action.turns} turns) to ${action.path}; \`sandtable report\` makes the after-action report; --resume continues it.`);
    case 'notice':
      return { ...state, notice: action.notice };
  }
}

/** The actions of the role deciding. */
export function actionsOf(session: ExerciseSession): readonly Action[] {
  const role = seatRole(session);
  const actor = session.history.scenario.actors.find((item) => item.id === role.actor);
  if (actor === undefined) return [];
  if (!isGated(actor)) return actor.actions;
  // Only the actions available in the state the next month is decided in are offered.
  const state = session.history.kept[playedTurn(session)]!.state;
  const open = availableActions(actor, state, { choices: state.actions, turn: state.turn + 1 });
  return actor.actions.filter((_action, i) => open[i]);
}

function choose(state: ExerciseSession): ExerciseSession {
  const role = seatRole(state);
  const action = actionsOf(state)[state.pick];
  if (action === undefined) return state;
  const choices = { ...state.choices, [role.actor]: action.id };
  const nextRole = state.roles[state.seat + 1];
  if (nextRole !== undefined) {
    return info({ ...state, choices, seat: state.seat + 1, pick: 0 }, stripControl(`${role.name} has chosen. ${nextRole.name} decides next.`));
  }
  const turn = playedTurn(state) + 1;
  const plan = planTurn(turn, state.roles, choices, state.injects, state.fates, state.queue);
  const history = advance(state.history, plan.interventions);
  const next: ExerciseSession = {
    ...state,
    history,
    choices: {},
    seat: 0,
    pick: 0,
    queue: { ...EMPTY_QUEUE, holdInjects: state.queue.holdInjects.filter((id) => !plan.fates.some((fate) => fate.inject === id)) },
    fates: [...state.fates, ...plan.fates],
    saved: false,
  };
  const month = monthLabel(history.scenario.start, turn);
  const fired = plan.fates.filter((fate) => fate.how === 'fired').length;
  const injectNote = fired === 0 ? '' : ` ${fired === 1 ? 'An inject' : `${fired} injects`} fired.`;
  if (turn >= history.turns) {
    const outcome = outcomeOf(history.scenario, current(history).state);
    return info({ ...next, mode: 'done' }, stripControl(`The exercise is over in ${month}: ${outcome.title}.${injectNote} e exports the record for the after-action report.`));
  }
  return info(next, `${month} played.${injectNote}`);
}

function takeBack(state: ExerciseSession): ExerciseSession {
  if (state.mode !== 'decide' && state.mode !== 'done') return state;
  const previous = state.seat > 0 ? state.roles[state.seat - 1] : undefined;
  if (previous !== undefined) {
    const { [previous.actor]: _dropped, ...choices } = state.choices;
    return info({ ...state, seat: state.seat - 1, choices, pick: 0 }, stripControl(`${previous.name} chooses again.`));
  }
  const turn = playedTurn(state);
  if (turn === 0) return error(state, 'Nothing to take back: no month has been played.');
  const history = takeBackTurn(state.history);
  const fates = state.fates.filter((fate) => fate.turn < turn);
  // Injects held back at the turn taken back are held again; fired ones go back on the timeline.
  const rehold = state.fates.filter((fate) => fate.turn === turn && fate.how === 'held').map((fate) => fate.inject);
  return info(
    { ...state, history, fates, mode: 'decide', seat: 0, choices: {}, pick: 0, saved: false, queue: { ...state.queue, holdInjects: [...state.queue.holdInjects, ...rehold] } },
    `Took back ${monthLabel(history.scenario.start, turn)}; every role decides it again.`,
  );
}

function instruct(state: ExerciseSession, how: 'fire' | 'hold', item: InstructorItem | undefined): ExerciseSession {
  if (item === undefined) return state;
  const month = monthLabel(state.history.scenario.start, playedTurn(state) + 1);
  const { queue } = state;
  const toggle = (list: readonly string[], id: string) => (list.includes(id) ? list.filter((item) => item !== id) : [...list, id]);
  if (item.kind === 'inject') {
    if (item.fate !== null) return error(state, stripControl(`${item.inject.id} was already ${item.fate.how === 'fired' ? 'fired' : 'held back'} in ${monthLabel(state.history.scenario.start, item.fate.turn)}.`));
    const id = item.inject.id;
    if (how === 'fire') {
      const next = { ...queue, fireInjects: toggle(queue.fireInjects, id), holdInjects: queue.holdInjects.filter((other) => other !== id) };
      return info({ ...state, queue: next }, stripControl(next.fireInjects.includes(id) ? `${id} will fire in ${month}.` : `${id} is back on its turn.`));
    }
    const next = { ...queue, holdInjects: toggle(queue.holdInjects, id), fireInjects: queue.fireInjects.filter((other) => other !== id) };
    return info({ ...state, queue: next }, stripControl(next.holdInjects.includes(id) ? `${id} is held back: its event is blocked at its turn.` : `${id} will fire at its turn.`));
  }
  const id = item.rule.id;
  if (how === 'fire') {
    const next = { ...queue, fireRules: toggle(queue.fireRules, id), holdRules: queue.holdRules.filter((other) => other !== id) };
    return info({ ...state, queue: next }, stripControl(next.fireRules.includes(id) ? `${item.rule.title} will fire in ${month}.` : `${item.rule.title} is no longer fired.`));
  }
  const next = { ...queue, holdRules: toggle(queue.holdRules, id), fireRules: queue.fireRules.filter((other) => other !== id) };
  return info({ ...state, queue: next }, stripControl(next.holdRules.includes(id) ? `${item.rule.title} is held back in ${month}.` : `${item.rule.title} is no longer held back.`));
}

/** A change to the instructor's queue is part of what a saved record keeps: the record on disk no longer has it. */
function unsavedIf(next: ExerciseSession, before: ExerciseSession): ExerciseSession {
  return next.queue === before.queue ? next : { ...next, saved: false };
}

function clampTo(value: number, count: number): number {
  return Math.max(0, Math.min(count - 1, value));
}
