import type { Scenario } from '../engine/types.js';
import { changedVariantSpec, compileScenario, overrideProblems } from './compile.js';
import type { ScenarioSpec } from './format.js';
import { initialState } from './initial-state.js';
import { paramRanges, paramValues } from './params.js';
import { ScenarioError, type Problem } from './problem.js';
import { scenarioHash } from './scenario-hash.js';
import type { FreeParams } from './scope.js';
import { atChanges } from './variant-changes.js';

/**
 * A scenario compiled once with some of its parameters left free, to run at
 * many values of them (the points of a sweep, a study or a calibration)
 * without compiling each: a point costs setting the parameters' cells and
 * working out the starting state, not a compilation.
 */
export interface ParametricScenario {
  /** The parameters left free, in their cells' order. */
  readonly names: readonly string[];
  /**
   * The scenario with these parameter values (overrides, as `compileScenario`
   * takes them, of the free parameters only): the same runs, hash and errors
   * as compiling it with them. The scenarios of one ParametricScenario share
   * its cells, so only the one bound last may be run: bind, run, bind again.
   */
  bind(values: Readonly<Record<string, number>>): Scenario;
}

/**
 * Compile a scenario (with a variant, or none) once with the parameters
 * `names` free. Expressions read a free parameter when they run instead of
 * folding its value in at compile time, which computes the same IEEE
 * operations on the same numbers, so every run is the same to the bit.
 */
export function compileParametric(spec: ScenarioSpec, variantId: string | null, names: readonly string[]): ParametricScenario {
  const variant = variantId === null ? null : spec.variants.find((item) => item.id === variantId) ?? null;
  // The data that is compiled, and where its problems are reported (see compileChangedVariant).
  const changed = variant?.changes !== undefined;
  const compiled = variant !== null && changed ? changedVariantSpec(spec, variant) : spec;
  const report = (problems: Problem[]) => (variant !== null && changed ? atChanges(spec.variants.indexOf(variant), problems) : problems);
  const base = { ...paramValues(compiled.params), ...(variant?.params ?? {}) };
  const unknown = overrideProblems(compiled, Object.fromEntries(names.map((name) => [name, base[name] ?? 0])));
  if (unknown.length > 0) throw new ScenarioError(report(unknown));
  const free: FreeParams = { index: new Map(names.map((name, cell) => [name, cell])), cells: Float64Array.from(names, (name) => base[name]!) };
  const { data: _data, ...template } = compileScenario(spec, variantId, {}, free);
  return {
    names,
    bind(given) {
      const values = { ...given };
      const problems = overrideProblems(compiled, values);
      for (const name of Object.keys(values)) {
        if (!free.index.has(name)) problems.push({ path: ['params', name], atKey: true, message: `parameter \`${name}\` was not left free when the scenario was compiled` });
      }
      const params = { ...base, ...values };
      const initial = initialState(compiled, problems, params);
      if (problems.length > 0) throw new ScenarioError(report(problems));
      names.forEach((name, cell) => {
        free.cells[cell] = params[name]!;
      });
      const bare = Object.keys(values).length === 0;
      // Worked out when asked for: runs never read it, and it costs more than the rest of a binding.
      let hash: string | undefined;
      return {
        ...template,
        get hash() {
          hash ??= scenarioHash(spec, variant?.id ?? null, values);
          return hash;
        },
        params,
        paramRanges: paramRanges(compiled.params, params),
        initial,
        ...(bare ? { data: spec } : {}),
      };
    },
  };
}
