import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ScenarioError, type Problem } from './problem.js';
import { withoutOrphanExpectations } from './inherited-expectations.js';
import { firstListEdit, mergeScenario, type Sourced } from './merge.js';
import { locate, originOf } from './origin.js';
import { builtinSource, isBuiltin, isFileReference, readSourceFile, ScenarioNotFound, shownPath, BUILTIN_IDS } from './read.js';
import { suggest } from './suggest.js';
import { declaresFormat2, newerFormatProblem, undeclaredFormatProblems } from './format-version.js';
import type { SourceFile } from './source.js';

/** Longest chain of files extending one another. */
export const MAX_EXTENDS_DEPTH = 8;

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Identity of a scenario source for finding cycles: its real path, or its built-in id. */
function identity(source: SourceFile): string {
  if (source.path === null) return `text:${source.file}`;
  try {
    return realpathSync(source.path);
  } catch {
    return resolve(source.path);
  }
}

/** Data with its `extends:` chain merged, and the problems found on the way (already located). */
export interface Resolved extends Sourced {
  readonly problems: readonly Problem[];
  /** What the changes do that is legal but rarely meant (located), such as a list replaced whole. */
  readonly warnings: readonly Problem[];
}

/**
 * A file's data with its `extends:` chain resolved and merged, base first. A
 * broken base throws; the problems of this file's own changes are returned, so
 * that they are reported together with those of the merged scenario.
 */
export function resolveExtends(source: SourceFile, chain: readonly { id: string; shown: string }[] = []): Resolved {
  const here = originOf(source);
  const data = source.data;
  const newer = newerFormatProblem(data);
  if (newer !== null) throw new ScenarioError([locate(newer, here)], source.file);
  // Each file declares the format it is written in, whatever its base declares.
  const undeclared = undeclaredFormatProblems(data).map((problem) => locate(problem, here));
  if (!isMap(data) || !Object.hasOwn(data, 'extends')) return { value: data, origin: here, problems: [...source.problems, ...undeclared], warnings: [] };
  const fail = (problems: Problem[]): never => {
    throw new ScenarioError(problems.map((problem) => locate(problem, here)), source.file);
  };
  if (typeof data.extends !== 'string' || data.extends === '') {
    fail([{ path: ['extends'], message: 'must be the id of a built-in scenario, such as niger-2024, or the path of a .yaml, .yml or .json file' }]);
  }
  const ref = String(data.extends);
  const links = [...chain, { id: identity(source), shown: source.file }];
  if (links.length > MAX_EXTENDS_DEPTH) {
    fail([{ path: ['extends'], message: `makes a chain of more than ${MAX_EXTENDS_DEPTH} files (${links.map((link) => link.shown).join(' → ')}); extend a scenario closer to the start` }]);
  }
  const base = baseOf(ref, source, fail);
  const seen = links.findIndex((link) => link.id === identity(base));
  if (seen >= 0) {
    const cycle = [...links.slice(seen).map((link) => link.shown), base.file].join(' → ');
    fail([{ path: ['extends'], message: `forms a cycle: ${cycle}; a scenario cannot extend itself, directly or through others` }]);
  }
  const resolved = resolveExtends(base, links);
  if (resolved.problems.length > 0) throw new ScenarioError(resolved.problems, base.file);
  const problems: Problem[] = [];
  const baseId = isMap(resolved.value) ? String(resolved.value.id) : '';
  if (!Object.hasOwn(data, 'id')) {
    problems.push({ path: [], message: `needs its own \`id:\` (such as \`${baseId}-changed\`), so that its runs are never mistaken for those of ${baseId}` });
  } else if (data.id === baseId) {
    problems.push({ path: ['id'], message: `is \`${baseId}\`, the id of the scenario it extends; give this scenario its own id, such as \`${baseId}-changed\`` });
  }
  const edit = firstListEdit(data);
  if (edit !== null && !declaresFormat2(data)) {
    fail([{ path: edit, message: 'edits the list with `{ add, change, remove }`, which needs `format: 2` at the top of the file' }]);
  }
  const warnings: Problem[] = [];
  const merged = mergeScenario(resolved, { value: data, origin: here }, problems, warnings);
  return {
    ...merged,
    value: withoutOrphanExpectations(merged.value, data),
    problems: [...source.problems, ...undeclared, ...problems.map((problem) => locate(problem, here))],
    warnings: [...resolved.warnings, ...warnings.map((warning) => locate(warning, here))],
  };
}

function baseOf(ref: string, from: SourceFile, fail: (problems: Problem[]) => never): SourceFile {
  if (isFileReference(ref)) {
    const path = resolve(from.path === null ? process.cwd() : dirname(from.path), ref);
    try {
      return readSourceFile(path, shownPath(path));
    } catch (error) {
      if (error instanceof ScenarioNotFound) return fail([{ path: ['extends'], message: `cannot extend ${ref}: ${error.message}` }]);
      throw error;
    }
  }
  if (ref.includes('/')) {
    return fail([{
      path: ['extends'],
      message: `\`${ref}\` names a variant; extend the scenario (\`${ref.slice(0, ref.indexOf('/'))}\`) and copy what the variant changes, or name a file ending in .yaml, .yml or .json`,
    }]);
  }
  if (!isBuiltin(ref)) {
    return fail([{
      path: ['extends'],
      message: `unknown scenario \`${ref}\`${suggest(ref, BUILTIN_IDS)}; extend a built-in scenario (${BUILTIN_IDS.join(', ')}) or a file ending in .yaml, .yml or .json`,
    }]);
  }
  return builtinSource(ref);
}
