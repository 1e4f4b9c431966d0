import { freeze } from 'immer';
import { roundState } from '../engine/effects.js';
import type { ActorState, MutableState, WorldState } from '../engine/types.js';
import type { Problem } from './problem.js';
import type { ScenarioSpec } from './format.js';
import { suggest } from './suggest.js';
import { startingValue } from './starting-value.js';
import { paramValues } from './params.js';

const SIGNED = { min: -1, max: 1 };
const UNIT = { min: 0, max: 1 };

/**
 * The state at turn 0, from the scenario's data with these parameters (a
 * starting value may be an expression of them); problems (a stance on an
 * unknown issue, cooperation with an unknown actor) are added to `problems`.
 */
export function initialState(spec: ScenarioSpec, problems: Problem[], params: Readonly<Record<string, number>> = paramValues(spec.params)): WorldState {
  const value = (written: number | string, range: typeof UNIT, path: (string | number)[]) =>
    startingValue(written, params, range, path, problems) ?? range.min;
  const ids = spec.actors.map((actor) => actor.id);
  const issues = spec.issues.map((issue) => issue.id);
  const actors: Record<string, ActorState> = {};
  spec.actors.forEach((actor, a) => {
    const stance: Record<string, number> = {};
    const salience: Record<string, number> = {};
    for (const issue of spec.issues) {
      stance[issue.id] = value(actor.stance[issue.id] ?? 0, SIGNED, ['actors', a, 'stance', issue.id]);
      salience[issue.id] = value(actor.salience[issue.id] ?? 0.5, UNIT, ['actors', a, 'salience', issue.id]);
    }
    for (const field of ['stance', 'salience'] as const) {
      for (const key of Object.keys(actor[field])) {
        if (!issues.includes(key)) {
          problems.push({ path: ['actors', a, field, key], atKey: true, message: `unknown issue \`${key}\`${suggest(key, issues)} (declare it under issues:)` });
        }
      }
    }
    const attrs = Object.fromEntries(Object.entries(actor.attrs).map(([key, written]) => [key, typeof written === 'object'
      ? value(written.initial, { min: written.range?.[0] ?? 0, max: written.range?.[1] ?? 1 }, ['actors', a, 'attrs', key, 'initial'])
      : value(written, UNIT, ['actors', a, 'attrs', key])]));
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
      const number = value(level, UNIT, ['cooperation', 'initial', a, b]);
      from[b] = number;
      if (spec.cooperation.symmetric) to[a] = number;
    }
  }
  const indicators: Record<string, number> = {};
  spec.indicators.forEach((indicator, i) => {
    const range = indicator.range === undefined ? UNIT : { min: indicator.range[0], max: indicator.range[1] };
    indicators[indicator.id] = value(indicator.initial, range, ['indicators', i, 'initial']);
  });
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
