/** A one-line message in the footer, until the next key: the UI's and the exercise's. */
export interface Notice {
  readonly text: string;
  readonly tone: 'info' | 'error';
}

/** Anything that shows a notice: the UI's session and the exercise's. */
interface WithNotice {
  readonly notice: Notice | null;
}

/** The session with an informative message. */
export function info<S extends WithNotice>(state: S, text: string): S {
  return { ...state, notice: { text, tone: 'info' } };
}

/** The session with a message that says what went wrong. */
export function error<S extends WithNotice>(state: S, text: string): S {
  return { ...state, notice: { text, tone: 'error' } };
}

/** What `e` shows when a record could not be written. */
export function cannotExport(cause: unknown): Notice {
  return { tone: 'error', text: `cannot export: ${cause instanceof Error ? cause.message : String(cause)}` };
}
