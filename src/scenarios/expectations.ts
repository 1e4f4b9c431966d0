import type { Expectation, ExpectedQuantity } from '../engine/types.js';
import type { ExpectationSpec, ScenarioSpec } from './format.js';
import type { Problem } from './problem.js';
import { sourceText } from './sources.js';
import { suggest } from './suggest.js';

// Expectations as written, checked against the scenario's names and horizon,
// into the engine's form that `check` and calibration evaluate.

/** The quantity of an expectation, with the turns left out filled in (the last turn). */
function quantityOf(item: ExpectationSpec, turns: number): ExpectedQuantity {
  if ('event' in item) return { kind: 'event', event: item.event, by: item.by ?? turns };
  if ('indicator' in item) return { kind: 'indicator', indicator: item.indicator, at: item.at ?? turns, stat: item.stat ?? 'mean' };
  if ('outcome' in item) return { kind: 'outcome', outcome: item.outcome };
  return { kind: 'metric', metric: item.metric };
}

/** A short name of a quantity: "us-withdrawal-announced fired by turn 12", "mean ind.insurgency at turn 24". */
export function describeQuantity(quantity: ExpectedQuantity): string {
  switch (quantity.kind) {
    case 'event': return `${quantity.event} fired by turn ${quantity.by}`;
    case 'indicator': return `${quantity.stat} ${quantity.indicator} at turn ${quantity.at}`;
    case 'outcome': return `share ending ${quantity.outcome}`;
    default: return `mean ${quantity.metric}`;
  }
}

/**
 * The scenario's expectations in the engine's form. Each names an event,
 * indicator, outcome class or metric that exists, at a turn within the
 * scenario's turns, with a range whose low end is not above its high end;
 * problems go to `problems`, with "did you mean" where a name is close.
 */
export function compileExpectations(spec: ScenarioSpec, problems: Problem[]): Expectation[] {
  const list = spec.expectations ?? [];
  const names = {
    event: spec.rules.map((rule) => rule.id),
    indicator: spec.indicators.map((indicator) => indicator.id),
    outcome: spec.outcomes.map((outcome) => outcome.id),
    metric: spec.metrics.map((metric) => metric.id),
  };
  const what = { event: 'event (rule)', indicator: 'indicator', outcome: 'outcome class', metric: 'metric' } as const;
  const seen = new Set<string>();
  return list.map((item, i) => {
    const at = ['expectations', i];
    if (seen.has(item.id)) problems.push({ path: [...at, 'id'], message: `expectation id \`${item.id}\` is used twice` });
    seen.add(item.id);
    const quantity = quantityOf(item, spec.turns);
    const key = quantity.kind;
    const name = key === 'event' ? quantity.event : key === 'indicator' ? quantity.indicator : key === 'outcome' ? quantity.outcome : quantity.metric;
    if (!names[key].includes(name)) {
      problems.push({ path: [...at, key], message: `unknown ${what[key]} \`${name}\`${suggest(name, names[key])}` });
    }
    const turn = quantity.kind === 'event' ? { field: 'by', value: quantity.by } : quantity.kind === 'indicator' ? { field: 'at', value: quantity.at } : null;
    if (turn !== null && turn.value > spec.turns) {
      problems.push({ path: [...at, turn.field], message: `turn ${turn.value} is after the scenario's last turn (${spec.turns})` });
    }
    if (quantity.kind === 'event' && quantity.by < 1) {
      problems.push({ path: [...at, 'by'], message: 'events fire from turn 1; give a turn from 1 to the last turn' });
    }
    const [low, high] = item.range;
    if (low > high) problems.push({ path: [...at, 'range'], message: `the range's low end must not be above its high end: [${low}, ${high}]` });
    const share = quantity.kind === 'event' || quantity.kind === 'outcome';
    if (share && (low < 0 || high > 1)) {
      problems.push({ path: [...at, 'range'], message: `a share of runs lies from 0 to 1; [${low}, ${high}] goes outside` });
    }
    return {
      id: item.id,
      title: item.title ?? describeQuantity(quantity),
      quantity,
      range: [low, high],
      weight: item.weight ?? 1,
      source: sourceText(item.source),
    };
  });
}
