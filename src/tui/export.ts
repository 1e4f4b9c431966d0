import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { advanceTo } from '../engine/history.js';
import { recordOf } from '../engine/record.js';
import { holdsExactly } from '../scenarios/bounded-read.js';
import type { Branch } from './branches.js';

/** Writes a file whole or not at all; given by the command line (its writeFileAtomic). */
export type WriteFile = (path: string, content: string) => void;

/** `sandtable-niger-2024-seed123-what-if-1.json`: scenario, variant, seed and branch. */
export function recordFileName(branch: Branch): string {
  const { scenario, seed } = branch.history;
  const parts = ['sandtable', scenario.id, ...(scenario.variant === null ? [] : [scenario.variant]), `seed${seed}`, branch.name];
  return `${parts.map(slug).filter((part) => part !== '').join('-')}.json`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * Write the run record of a branch, run to its horizon, into `dir`. A file of
 * the same name with other content is kept: the new one gets a `-2`, `-3`...
 * suffix. Returns the path written and the number of turns recorded.
 */
export function exportRecord(branch: Branch, dir: string, write: WriteFile): { path: string; turns: number } {
  const record = recordOf(advanceTo(branch.history));
  const content = `${JSON.stringify(record, null, 2)}\n`;
  const name = recordFileName(branch);
  for (let copy = 1; ; copy += 1) {
    const path = join(dir, copy === 1 ? name : name.replace(/\.json$/, `-${copy}.json`));
    if (existsSync(path) && !holdsExactly(path, content)) continue;
    write(path, content);
    return { path, turns: record.turns };
  }
}
