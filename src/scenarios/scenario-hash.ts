import { hashOf } from '../engine/hash.js';
import type { ScenarioSpec } from './format.js';
import { paramValues } from './params.js';

/**
 * The scenario's identity for run records: its data with the chosen variant
 * applied. The list of other variants (and the editor's `$schema`) is left out,
 * so adding a variant does not invalidate records of the base scenario.
 */
export function scenarioHash(
  spec: ScenarioSpec,
  variantId: string | null,
  overrides: Readonly<Record<string, number>> = {},
): string {
  const variant = spec.variants.find((item) => item.id === variantId) ?? null;
  const base = runData(spec);
  // Parameter overrides (sweeps) are part of the identity only when present,
  // so the hash of the scenario as written stays the same.
  return hashOf(Object.keys(overrides).length === 0 ? { scenario: base, variant } : { scenario: base, variant, overrides });
}

/**
 * The part of the data that can change a run. Left out: roles and injects (an
 * inject that fires is recorded as an intervention), and the evidence a
 * scenario declares: a parameter's range, distribution, bounds, source and
 * note (only its value counts), sources on actions and starting values,
 * structured sources on rules, the article and the expectations; and the ids
 * of effects. A rule's source written as text stays in, as it always was, so
 * that records made before these fields existed still verify.
 */
function runData(spec: ScenarioSpec): Record<string, unknown> {
  const {
    variants: _variants, roles: _roles, injects: _injects, $schema: _schema,
    article: _article, sources: _sources, expectations: _expectations,
    // The format version says how the file is written, not what it does.
    format: _format, ...rest
  } = spec;
  return {
    ...rest,
    params: paramValues(rest.params),
    actors: rest.actors.map((actor) => ({
      ...actor,
      actions: actor.actions.map((action) => ({ ...action, source: undefined, effects: withoutIds(action.effects) })),
    })),
    indicators: rest.indicators.map((indicator) => ({ ...indicator, source: undefined })),
    rules: rest.rules.map((rule) => ({ ...(typeof rule.source === 'string' ? rule : { ...rule, source: undefined }), effects: withoutIds(rule.effects) })),
    dynamics: withoutIds(rest.dynamics),
  };
}

/**
 * Effects without their ids: an effect's id names it for an overlay to change
 * or remove, and never changes a run (random quantities are keyed by their
 * place, not their id), so giving a list's effects ids keeps the hash.
 */
function withoutIds<T extends { readonly id?: string }>(effects: readonly T[]): readonly T[] {
  return effects.map((effect) => (effect.id === undefined ? effect : { ...effect, id: undefined }));
}
