import type { Problem } from './problem.js';
import { atPath, type SourceFile } from './source.js';

type Part = string | number;

/**
 * Where a value came from: a file and the path inside it. Data read from one
 * file is its own origin all the way down; data merged by `extends:` records,
 * key by key, which file each part was written in.
 */
export interface Origin {
  readonly source: SourceFile;
  readonly path: readonly Part[];
  /** For merged data only: the origin of each key or index of this value. */
  readonly children?: ReadonlyMap<Part, Origin>;
}

/** The origin of a whole file's data. */
export function originOf(source: SourceFile): Origin {
  return { source, path: [] };
}

/** The origin of one key or index of a value, or null when merging left it without one. */
export function childOrigin(origin: Origin, key: Part): Origin | null {
  if (origin.children !== undefined) return origin.children.get(key) ?? null;
  return { source: origin.source, path: [...origin.path, key] };
}

/**
 * Put a problem (its path in the merged data) where it was written: the file,
 * line and column, and the field path as it reads in that file.
 */
export function locate(problem: Problem, root: Origin): Problem {
  let origin = root;
  let rest = 0;
  for (; rest < problem.path.length; rest += 1) {
    const next = childOrigin(origin, problem.path[rest]!);
    if (next === null) break;
    origin = next;
  }
  const path = [...origin.path, ...problem.path.slice(rest)];
  const exact = rest === problem.path.length;
  const focus = exact && problem.focus !== undefined ? { text: origin.source.text, word: problem.focus } : undefined;
  const position = atPath(origin.source.doc, origin.source.lines, path, exact && problem.atKey === true, focus);
  return { ...problem, path, file: origin.source.file, line: position.line, column: position.column };
}
