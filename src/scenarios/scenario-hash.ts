import { hashOf } from '../engine/hash.js';
import type { ScenarioSpec } from './format.js';

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
  // Roles and injects do not change a run: an inject that fires is recorded as an intervention.
  // The format version says how the file is written, not what it does.
  const { variants, roles: _roles, injects: _injects, $schema: _schema, format: _format, ...base } = spec;
  const variant = variants.find((item) => item.id === variantId) ?? null;
  // Parameter overrides (sweeps) are part of the identity only when present,
  // so the hash of the scenario as written stays the same.
  return hashOf(Object.keys(overrides).length === 0 ? { scenario: base, variant } : { scenario: base, variant, overrides });
}
