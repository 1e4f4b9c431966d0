import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { advanceTo, type History } from '../engine/history.js';
import { recordOf, type RunRecord, type SavedExercise } from '../engine/record.js';
import { holdsExactly } from '../scenarios/bounded-read.js';
import type { Branch } from './branches.js';
import type { Inject, Role } from './exercise/types.js';

/** Writes a file whole or not at all; given by the command line (its writeFileAtomic). */
export type WriteFile = (path: string, content: string) => void;

/** Where a record was written, and how many turns it holds. */
export interface WrittenRecord {
  readonly path: string;
  readonly turns: number;
}

/** `sandtable-niger-2024-seed123-what-if-1.json`: scenario, variant, seed and branch. */
export function recordFileName(branch: Branch): string {
  return fileName([], branch.history, [branch.name]);
}

/** `sandtable-exercise-niger-2024-seed123-usa-russia.json`: scenario, variant, seed and roles. */
export function exerciseFileName(history: History, roles: readonly Role[]): string {
  return fileName(['exercise'], history, roles.map((role) => role.actor));
}

function fileName(kind: readonly string[], history: History, who: readonly string[]): string {
  const { scenario, seed } = history;
  const parts = ['sandtable', ...kind, scenario.id, ...(scenario.variant === null ? [] : [scenario.variant]), `seed${seed}`, ...who];
  return `${parts.map(slug).filter((part) => part !== '').join('-')}.json`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** `e` in the UI: the run record of a branch, run to its horizon. */
export function exportRecord(branch: Branch, dir: string, write: WriteFile): WrittenRecord {
  return writeRecord(recordOf(advanceTo(branch.history)), recordFileName(branch), dir, write);
}

/**
 * `e` in an exercise: the run record of the turns played so far. The record
 * embeds the roles' briefs and, when given (an inject file changed the
 * scenario's), the inject timeline played; with `saved`, the exercise's state,
 * so that `exercise --resume` continues it.
 */
export function exportExercise(
  history: History,
  roles: readonly Role[],
  dir: string,
  write: WriteFile,
  injects?: readonly Inject[],
  saved?: SavedExercise,
): WrittenRecord {
  if (history.kept.length < 2) throw new Error('no month has been played yet');
  const record = recordOf(history, { roles, ...(injects === undefined ? {} : { injects }), ...(saved === undefined ? {} : { exercise: saved }) });
  return writeRecord(record, exerciseFileName(history, roles), dir, write);
}

/**
 * Write the run record of a history into `dir` as `name`. A file of the same
 * name with other content is kept: the new one gets a `-2`, `-3`... suffix.
 */
function writeRecord(record: RunRecord, name: string, dir: string, write: WriteFile): WrittenRecord {
  const content = `${JSON.stringify(record, null, 2)}\n`;
  for (let copy = 1; ; copy += 1) {
    const path = join(dir, copy === 1 ? name : name.replace(/\.json$/, `-${copy}.json`));
    if (existsSync(path) && !holdsExactly(path, content)) continue;
    write(path, content);
    return { path, turns: record.turns };
  }
}
