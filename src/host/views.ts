// What each seat is sent, made with the exercise view's own selectors. A team
// sees its own brief, goals, actions and choice; the screen only what the
// whole room sees; the instructor everything, the teams' choices included.
import { current } from '../engine/history.js';
import { outcomeOf } from '../engine/outcome.js';
import { stripControl } from '../engine/text.js';
import { instructorItems } from '../tui/exercise/instructor.js';
import { playedTurn } from '../tui/exercise/session.js';
import { decidingMonth, happenedRows, optionRows, postureLine, shownMonth } from '../tui/exercise/view.js';
import { indicatorRows } from '../tui/view-model.js';
import { isOver, type HostGame } from './game.js';
import type { HappenedItem, InstructorView, ScreenView, SharedView, TeamView } from './protocol.js';

/** The clock and connections, which the game value does not hold. */
export interface Live {
  readonly remaining: number | null;
  readonly online: Readonly<Record<string, number>>;
}

export function sharedView(game: HostGame, live: Live): SharedView {
  const { session } = game;
  const { history } = session;
  const turn = playedTurn(session);
  const over = isOver(game);
  return {
    title: stripControl(history.scenario.title),
    month: shownMonth(session),
    deciding: decidingMonth(session),
    turn,
    turns: history.turns,
    over,
    outcome: over ? stripControl(outcomeOf(history.scenario, current(history).state).title) : null,
    paused: game.paused,
    remaining: live.remaining,
    posture: postureLine(session),
    situation: indicatorRows(history.scenario, history.kept, turn).map((row) => {
      const value = row.series[row.series.length - 1] ?? 0;
      return { id: row.id, title: row.title, value, change: value - (row.series[row.series.length - 2] ?? value) };
    }),
    happened: happenedRows(session).map((row): HappenedItem => {
      switch (row.kind) {
        case 'inject': return { kind: 'inject', title: row.id, text: `${row.brief}${row.note}` };
        case 'held': return { kind: 'held', title: row.id, text: `${row.title} was held back.` };
        case 'event': return { kind: 'event', title: row.title, text: [row.narrative, row.why].filter((part) => part !== '').join(' ') };
        case 'choice': return { kind: 'choice', title: '', text: row.text };
      }
    }),
    teams: session.roles.map((role) => ({
      actor: role.actor,
      name: stripControl(role.name),
      decided: session.choices[role.actor] !== undefined,
      online: live.online[role.actor] ?? 0,
    })),
  };
}

export function screenView(game: HostGame, live: Live): ScreenView {
  return { ...sharedView(game, live), seat: 'screen' };
}

export function teamView(game: HostGame, live: Live, actor: string, shared = sharedView(game, live)): TeamView {
  const { session } = game;
  const seat = session.roles.findIndex((role) => role.actor === actor);
  const role = session.roles[seat];
  if (role === undefined) throw new Error(`${actor} is not a role of this exercise`);
  const actions = isOver(game) ? [] : optionRows({ ...session, seat }).map((row) => ({
    id: row.id,
    title: row.title,
    tends: row.tends,
    probability: session.odds ? row.probability : null,
  }));
  return {
    ...shared,
    seat: 'team',
    role: { actor: role.actor, name: stripControl(role.name), brief: stripControl(role.brief), goals: role.goals.map(stripControl) },
    actions,
    choice: session.choices[actor] ?? null,
  };
}

export function instructorView(game: HostGame, live: Live, shared = sharedView(game, live)): InstructorView {
  const { session } = game;
  return {
    ...shared,
    seat: 'instructor',
    choices: session.choices,
    odds: session.odds,
    items: isOver(game) ? [] : instructorItems(session).map((item) => item.kind === 'inject'
      ? { kind: 'inject', id: stripControl(item.inject.id), title: stripControl(`${item.inject.title} (turn ${item.inject.turn})`), status: item.status }
      : { kind: 'rule', id: stripControl(item.rule.id), title: stripControl(item.rule.title), status: item.status }),
  };
}
