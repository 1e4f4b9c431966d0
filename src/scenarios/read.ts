import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileRefused, readBounded, type FileKind } from './bounded-read.js';
import { ScenarioError } from './problem.js';
import { suggest } from './suggest.js';
import { parseSource, type SourceFile } from './source.js';
import { decodeUtf8 } from './utf8.js';

/** Where the built-in scenarios live (the same place from src/ and from dist/). */
export const BUILTIN_DIR = fileURLToPath(new URL('../../src/scenarios/builtin/', import.meta.url));
/** The built-in scenarios, by id. */
export const BUILTIN_IDS = ['niger-2024'] as const;
/** Largest scenario file read. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A scenario reference that cannot be resolved: unknown id, missing file, and so on. */
export class ScenarioNotFound extends Error {}

/** Is this reference a path to a scenario file rather than a built-in id? */
export function isFileReference(ref: string): boolean {
  return /\.(ya?ml|json)$/i.test(ref);
}

/** What a scenario file is called in messages, and its size limit. */
export const SCENARIO_FILE: FileKind = { what: 'scenario file', limit: MAX_FILE_BYTES };

/** Read and parse a scenario file, with user-facing errors for every way reading can fail. */
export function readSourceFile(path: string, shown: string = path): SourceFile {
  let bytes: Buffer;
  try {
    bytes = readBounded(path, SCENARIO_FILE, shown);
  } catch (error) {
    if (error instanceof FileRefused) throw new ScenarioNotFound(error.message);
    throw error;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    throw new ScenarioError([{ path: [], message: 'is not UTF-8 text; save the file as UTF-8', line: decoded.line, column: decoded.column }], shown);
  }
  return parseSource(decoded.text, shown, path);
}

/** A path as shown in messages: relative to the working directory when it is below it. */
export function shownPath(path: string): string {
  const near = relative(process.cwd(), path);
  return near !== '' && !near.startsWith('..') && !isAbsolute(near) ? near : path;
}

const builtinCache = new Map<string, SourceFile>();

/** Is this id a built-in scenario? */
export function isBuiltin(id: string): boolean {
  return (BUILTIN_IDS as readonly string[]).includes(id);
}

/** The parsed file of a built-in scenario. */
export function builtinSource(id: string): SourceFile {
  const cached = builtinCache.get(id);
  if (cached !== undefined) return cached;
  if (!isBuiltin(id)) {
    throw new ScenarioNotFound(`unknown scenario \`${id}\`${suggest(id, BUILTIN_IDS)}; \`sandtable list\` shows the scenarios`);
  }
  const file = `${BUILTIN_DIR}${id}.yaml`;
  const source = parseSource(readFileSync(file, 'utf8'), file, file);
  builtinCache.set(id, source);
  return source;
}
