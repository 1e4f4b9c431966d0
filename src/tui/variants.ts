import type { Scenario } from '../engine/types.js';
import { loadScenario, resolveSpec, splitReference } from '../scenarios/load.js';
import type { VariantOption } from './what-ifs.js';

/**
 * The variants a what-if can switch to: every variant written in the
 * scenario's source (a built-in id or a file), compiled once at start.
 */
export function variantOptions(ref: string, scenario: Scenario): VariantOption[] {
  const source = splitReference(ref).scenario;
  return resolveSpec(source).variants.map((variant) => ({
    id: variant.id,
    title: variant.title,
    description: variant.description ?? '',
    scenario: variant.id === scenario.variant ? scenario : loadScenario(source, variant.id),
  }));
}
