import type { Scenario } from '../engine/types.js';
import { compileScenario } from './compile.js';
import type { ScenarioSpec } from './format.js';
import { builtinSpec, specOf } from './load.js';
import { BUILTIN_DIR, isBuiltin, readSourceFile } from './read.js';
import { scenarioHash } from './scenario-hash.js';

// Earlier versions of the built-in scenarios, kept as they were so that run
// records made with them still replay. A version 2 record embeds its
// scenario; a version 1 record names it only by id and hash, so a record of
// an older version finds that version here by its hash.

/** The versions kept of each built-in scenario, oldest first: files builtin/versions/ID@VERSION.yaml. */
export const KEPT_VERSIONS: Readonly<Record<string, readonly string[]>> = { 'niger-2024': ['1'] };

const kept = new Map<string, ScenarioSpec>();

function keptSpec(id: string, version: string): ScenarioSpec {
  const key = `${id}@${version}`;
  const cached = kept.get(key);
  if (cached !== undefined) return cached;
  const spec = specOf(readSourceFile(`${BUILTIN_DIR}versions/${key}.yaml`, `${id} version ${version}`));
  kept.set(key, spec);
  return spec;
}

/**
 * The data of the built-in scenario `id` whose run hash with `variant` is
 * `hash`: the current version when it matches or no kept one does (so a
 * replay still says the record was made for another version), else the kept
 * version that matches.
 */
export function builtinSpecForHash(id: string, variant: string | null, hash: string): ScenarioSpec {
  const current = builtinSpec(id);
  if (!isBuiltin(id) || scenarioHash(current, variant) === hash) return current;
  for (const version of KEPT_VERSIONS[id] ?? []) {
    const spec = keptSpec(id, version);
    if (scenarioHash(spec, variant) === hash) return spec;
  }
  return current;
}

/** The built-in scenario a version 1 record names, in the version it was made with (see builtinSpecForHash). */
export function builtinForRecord(scenario: { readonly id: string; readonly variant: string | null; readonly hash: string }): Scenario {
  return compileScenario(builtinSpecForHash(scenario.id, scenario.variant, scenario.hash), scenario.variant);
}
