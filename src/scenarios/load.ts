import { byCodePoint } from '../engine/text.js';
import type { Scenario } from '../engine/types.js';
import { compileScenario } from './compile.js';
import { ScenarioError, type Problem } from './problem.js';
import { resolveExtends } from './extends.js';
import type { ScenarioSpec } from './format.js';
import { locate } from './origin.js';
import { builtinSource, isFileReference, readSourceFile, ScenarioNotFound, BUILTIN_IDS } from './read.js';
import { parseSource, type SourceFile } from './source.js';
import { validateData } from './validation.js';

export { BUILTIN_DIR, BUILTIN_IDS, isFileReference, MAX_FILE_BYTES, ScenarioNotFound } from './read.js';

/** The scenario a command uses when none is named. */
export const DEFAULT_SCENARIO = 'niger-2024';

/** Split `niger-2024/us-withdrawal` (or `course/week1.yaml/fast`) into scenario and variant. */
export function splitReference(ref: string): { scenario: string; variant: string | null } {
  if (isFileReference(ref)) return { scenario: ref, variant: null };
  const file = /^(.+\.(?:ya?ml|json))\/([^/]+)$/i.exec(ref);
  if (file !== null) return { scenario: file[1]!, variant: file[2]! };
  const slash = ref.indexOf('/');
  return slash < 0 ? { scenario: ref, variant: null } : { scenario: ref.slice(0, slash), variant: ref.slice(slash + 1) };
}

/**
 * The checked data of a parsed file: `extends:` resolved, the format checked,
 * every expression and name compiled with every variant. Throws ScenarioError
 * with every problem, each at its file, line and column.
 */
export function specOf(source: SourceFile): ScenarioSpec {
  const resolved = resolveExtends(source);
  const result = validateData(resolved.value);
  const problems = [...resolved.problems, ...result.problems.map((problem) => locate(problem, resolved.origin))];
  if (result.spec === null || problems.length > 0) throw new ScenarioError(inReadingOrder(problems), source.file);
  if (resolved.warnings.length > 0) warningsBySpec.set(result.spec, inReadingOrder(resolved.warnings));
  return result.spec;
}

const warningsBySpec = new WeakMap<ScenarioSpec, readonly Problem[]>();

/** What loading the scenario found legal but rarely meant (shown by `validate`), each at its file and line. */
export function warningsOf(spec: ScenarioSpec): readonly Problem[] {
  return warningsBySpec.get(spec) ?? [];
}

/** Problems sorted by file, line and column, as a reader meets them. */
function inReadingOrder(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) =>
    byCodePoint(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Parse and validate scenario text (YAML or JSON) into its data; `extends:` paths are relative to the working directory. */
export function parseSpec(text: string, file: string): ScenarioSpec {
  return specOf(parseSource(text, file));
}

/** Read a scenario file, with user-facing errors for every way reading can fail. */
export function readScenarioFile(path: string): ScenarioSpec {
  return specOf(readSourceFile(path));
}

const builtinCache = new Map<string, ScenarioSpec>();

/** The data of a built-in scenario. */
export function builtinSpec(id: string): ScenarioSpec {
  const cached = builtinCache.get(id);
  if (cached !== undefined) return cached;
  const spec = specOf(builtinSource(id));
  builtinCache.set(id, spec);
  return spec;
}

/** The data behind a reference: a built-in id or a file path. */
export function resolveSpec(scenario: string): ScenarioSpec {
  return isFileReference(scenario) ? readScenarioFile(scenario) : builtinSpec(scenario);
}

/**
 * Load and compile a scenario from a reference (`niger-2024`,
 * `niger-2024/us-withdrawal` or a file path), with an optional variant and
 * parameter overrides (for sweeps).
 */
export function loadScenario(
  ref: string = DEFAULT_SCENARIO,
  variant: string | null = null,
  overrides: Readonly<Record<string, number>> = {},
): Scenario {
  const split = splitReference(ref);
  if (split.variant !== null && variant !== null && split.variant !== variant) {
    throw new ScenarioNotFound(`two variants given: ${split.variant} (in ${ref}) and ${variant} (--variant); give one`);
  }
  const spec = resolveSpec(split.scenario);
  try {
    return compileScenario(spec, variant ?? split.variant, overrides);
  } catch (error) {
    if (error instanceof ScenarioError && error.file === undefined && isFileReference(split.scenario)) {
      throw new ScenarioError(error.problems, split.scenario);
    }
    throw error;
  }
}

/** A one-line summary of a scenario and its variants, for `sandtable list`. */
export interface ScenarioSummary {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly turns: number;
  readonly variants: readonly { readonly id: string; readonly title: string; readonly description: string }[];
}

/** Every built-in scenario, summarised. */
export function listScenarios(): ScenarioSummary[] {
  return BUILTIN_IDS.map((id) => {
    const spec = builtinSpec(id);
    return {
      id: spec.id,
      title: spec.title,
      description: spec.description,
      turns: spec.turns,
      variants: spec.variants.map(({ id: variant, title, description }) => ({ id: variant, title, description })),
    };
  });
}
