// Selectors from the exercise session to the plain rows its panels draw. Every
// piece of scenario text passes through stripControl here.
import { monthLabel } from '../../engine/calendar.js';
import { actionProbabilities } from '../../engine/decide.js';
import { whyLine } from '../../engine/explain.js';
import { postureOf } from '../../engine/outcome.js';
import { stripControl } from '../../engine/text.js';
import type { EvalContext } from '../../engine/types.js';
import { actionsOf, seatRole, playedTurn, type ExerciseSession } from './session.js';

/** An action the role can take: what it tends to do, and how likely the actor's own policy is to pick it. */
export interface OptionRow {
  readonly id: string;
  readonly title: string;
  readonly tends: string;
  readonly probability: number;
}

/** The actions of the role deciding, in the state it decides in. */
export function optionRows(session: ExerciseSession): OptionRow[] {
  const { history } = session;
  const { scenario } = history;
  const role = seatRole(session);
  const actor = scenario.actors.find((item) => item.id === role.actor);
  if (actor === undefined) return [];
  const state = history.kept[playedTurn(session)]!.state;
  // The context the next turn's decisions read: the state at its start and the actions chosen in it.
  const ctx: EvalContext = { choices: state.actions, turn: state.turn + 1 };
  const probabilities = actionProbabilities(actor, state, ctx);
  return actionsOf(session).map((action) => ({
    id: stripControl(action.id),
    title: stripControl(action.title),
    tends: stripControl(action.tends),
    probability: probabilities[actor.actions.indexOf(action)]!,
  }));
}

/** One line of what happened in the month shown. */
export type HappenedRow =
  | { readonly kind: 'inject'; readonly id: string; readonly brief: string; readonly note: string }
  | { readonly kind: 'held'; readonly id: string; readonly title: string }
  | { readonly kind: 'event'; readonly title: string; readonly narrative: string; readonly why: string }
  | { readonly kind: 'choice'; readonly text: string };

/** The month just played: injects first (what the players are told), then the events, then the roles' choices. */
export function happenedRows(session: ExerciseSession): HappenedRow[] {
  const { history } = session;
  const turn = playedTurn(session);
  if (turn === 0) return [];
  const kept = history.kept[turn]!;
  const rows: HappenedRow[] = [];
  for (const fate of session.fates.filter((item) => item.turn === turn)) {
    const inject = session.injects.find((item) => item.id === fate.inject);
    if (inject === undefined) continue;
    if (fate.how === 'held') {
      rows.push({ kind: 'held', id: stripControl(inject.id), title: stripControl(inject.title) });
      continue;
    }
    const happened = kept.events.some((event) => event.id === inject.event);
    rows.push({
      kind: 'inject',
      id: stripControl(inject.id),
      brief: stripControl(inject.brief),
      note: happened ? '' : ' (its event could not happen again this month)',
    });
  }
  for (const event of kept.events) {
    rows.push({ kind: 'event', title: stripControl(event.title), narrative: stripControl(event.narrative), why: stripControl(whyLine(event)) });
  }
  for (const role of session.roles) {
    const decision = kept.decisions.find((item) => item.actor === role.actor);
    const action = history.scenario.actors.find((item) => item.id === role.actor)?.actions.find((item) => item.id === decision?.action);
    if (action !== undefined) rows.push({ kind: 'choice', text: stripControl(`${role.name} chose: ${action.title}`) });
  }
  return rows;
}

/** Each actor's posture now, in a line: `Niger (CNSP): leaning to Russia · United States: strained`. */
export function postureLine(session: ExerciseSession): string {
  const { scenario } = session.history;
  const state = session.history.kept[playedTurn(session)]!.state;
  return stripControl(scenario.actors.slice(0, 3).map((actor) => `${actor.name}: ${postureOf(scenario, actor.id, state)}`).join(' · '));
}

/** The month being decided: the one after the turn on screen. */
export function decidingMonth(session: ExerciseSession): string {
  return monthLabel(session.history.scenario.start, playedTurn(session) + 1);
}

/** The month on screen. */
export function shownMonth(session: ExerciseSession): string {
  return monthLabel(session.history.scenario.start, playedTurn(session));
}
