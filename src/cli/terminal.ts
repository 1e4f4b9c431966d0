import { oneLine, stripControl } from '../engine/text.js';

// The one way the command line writes to the terminal. Everything it prints
// can quote a stranger's text (a file name, a title, a value from a record),
// so every write is sanitised here, once: nothing in it can drive the
// terminal, reorder the line (bidirectional controls) or start a line of its
// own (a carriage return or a newline inside a name).

/** Data for stdout: a timeline, a table, a report, JSON (whose escapes are kept: it has no raw controls to strip). */
export function printData(text: string): void {
  process.stdout.write(stripControl(text));
}

/** A one-line note on stderr, `sandtable: MESSAGE`: the seed, a file written. */
export function note(message: string): void {
  process.stderr.write(`sandtable: ${oneLine(message)}\n`);
}
