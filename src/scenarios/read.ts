import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Read and parse a scenario file, with user-facing errors for every way reading can fail. */
export function readSourceFile(path: string, shown: string = path): SourceFile {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new ScenarioNotFound(`${shown} is a directory, not a scenario file`);
    // A device or pipe named .yaml could be endless; only regular files are read.
    if (!stats.isFile()) throw new ScenarioNotFound(`${shown} is not a regular file; name a scenario file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof ScenarioNotFound) throw error;
    throw new ScenarioNotFound(`cannot read scenario file ${shown}: ${describeIoError(error)}`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new ScenarioNotFound(`${shown} is ${size} bytes; scenario files are limited to ${MAX_FILE_BYTES} bytes (4 MiB)`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ScenarioNotFound(`cannot read scenario file ${shown}: ${describeIoError(error)}`);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    throw new ScenarioError([{ path: [], message: 'is not UTF-8 text; save the file as UTF-8', line: decoded.line, column: decoded.column }], shown);
  }
  return parseSource(decoded.text, shown, path);
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  return (error as Error).message;
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
