// Terminal control sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST),
// other two-byte escapes, and C0/C1 control characters other than newline and tab.
const CONTROL = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text from a scenario, made safe to print: no sequence in it can drive the terminal. */
export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}
