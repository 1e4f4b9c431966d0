import type { Scenario } from '../../engine/types.js';
import { ScenarioError } from '../../scenarios/problem.js';
import { DEFAULT_SCENARIO, loadScenario, resolveSpec, splitReference } from '../../scenarios/load.js';
import { UsageError } from '../errors.js';
import { asUsageError, loadForCommand } from '../scenario.js';
import type { ScenarioSource } from './protocol.js';

/**
 * The data a worker compiles a command's scenario from. Call after the
 * scenario has loaded (so the reference is known to be good).
 */
export function sourceOf(ref: string | undefined, variant: string | undefined): ScenarioSource {
  const split = splitReference(ref ?? DEFAULT_SCENARIO);
  return { spec: asUsageError(() => resolveSpec(split.scenario)), variant: variant ?? split.variant };
}

/**
 * Load a scenario with parameter overrides (a sweep's combination); an
 * unknown parameter is the user's `--set`, so the error says so.
 */
export function loadWithOverrides(ref: string | undefined, variant: string | undefined, overrides: Readonly<Record<string, number>>): Scenario {
  if (Object.keys(overrides).length === 0) return loadForCommand(ref, variant);
  loadForCommand(ref, variant);
  try {
    return loadScenario(ref ?? DEFAULT_SCENARIO, variant ?? null, overrides);
  } catch (error) {
    if (error instanceof ScenarioError) {
      throw UsageError.ofLines(error.problems.map((problem) => `--set: ${problem.message}`));
    }
    throw error;
  }
}
