/** Exit codes of the command-line contract. */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2, interrupted: 130, terminated: 143 } as const;

/**
 * An error the user caused (bad flag, unknown scenario, unreadable file): it
 * is shown as one line, `sandtable: error: ...`, and exits with code 2.
 */
export class UsageError extends Error {
  /** The lines shown: one, unless the error lists several problems. A line break inside a quoted name never starts a line. */
  readonly lines: readonly string[];

  constructor(message: string, readonly exitCode: number = EXIT.usage, lines: readonly string[] = [message]) {
    super(message);
    this.lines = lines;
  }

  /** An error of several problems, one line each. */
  static ofLines(lines: readonly string[], exitCode: number = EXIT.usage): UsageError {
    return new UsageError(lines.join('\n'), exitCode, lines);
  }
}
