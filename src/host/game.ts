// The hosted exercise as a value, changed only by journal entries: the same
// entries applied to the same start give the same exercise, which is how a
// host resumed from its journal loses nothing. The turn itself is the
// exercise session's (planTurn, the history's advance); the instructor's fires
// and holds go through the session's own reducer.
import { monthLabel } from '../engine/calendar.js';
import { advance, current } from '../engine/history.js';
import { outcomeOf } from '../engine/outcome.js';
import { stripControl } from '../engine/text.js';
import type { PolicyDecision } from '../engine/record.js';
import { instructorItems } from '../tui/exercise/instructor.js';
import { actionsOf, finished, playedTurn, reduce, type ExerciseSession } from '../tui/exercise/session.js';
import { EMPTY_QUEUE, planTurn } from '../tui/exercise/step.js';
import type { Role } from '../tui/exercise/types.js';
import type { JournalEntry, PlayReason } from './journal-entry.js';

/** A request the exercise cannot take (a stale turn, an unknown action): said to the one who sent it. */
export class Refusal extends Error {}

export interface HostGame {
  /** The exercise session: history, roles, injects, the instructor's queue and the odds switch. `choices` are this turn's. */
  readonly session: ExerciseSession;
  /** The instructor stopped the clock: the turn is not played until resumed or ended. */
  readonly paused: boolean;
  /** Teams whose actor's policy decided because they had not chosen when the turn ended. */
  readonly policy: readonly PolicyDecision[];
  /** Journal entries applied (the start entry not counted). */
  readonly entries: number;
}

/** A game at the session's start, every team to choose. */
export function startGame(session: ExerciseSession): HostGame {
  return { session: { ...session, mode: 'decide' }, paused: false, policy: [], entries: 0 };
}

/** The turn being decided now. */
export function decidingTurn(game: HostGame): number {
  return playedTurn(game.session) + 1;
}

export function isOver(game: HostGame): boolean {
  return finished(game.session);
}

/** The role of an actor id, if it is played. */
export function roleOf(game: HostGame, actor: string): Role | undefined {
  return game.session.roles.find((role) => role.actor === actor);
}

/** Whether every team has chosen for the turn being decided. */
export function everyoneChose(game: HostGame): boolean {
  return game.session.roles.every((role) => game.session.choices[role.actor] !== undefined);
}

/** The game after one journal entry, with a sentence saying what happened; a Refusal when the entry cannot apply. */
export function applyEntry(game: HostGame, entry: JournalEntry): { game: HostGame; text: string } {
  const result = applied(game, entry);
  return { game: { ...result.game, entries: game.entries + 1 }, text: result.text };
}

function applied(game: HostGame, entry: JournalEntry): { game: HostGame; text: string } {
  const session = game.session;
  if (isOver(game)) throw new Refusal('the exercise is over: every month has been played');
  if ('turn' in entry && entry.turn !== decidingTurn(game)) {
    throw new Refusal(`turn ${entry.turn} is not the turn being decided (turn ${decidingTurn(game)})`);
  }
  switch (entry.t) {
    case 'choose': {
      const role = roleOf(game, entry.actor);
      if (role === undefined) throw new Refusal(stripControl(`${entry.actor} is not a role of this exercise`));
      const seat = session.roles.indexOf(role);
      const action = actionsOf({ ...session, seat }).find((item) => item.id === entry.action);
      if (action === undefined) throw new Refusal(stripControl(`${role.name} has no action \`${entry.action}\``));
      return { game: { ...game, session: { ...session, choices: { ...session.choices, [role.actor]: action.id } } }, text: stripControl(`${role.name} chose ${action.title}.`) };
    }
    case 'instruct': {
      const row = instructorItems(session).findIndex((item) =>
        item.kind === entry.kind && (item.kind === 'inject' ? item.inject.id : item.rule.id) === entry.id);
      if (row < 0) throw new Refusal(stripControl(`there is no ${entry.kind} \`${entry.id}\` to ${entry.how}`));
      const next = reduce({ ...session, mode: 'instructor', row }, { type: entry.how });
      const text = next.notice?.text ?? '';
      if (next.notice?.tone === 'error') throw new Refusal(text);
      return { game: { ...game, session: { ...next, mode: 'decide', notice: null } }, text };
    }
    case 'odds': {
      if (session.odds === entry.shown) return { game, text: entry.shown ? 'The model\'s odds are already shown.' : 'The model\'s odds are already hidden.' };
      const next = reduce(session, { type: 'toggle-odds' });
      return { game: { ...game, session: { ...next, notice: null } }, text: entry.shown ? 'The model\'s odds are shown to the teams.' : 'The model\'s odds are hidden from the teams.' };
    }
    case 'pause':
      return { game: { ...game, paused: entry.paused }, text: entry.paused ? 'The clock is paused.' : 'The clock runs again.' };
    case 'play':
      return play(game, entry.reason);
  }
}

/**
 * Play the turn being decided. A team that has not chosen is decided by its
 * actor's policy: the turn is computed once without its choice, and the
 * action its policy picked there (same state, same random draw) becomes its
 * choice, so the record names every team's action.
 */
function play(game: HostGame, reason: PlayReason): { game: HostGame; text: string } {
  const session = game.session;
  const turn = decidingTurn(game);
  const undecided = session.roles.filter((role) => session.choices[role.actor] === undefined);
  if (reason === 'all' && undecided.length > 0) throw new Refusal('not every team has chosen');
  let choices = session.choices;
  if (undecided.length > 0) {
    const decided = session.roles.filter((role) => session.choices[role.actor] !== undefined);
    const trial = advance(session.history, planTurn(turn, decided, choices, session.injects, session.fates, session.queue).interventions);
    const picks = current(trial).decisions;
    const all: Record<string, string> = { ...choices };
    for (const role of undecided) {
      const pick = picks.find((item) => item.actor === role.actor);
      if (pick === undefined) throw new Error(`the policy of ${role.actor} made no decision at turn ${turn}`);
      all[role.actor] = pick.action;
    }
    choices = all;
  }
  const plan = planTurn(turn, session.roles, choices, session.injects, session.fates, session.queue);
  const history = advance(session.history, plan.interventions);
  const next: ExerciseSession = {
    ...session,
    history,
    choices: {},
    queue: { ...EMPTY_QUEUE, holdInjects: session.queue.holdInjects.filter((id) => !plan.fates.some((fate) => fate.inject === id)) },
    fates: [...session.fates, ...plan.fates],
    saved: false,
  };
  const why = reason === 'deadline' ? 'deadline' : 'instructor';
  const policy = [...game.policy, ...undecided.map((role): PolicyDecision => ({ turn, actor: role.actor, why }))];
  const month = monthLabel(history.scenario.start, turn);
  const byPolicy = undecided.length === 0 ? '' : ` Decided by policy: ${undecided.map((role) => role.name).join(', ')}.`;
  const over = turn >= history.turns ? ` The exercise is over: ${outcomeOf(history.scenario, current(history).state).title}.` : '';
  return { game: { ...game, session: next, policy }, text: stripControl(`${month} played.${byPolicy}${over}`) };
}
