import { stripControl } from '../engine/text.js';

/** Text made safe inside HTML and SVG: no control sequences, no markup. */
export function escapeHtml(text: string): string {
  return stripControl(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * JSON made safe inside a `<script type="application/json">` element: no `<`
 * (so no `</script>` or `<!--` can end or change the element) and no line or
 * paragraph separators; `JSON.parse` reads the escapes back as the same text.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
