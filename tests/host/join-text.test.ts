import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/cli/commands/join.js';

// `sandtable join` in a terminal breaks long lines between words, not inside
// one as the terminal would; piped, its text is left as it is.

describe('the text of sandtable join', () => {
  const text = '  1. Reassess cooperation in talks [model: 75%]: Makes reassessment talks likelier; slows a withdrawal decision.\nShort line.';

  it('breaks lines wider than the terminal between words, continuing past the list marker', () => {
    const wrapped = wrapText(text, 40);
    expect(wrapped).toBe([
      '  1. Reassess cooperation in talks',
      '     [model: 75%]: Makes reassessment',
      '     talks likelier; slows a withdrawal',
      '     decision.',
      'Short line.',
    ].join('\n'));
    expect(wrapped.split('\n').every((line) => line.length <= 40)).toBe(true);
    // Nothing lost: joined again, the words are the same.
    expect(wrapped.replace(/\n */g, ' ').split(/\s+/)).toEqual(text.split(/\s+/));
  });

  it('leaves the text as it is with no terminal width, and a word longer than the width whole', () => {
    expect(wrapText(text, 0)).toBe(text);
    const link = `see http://127.0.0.1:8080/#${'x'.repeat(40)} now`;
    expect(wrapText(link, 20)).toBe(`see\nhttp://127.0.0.1:8080/#${'x'.repeat(40)}\nnow`);
  });
});
