import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byCodePoint, oneLine, stripControl } from '../../src/engine/text.js';
import { ROOT } from '../helpers.js';

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the terminal sanitiser', () => {
  it('removes every bidirectional control, so no text can reorder the line it is printed on', () => {
    for (const char of BIDI) expect(stripControl(`evil${char}txt.json`)).toBe('eviltxt.json');
  });

  it('removes carriage returns, escape sequences, DEL and C1 controls, and keeps newlines and tabs', () => {
    expect(stripControl('a\r\u001b[2Kverified: b\u007f\u009b31m\u0085c')).toBe('averified: b31mc');
    expect(stripControl('one\n\ttwo')).toBe('one\n\ttwo');
  });

  it('makes one line of text with line breaks in it, Unicode separators included', () => {
    expect(oneLine('Heads.\n\nverified: x replays exactly')).toBe('Heads. verified: x replays exactly');
    expect(oneLine('a \r\n b\u2028c\u2029d')).toBe('a b c d');
    expect(oneLine('no break')).toBe('no break');
  });
});

describe('the order of text', () => {
  it('is by code point, whatever the locale: capitals before small letters, astral characters last', () => {
    expect(['a.yaml', 'B.yaml', 'ä.yaml', 'z.yaml'].sort(byCodePoint)).toEqual(['B.yaml', 'a.yaml', 'z.yaml', 'ä.yaml']);
    // UTF-16 code units would put U+1F600 (a surrogate pair, 0xD83D...) before U+FFFD.
    expect(['\u{1F600}', '\uFFFD'].sort(byCodePoint)).toEqual(['\uFFFD', '\u{1F600}']);
    expect(byCodePoint('ab', 'a')).toBeGreaterThan(0);
    expect(byCodePoint('a', 'ab')).toBeLessThan(0);
    expect(byCodePoint('same', 'same')).toBe(0);
  });

  it('never depends on the locale anywhere in the code: no localeCompare, no Intl collation', () => {
    for (const file of sources(join(ROOT, 'src'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/localeCompare|Intl\.Collator/);
    }
  });
});

describe('the command line', () => {
  it('writes to the terminal in one place, src/cli/terminal.ts, which sanitises every write', () => {
    const writers = sources(join(ROOT, 'src', 'cli'))
      .filter((file) => /process\.(stdout|stderr)\.write/.test(readFileSync(file, 'utf8')))
      .map((file) => file.slice(ROOT.length));
    expect(writers).toEqual(['src/cli/terminal.ts']);
  });
});
