import { scaleOf as scaleOfQuantity } from '../engine/analysis/after-action.js';
// Selectors from engine data to the plain rows the panels draw. Every piece of
// scenario text passes through stripControl here, so a scenario file cannot
// put terminal control sequences on the screen.
import { whyLine } from '../engine/explain.js';
import type { Turn } from '../engine/history.js';
import { postureOf } from '../engine/outcome.js';
import { stripControl } from '../engine/text.js';
import type { FiredEvent, Scenario, WorldState } from '../engine/types.js';
import { changesOf, type Change } from './changes.js';

export interface ActorRow {
  readonly id: string;
  readonly name: string;
  /** Position on each of the scenario's issues, in issue order. */
  readonly stance: readonly number[];
  readonly posture: string;
}

export interface IndicatorRow {
  readonly id: string;
  readonly title: string;
  /** Values over turns 0..the turn shown. */
  readonly series: readonly number[];
  /** Set for an indicator on its own scale: its range, for the sparkline, and its unit ('' when none). */
  readonly scale?: { readonly range: readonly [number, number]; readonly unit: string };
}

export interface EventItem {
  readonly id: string;
  readonly title: string;
  readonly narrative: string;
  readonly why: string;
  readonly source: string;
  /** Condition and inputs, for the details view. */
  readonly condition: string | null;
  readonly inputs: string | null;
}

export interface CooperationView {
  readonly ids: readonly string[];
  /** values[i][j]: cooperation of actor i with actor j. */
  readonly values: readonly (readonly number[])[];
}

/** Issue names, in the order of ActorRow.stance. */
export function issuesOf(scenario: Scenario): string[] {
  return scenario.issues.map(stripControl);
}

export function actorRows(scenario: Scenario, state: WorldState): ActorRow[] {
  return scenario.actors.map((actor) => ({
    id: stripControl(actor.id),
    name: stripControl(actor.name),
    stance: scenario.issues.map((issue) => state.actors[actor.id]?.stance[issue] ?? 0),
    posture: stripControl(postureOf(scenario, actor.id, state)),
  }));
}

export function indicatorRows(scenario: Scenario, kept: readonly Turn[], turn: number): IndicatorRow[] {
  const shown = kept.slice(0, turn + 1);
  return scenario.indicators.map((indicator) => ({
    id: stripControl(indicator.id),
    title: stripControl(indicator.title),
    series: shown.map((item) => item.state.indicators[indicator.id] ?? 0),
    ...scaleOf(scenario, `ind.${indicator.id}`),
  }));
}

/** The range and unit of a quantity that declares either, for showing it. */
function scaleOf(scenario: Scenario, path: string): Pick<IndicatorRow, 'scale'> {
  const { scale } = scaleOfQuantity(scenario, path);
  return scale === undefined ? {} : { scale: { range: scale.range, unit: stripControl(scale.unit) } };
}

export function cooperationOf(scenario: Scenario, state: WorldState): CooperationView {
  const ids = scenario.actors.map((actor) => actor.id);
  return {
    ids: ids.map(stripControl),
    values: ids.map((a) => ids.map((b) => (a === b ? 1 : state.coop[a]?.[b] ?? 0))),
  };
}

export function eventItem(event: FiredEvent): EventItem {
  const { why } = event;
  const inputs = why.chance === null
    ? null
    : Object.entries(why.chance.inputs).map(([name, value]) => `${name} = ${value}`).join(', ');
  return {
    id: stripControl(event.id),
    title: stripControl(event.title),
    narrative: stripControl(event.narrative),
    why: stripControl(whyLine(event)),
    source: stripControl(why.source),
    condition: why.condition === null ? null : stripControl(`${why.condition.expr} (true)`),
    inputs: inputs === null || inputs === '' ? null : stripControl(inputs),
  };
}

/** What changed in the turn shown (nothing at turn 0). */
export function changesAt(scenario: Scenario, kept: readonly Turn[], turn: number): Change[] {
  if (turn === 0) return [];
  return changesOf(scenario, kept[turn - 1]!.state, kept[turn]!.state, kept[turn]!.changes).map((change) => ({
    ...change,
    label: stripControl(change.label),
    ...(change.text === undefined ? {} : { text: stripControl(change.text) }),
  }));
}
