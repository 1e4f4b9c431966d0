import { escapeRawControl } from '../engine/text.js';

// Output meant for a terminal as much as for programs. JSON.stringify escapes
// C0 controls but leaves DEL, the C1 controls (U+007F to U+009F) and the
// bidirectional controls raw; some terminals act on C1 controls (U+009B is
// CSI), and bidirectional controls reorder what a reader sees, so a
// scenario's text could drive the terminal or spoof a line through --json.
// They only occur inside strings, where \u escapes stand for the same
// characters: the data is unchanged.

/** JSON text of a value (indented by `indent` spaces, or compact), with a final newline; safe to print. */
export function jsonText(value: unknown, indent?: number): string {
  return `${escapeRawControl(JSON.stringify(value, null, indent))}\n`;
}
