/** One problem in a scenario, at a field path such as `rules[3].chance`. */
export interface Problem {
  readonly path: (string | number)[];
  readonly message: string;
  /** The problem is with a key itself (an unknown field or target), not its value. */
  readonly atKey?: boolean;
  /** Where it was written, once known: the file as shown, and 1-based line and column. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}
