import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ScenarioSpec } from '../scenarios/format.js';
import { BUILTIN_DIR, isFileReference } from '../scenarios/load.js';
import { shownPath } from '../scenarios/read.js';
import { UsageError } from './errors.js';
import { readUserFile } from './files.js';

/** The article a scenario's quotations are checked against: where it is, as shown, and its text. */
export interface Article {
  readonly file: string;
  readonly text: string;
}

/**
 * The scenario's article: the file its `article:` names (relative to the
 * scenario file), or else NAME.article.txt beside the scenario file, as the
 * built-in scenarios ship theirs; null when there is none.
 */
export function articleOf(ref: string, spec: ScenarioSpec): Article | null {
  const file = isFileReference(ref) ? resolve(ref) : join(BUILTIN_DIR, `${ref}.yaml`);
  if (spec.article !== undefined) {
    const path = resolve(dirname(file), spec.article);
    if (!existsSync(path)) throw new UsageError(`article: no file ${shownPath(path)} (the path is relative to the scenario file)`);
    return { file: shownPath(path), text: readUserFile(path, 'article') };
  }
  const beside = join(dirname(file), `${basename(file, extname(file))}.article.txt`);
  return existsSync(beside) ? { file: shownPath(beside), text: readUserFile(beside, 'article') } : null;
}
