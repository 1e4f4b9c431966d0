import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { History } from '../../engine/history.js';
import { recordOf } from '../../engine/record.js';
import type { WriteFile } from '../export.js';
import type { Inject, Role } from './types.js';

/** `sandtable-exercise-niger-2024-seed123-usa-russia.json`: scenario, variant, seed and roles. */
export function exerciseFileName(history: History, roles: readonly Role[]): string {
  const { scenario, seed } = history;
  const parts = ['sandtable', 'exercise', scenario.id, ...(scenario.variant === null ? [] : [scenario.variant]), `seed${seed}`, ...roles.map((role) => role.actor)];
  return `${parts.map(slug).filter((part) => part !== '').join('-')}.json`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * Write the run record of the turns played so far into `dir`. A file of the
 * same name with other content is kept: the new one gets a `-2`, `-3`...
 * suffix. Returns the path written and the number of turns recorded. The
 * record embeds the roles' briefs and, when given (an inject file changed
 * the scenario's), the inject timeline played.
 */
export function exportExercise(
  history: History,
  roles: readonly Role[],
  dir: string,
  write: WriteFile,
  injects?: readonly Inject[],
): { path: string; turns: number } {
  if (history.kept.length < 2) throw new Error('no month has been played yet');
  const record = recordOf(history, { roles, ...(injects === undefined ? {} : { injects }) });
  const content = `${JSON.stringify(record, null, 2)}\n`;
  const name = exerciseFileName(history, roles);
  for (let copy = 1; ; copy += 1) {
    const path = join(dir, copy === 1 ? name : name.replace(/\.json$/, `-${copy}.json`));
    if (existsSync(path) && readFileSync(path, 'utf8') !== content) continue;
    write(path, content);
    return { path, turns: record.turns };
  }
}
