// Files are read as UTF-8. Bytes that are not UTF-8 (a file saved as Latin-1,
// a binary file) are refused with where they are, instead of being replaced
// by U+FFFD without a word: a title with an accent must not silently change.

/** A file's text, or the line and column of its first byte that is not UTF-8. */
export type Decoded =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly line: number; readonly column: number };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decode bytes as UTF-8 (a byte-order mark is kept, as Node's own reading keeps it). */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    // Only a file that is not UTF-8 gets here: find its first bad line, then the place in it.
    // (A newline byte is never part of a longer character, so some line holds the bad bytes.)
    let start = 0;
    let line = 1;
    for (;;) {
      const end = bytes.indexOf(0x0a, start);
      const part = bytes.subarray(start, end < 0 ? bytes.length : end);
      try {
        strict.decode(part);
      } catch {
        return { ok: false, line, column: lenient.decode(part).indexOf('\uFFFD') + 1 };
      }
      if (end < 0) return { ok: false, line, column: 1 };
      start = end + 1;
      line += 1;
    }
  }
}
