/** One problem in a scenario, at a field path such as `rules[3].chance`. */
export interface Problem {
  readonly path: (string | number)[];
  readonly message: string;
  /** The problem is with a key itself (an unknown field or target), not its value. */
  readonly atKey?: boolean;
  /** A name inside the value that the problem is about (an unknown name in an expression): the column points at it. */
  readonly focus?: string;
  /** Where it was written, once known: the file as shown, and 1-based line and column. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** A scenario that cannot be compiled; carries every problem found, not only the first. */
export class ScenarioError extends Error {
  constructor(readonly problems: readonly Problem[], readonly file?: string) {
    super(problems.map((p) => formatProblem(p, file)).join('\n'));
  }
}

/** `FILE:LINE:COLUMN: rules[3].chance: message`, or as much of it as is known. */
export function formatProblem(problem: Problem, file?: string): string {
  const where = problem.file ?? file;
  const position = where === undefined ? '' : problem.line === undefined ? `${where}: ` : `${where}:${problem.line}:${problem.column ?? 1}: `;
  const field = problem.path.length === 0 && problem.line !== undefined ? '' : `${formatPath(problem.path)}: `;
  return `${position}${field}${problem.message}`;
}

/** `rules[3].chance` from ['rules', 3, 'chance']. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((part, i) => {
    if (typeof part === 'number') return `[${part}]`;
    // Keys that are paths themselves (`add: { ind.x: 1 }`) are quoted, so the field path stays readable.
    if (!/^[A-Za-z_$][\w$-]*$/.test(part)) return `[${JSON.stringify(part)}]`;
    return i === 0 ? part : `.${part}`;
  }).join('') || '(top)';
}
