// Terminal control sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST),
// other two-byte escapes, C0/C1 control characters other than newline and tab
// (so carriage return too), DEL, and the bidirectional controls (embeddings,
// overrides, isolates and marks: U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
// U+061C), which reorder what a reader sees without a visible character.
const CONTROL = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A line break with the spaces around it: newline, and the Unicode line and paragraph separators. */
const LINE_BREAK = /[^\S\n\u2028\u2029]*[\n\u2028\u2029]\s*/g;

/**
 * The one sanitiser of text shown to a person (terminal, Markdown, HTML): no
 * sequence in it can drive the terminal or reorder the text around it.
 * Newlines and tabs are kept; see `oneLine` for text that must stay on its line.
 */
export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}

/** Text for a single line of output (a message, a title in a timeline, a table cell): sanitised, with every line break made a space. */
export function oneLine(text: string): string {
  return stripControl(text).replace(LINE_BREAK, ' ');
}

/**
 * Order strings by Unicode code point, the same in every locale (unlike a
 * locale's collation, and unlike `<` on strings, which compares UTF-16 code units).
 */
export function byCodePoint(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const difference = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
}

/** Characters a JSON or YAML writer leaves raw that `stripControl` would remove: DEL, C1, bidirectional controls, line separators. */
const RAW_IN_DATA = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Data text (JSON, or a double-quoted YAML string) with those characters as
 * `\u` escapes (U+202E becomes `\u202e`): the data keeps them, and the terminal never sees them raw.
 */
export function escapeRawControl(text: string): string {
  return text.replace(RAW_IN_DATA, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Does a string hold a character that must be escaped to be printed as data? */
export function needsEscapes(text: string): boolean {
  return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(text);
}
