import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { Scenario } from '../engine/types.js';
import { compileScenario, ScenarioError, type Problem } from './compile.js';
import { scenarioSchema, type ScenarioSpec } from './format.js';
import { suggest } from './scope.js';

/** Where the built-in scenarios live (the same place from src/ and from dist/). */
export const BUILTIN_DIR = fileURLToPath(new URL('../../src/scenarios/builtin/', import.meta.url));
/** The built-in scenarios, by id. */
export const BUILTIN_IDS = ['niger-2024'] as const;
/** The scenario a command uses when none is named. */
export const DEFAULT_SCENARIO = 'niger-2024';
/** Largest scenario file read. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A scenario reference that cannot be resolved: unknown id, missing file, and so on. */
export class ScenarioNotFound extends Error {}

/** Is this reference a path to a scenario file rather than a built-in id? */
export function isFileReference(ref: string): boolean {
  return /\.(ya?ml|json)$/i.test(ref);
}

/** Split `niger-2024/us-withdrawal` into scenario and variant. */
export function splitReference(ref: string): { scenario: string; variant: string | null } {
  if (isFileReference(ref)) return { scenario: ref, variant: null };
  const slash = ref.indexOf('/');
  return slash < 0 ? { scenario: ref, variant: null } : { scenario: ref.slice(0, slash), variant: ref.slice(slash + 1) };
}

/** Parse and validate scenario text (YAML or JSON) into its data. */
export function parseSpec(text: string, file: string): ScenarioSpec {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100, uniqueKeys: true });
  } catch (error) {
    throw new ScenarioError([{ path: [], message: `is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}` }], file);
  }
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.map((issue) => ({
      path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
      message: issue.message,
    }));
    throw new ScenarioError(problems, file);
  }
  return parsed.data;
}

/** Read a scenario file, with user-facing errors for every way reading can fail. */
export function readScenarioFile(path: string): ScenarioSpec {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new ScenarioNotFound(`${path} is a directory, not a scenario file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof ScenarioNotFound) throw error;
    throw new ScenarioNotFound(`cannot read scenario file ${path}: ${describeIoError(error)}`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new ScenarioNotFound(`${path} is ${size} bytes; scenario files are limited to ${MAX_FILE_BYTES} bytes`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ScenarioNotFound(`cannot read scenario file ${path}: ${describeIoError(error)}`);
  }
  return parseSpec(text, path);
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

const builtinCache = new Map<string, ScenarioSpec>();

/** The data of a built-in scenario. */
export function builtinSpec(id: string): ScenarioSpec {
  const cached = builtinCache.get(id);
  if (cached !== undefined) return cached;
  if (!(BUILTIN_IDS as readonly string[]).includes(id)) {
    throw new ScenarioNotFound(`unknown scenario \`${id}\`${suggest(id, BUILTIN_IDS)}; \`sandtable list\` shows the scenarios`);
  }
  const file = `${BUILTIN_DIR}${id}.yaml`;
  const spec = parseSpec(readFileSync(file, 'utf8'), file);
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
    throw new ScenarioNotFound(`two variants given: ${split.variant} (in ${ref}) and ${variant} (--variant)`);
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
