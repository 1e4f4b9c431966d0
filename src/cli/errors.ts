/** Exit codes of the command-line contract. */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2, interrupted: 130, terminated: 143 } as const;

/**
 * An error the user caused (bad flag, unknown scenario, unreadable file): it
 * is shown as one line, `sandtable: error: ...`, and exits with code 2.
 */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.usage) {
    super(message);
  }
}
