import { stripControl } from '../engine/text.js';

// Output meant for a terminal as much as for programs. JSON.stringify escapes
// C0 controls but leaves DEL and the C1 controls (U+007F to U+009F) raw, and
// some terminals act on C1 controls (U+009B is CSI), so a scenario's text
// could drive the terminal through --json. They only occur inside strings,
// where \u escapes stand for the same characters: the data is unchanged.

const RAW_CONTROL = /[\u007f-\u009f]/g;

/** JSON text of a value (indented by `indent` spaces, or compact), with a final newline; safe to print. */
export function jsonText(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent);
  return `${text.replace(RAW_CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/** A table or text made from scenario data, without the control sequences a stranger's file could put in it. */
export function printable(text: string): string {
  return stripControl(text);
}
