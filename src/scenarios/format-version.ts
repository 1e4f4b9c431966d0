import type { ScenarioSpec } from './format.js';
import type { Problem } from './problem.js';
import { hasStartingExpressions } from './starting-value.js';

// Which version of the scenario format a file needs. A file without `format:`
// is format 1 and reads exactly as it always has; a file that uses a newer
// construct says `format: 2`, so that a sandtable that does not know it
// refuses the file in one line instead of a page of unknown fields.

/** The newest format this sandtable reads. */
export const FORMAT_VERSION = 2;

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The one problem of a file that declares a format newer than this sandtable's, or null. */
export function newerFormatProblem(data: unknown): Problem | null {
  if (!isMap(data) || typeof data.format !== 'number' || !Number.isInteger(data.format) || data.format <= FORMAT_VERSION) return null;
  return {
    path: ['format'],
    message: `needs version ${data.format} of the scenario format; this sandtable reads versions 1 to ${FORMAT_VERSION}: install a newer sandtable`,
  };
}

/**
 * A construct of format 2 in a file that does not declare it. Every new
 * construct is listed here, so that a file using one says which format it
 * needs and an older sandtable can refuse it cleanly.
 */
export function undeclaredFormatProblems(spec: ScenarioSpec): Problem[] {
  if ((spec.format ?? 1) >= 2) return [];
  const uses: string[] = [];
  if (hasStartingExpressions(spec)) uses.push('a starting value computed from parameters');
  if (spec.variants.some((variant) => variant.changes !== undefined)) uses.push('a variant with `changes:`');
  const effectLists = [spec.dynamics, ...spec.rules.map((rule) => rule.effects), ...spec.actors.flatMap((actor) => actor.actions.map((action) => action.effects))];
  if (effectLists.some((list) => list.some((effect) => effect.id !== undefined))) uses.push('an effect with an `id`');
  return uses.map((what) => ({ path: [], message: `uses ${what}, which needs \`format: 2\` at the top of the file` }));
}
