import { freeze } from 'immer';
import { roundState } from '../engine/effects.js';
import type { ActorState, MutableState, WorldState } from '../engine/types.js';
import type { Problem } from './problem.js';
import type { ScenarioSpec } from './format.js';
import { suggest } from './suggest.js';

/**
 * The state at turn 0, from the scenario's data; problems (a stance on an
 * unknown issue, cooperation with an unknown actor) are added to `problems`.
 */
export function initialState(spec: ScenarioSpec, problems: Problem[]): WorldState {
  const ids = spec.actors.map((actor) => actor.id);
  const issues = spec.issues.map((issue) => issue.id);
  const actors: Record<string, ActorState> = {};
  spec.actors.forEach((actor, a) => {
    const stance: Record<string, number> = {};
    const salience: Record<string, number> = {};
    for (const issue of spec.issues) {
      stance[issue.id] = actor.stance[issue.id] ?? 0;
      salience[issue.id] = actor.salience[issue.id] ?? 0.5;
    }
    for (const field of ['stance', 'salience'] as const) {
      for (const key of Object.keys(actor[field])) {
        if (!issues.includes(key)) {
          problems.push({ path: ['actors', a, field, key], atKey: true, message: `unknown issue \`${key}\`${suggest(key, issues)} (declare it under issues:)` });
        }
      }
    }
    const attrs: Record<string, number> = {};
    for (const [key, value] of Object.entries(actor.attrs)) attrs[key] = typeof value === 'number' ? value : value.initial;
    actors[actor.id] = { stance, salience, attrs };
  });
  const coop: Record<string, Record<string, number>> = {};
  for (const a of ids) {
    const row: Record<string, number> = {};
    coop[a] = row;
    for (const b of ids) if (a !== b) row[b] = spec.cooperation.default;
  }
  for (const [a, row] of Object.entries(spec.cooperation.initial)) {
    for (const [b, level] of Object.entries(row)) {
      const from = Object.hasOwn(coop, a) ? coop[a] : undefined;
      const to = Object.hasOwn(coop, b) ? coop[b] : undefined;
      if (from === undefined || to === undefined || a === b) {
        const unknown = from === undefined ? a : b;
        problems.push({
          path: ['cooperation', 'initial', a, ...(from === undefined ? [] : [b])],
          atKey: true,
          message: a === b ? 'an actor has no cooperation level with itself' : `unknown actor \`${unknown}\`${suggest(unknown, ids)}`,
        });
        continue;
      }
      from[b] = level;
      if (spec.cooperation.symmetric) to[a] = level;
    }
  }
  const indicators: Record<string, number> = {};
  for (const indicator of spec.indicators) indicators[indicator.id] = indicator.initial;
  const state: MutableState = {
    turn: 0,
    actors,
    coop,
    indicators,
    flags: { ...spec.flags },
    events: {},
    scheduled: [],
    actions: {},
  };
  // Values from a file may have more digits than the engine keeps.
  roundState(state);
  return freeze(state, true);
}
