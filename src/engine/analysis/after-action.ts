import { isoMonth, monthLabel } from '../calendar.js';
import { whyLine } from '../explain.js';
import { firstDifference, type History } from '../history.js';
import { describeIntervention, FOREVER } from '../interventions.js';
import { outcomeOf, type Outcome } from '../outcome.js';
import { firstScenario } from '../plan.js';
import type { Intervention, Scenario } from '../types.js';
import { counterfactual, type Counterfactual } from './counterfactual.js';
import { playerDecisions, type PlayerDecision } from './decisions.js';
import { baselineOf } from './divergence.js';

/** A player's decision with the names a reader needs. */
export interface DecisionLine extends PlayerDecision {
  readonly month: string;
  readonly actorName: string;
  readonly title: string;
  readonly policyTitle: string;
}

/** An intervention of the run other than a choice: an inject, or an instructor's fire or hold. */
export interface InterventionLine {
  readonly turn: number;
  readonly month: string;
  readonly kind: 'force' | 'block' | 'set';
  /** The rule it fires or holds back (null for `set`). */
  readonly event: string | null;
  readonly title: string;
  readonly text: string;
}

export interface TimelineDecision {
  readonly actor: string;
  readonly actorName: string;
  readonly action: string;
  readonly title: string;
  readonly chosen: boolean;
}

export interface TimelineEvent {
  readonly id: string;
  readonly title: string;
  readonly narrative: string;
  readonly why: string;
  readonly source: string;
}

/** One month of the run. */
export interface TimelineTurn {
  readonly turn: number;
  readonly month: string;
  readonly date: string;
  readonly decisions: readonly TimelineDecision[];
  readonly events: readonly TimelineEvent[];
  readonly interventions: readonly InterventionLine[];
}

export interface IndicatorSeries {
  readonly id: string;
  readonly title: string;
  /** This run's value at turns 0..turns. */
  readonly run: readonly number[];
  /** The baseline's (same seed, no choices, no injects). */
  readonly baseline: readonly number[];
  /** Set for an indicator on its own scale: its range and unit ('' when none). */
  readonly scale?: { readonly range: readonly [number, number]; readonly unit: string };
}

/** A switch to a variant part-way through the run (a what-if branch): turns after `turn` follow `variant` (null: the base scenario). */
export interface SwitchLine {
  readonly turn: number;
  /** The month of the first turn computed with the variant. */
  readonly month: string;
  readonly variant: string | null;
}

/** Everything an after-action report says about a run, computed from its history. */
export interface AfterAction {
  readonly scenario: { readonly id: string; readonly title: string; readonly variant: string | null; readonly hash: string };
  readonly seed: number;
  readonly turns: number;
  readonly start: string;
  readonly end: string;
  /** The actors a person decided for, in order of their first choice. */
  readonly roles: readonly { readonly id: string; readonly name: string }[];
  readonly decisions: readonly DecisionLine[];
  readonly interventions: readonly InterventionLine[];
  /** Switches to another variant part-way through, in turn order. */
  readonly switches: readonly SwitchLine[];
  /** The first turn at which this run differs from the baseline, or null if it never does. */
  readonly divergedAt: number | null;
  readonly outcome: Outcome;
  readonly baselineOutcome: Outcome;
  readonly metrics: readonly { readonly id: string; readonly title: string }[];
  readonly indicators: readonly IndicatorSeries[];
  readonly timeline: readonly TimelineTurn[];
  readonly counterfactual: Counterfactual;
}

/**
 * The after-action analysis of a computed history, with a counterfactual over
 * `runs` paired runs (computed here, on this thread), or one computed
 * elsewhere (on worker threads) from the same `decisions`.
 */
export function afterAction(
  history: History,
  runs: number | Counterfactual,
  decided: readonly PlayerDecision[] = playerDecisions(history),
): AfterAction {
  const scenario = history.scenario;
  const first = firstScenario(history);
  const turns = history.kept.length - 1;
  const start = first.start;
  const actorName = (id: string) => scenario.actors.find((actor) => actor.id === id)?.name ?? id;
  const actionTitle = (actor: string, action: string) =>
    scenario.actors.find((item) => item.id === actor)?.actions.find((item) => item.id === action)?.title ?? action;
  const ruleTitle = (id: string) => scenario.rules.find((rule) => rule.id === id)?.title ?? id;

  const decisions = decided.map((item): DecisionLine => ({
    ...item,
    month: monthLabel(start, item.turn),
    actorName: actorName(item.actor),
    title: actionTitle(item.actor, item.action),
    policyTitle: actionTitle(item.actor, item.policyAction),
  }));
  const interventions = history.interventions
    .flatMap((item) => interventionLines(item, turns, start, ruleTitle))
    .sort((a, b) => a.turn - b.turn);
  const baseline = baselineOf(history);
  const roles = [...new Set(decisions.map((item) => item.actor))].map((id) => ({ id, name: actorName(id) }));
  const finalState = history.kept[turns]!.state;
  return {
    scenario: { id: first.id, title: first.title, variant: first.variant, hash: first.hash },
    seed: history.seed,
    turns,
    start: monthLabel(start, 0),
    end: monthLabel(start, turns),
    roles,
    decisions,
    interventions,
    switches: history.segments.slice(1).map(({ from, scenario: to }) => ({ turn: from, month: monthLabel(start, from + 1), variant: to.variant })),
    divergedAt: firstDifference(history, baseline),
    outcome: outcomeOf(scenario, finalState),
    baselineOutcome: outcomeOf(first, baseline.kept[turns]!.state),
    metrics: scenario.metrics.map(({ id, title }) => ({ id, title })),
    indicators: scenario.indicators.map(({ id, title }) => ({
      id,
      title,
      run: history.kept.map((turn) => turn.state.indicators[id]!),
      baseline: baseline.kept.map((turn) => turn.state.indicators[id]!),
      ...scaleOf(scenario, `ind.${id}`),
    })),
    timeline: history.kept.slice(1).map((turn): TimelineTurn => ({
      turn: turn.turn,
      month: monthLabel(start, turn.turn),
      date: isoMonth(start, turn.turn),
      decisions: turn.decisions.map((decision) => ({
        actor: decision.actor,
        actorName: actorName(decision.actor),
        action: decision.action,
        title: actionTitle(decision.actor, decision.action),
        chosen: decision.by === 'chosen',
      })),
      events: turn.events.map((event) => ({
        id: event.id,
        title: event.title,
        narrative: event.narrative,
        why: whyLine(event),
        source: event.why.source,
      })),
      interventions: interventions.filter((item) => item.turn === turn.turn),
    })),
    counterfactual: typeof runs === 'number' ? counterfactual(history, decisions, runs) : runs,
  };
}

/** An intervention as lines of the report: a block over several turns is one line at its first turn. */
function interventionLines(
  item: Intervention,
  turns: number,
  start: Scenario['start'],
  ruleTitle: (id: string) => string,
): InterventionLine[] {
  if (item.kind === 'choose') return [];
  const turn = item.kind === 'block' ? item.from : item.turn;
  if (turn < 1 || turn > turns) return [];
  const month = monthLabel(start, turn);
  switch (item.kind) {
    case 'force':
      return [{ turn, month, kind: 'force', event: item.event, title: ruleTitle(item.event), text: `fired: ${ruleTitle(item.event)}` }];
    case 'block': {
      const until = item.to >= FOREVER ? 'on' : item.to === item.from ? '' : ` to ${monthLabel(start, Math.min(item.to, turns))}`;
      const span = until === 'on' ? ' from then on' : until;
      return [{ turn, month, kind: 'block', event: item.event, title: ruleTitle(item.event), text: `held back: ${ruleTitle(item.event)}${span}` }];
    }
    case 'set':
      return [{ turn, month, kind: 'set', event: null, title: item.path, text: describeIntervention(item) }];
  }
}

/** The range and unit of a quantity that declares either (none for the default [0, 1] without a unit). */
export function scaleOf(scenario: Scenario, path: string): { scale?: { range: readonly [number, number]; unit: string } } {
  const target = scenario.target(path);
  const unit = scenario.units?.[path];
  if (target === null || (target.min === 0 && target.max === 1 && unit === undefined)) return {};
  return { scale: { range: [target.min, target.max], unit: unit ?? '' } };
}
