import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { BINDINGS, commandFor, helpRows, keyPresses } from '../../src/tui/keys.js';

const none: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};
const key = (extra: Partial<Key>): Key => ({ ...none, ...extra });

describe('the key table', () => {
  it('steps with the arrows and with h and l', () => {
    expect(commandFor('main', '', key({ rightArrow: true }))).toBe('forward');
    expect(commandFor('main', 'l', none)).toBe('forward');
    expect(commandFor('main', '', key({ leftArrow: true }))).toBe('back');
    expect(commandFor('main', 'h', none)).toBe('back');
    expect(commandFor('main', '', key({ home: true }))).toBe('first');
    expect(commandFor('main', '', key({ end: true }))).toBe('last');
    expect(commandFor('main', ' ', none)).toBe('play');
  });

  it('binds branching, switching, comparing, new seed, export and help', () => {
    expect(commandFor('main', 'b', none)).toBe('what-if');
    expect(commandFor('main', '', key({ tab: true }))).toBe('next-branch');
    expect(commandFor('main', '', key({ tab: true, shift: true }))).toBe('previous-branch');
    expect(commandFor('main', 'c', none)).toBe('compare');
    expect(commandFor('main', 's', none)).toBe('new-seed');
    expect(commandFor('main', 'e', none)).toBe('export');
    expect(commandFor('main', '?', none)).toBe('help');
  });

  it('quits with q everywhere and treats Ctrl+C as an interrupt, not as c', () => {
    for (const mode of ['main', 'help', 'what-if', 'branches', 'event'] as const) {
      expect(commandFor(mode, 'q', none)).toBe('quit');
      expect(commandFor(mode, 'c', key({ ctrl: true }))).toBe('interrupt');
    }
  });

  it('gives the arrows their list meaning while a list is open', () => {
    expect(commandFor('what-if', '', key({ downArrow: true }))).toBe('down');
    expect(commandFor('what-if', '', key({ return: true }))).toBe('choose');
    expect(commandFor('branches', '', key({ escape: true }))).toBe('close');
    expect(commandFor('what-if', 'l', none)).toBeNull();
  });

  it('binds no key twice within a scope', () => {
    const seen = new Set<string>();
    for (const binding of BINDINGS) {
      for (const spec of binding.keys) {
        const id = `${binding.scope}:${spec.key ?? ''}:${spec.input ?? ''}:${spec.ctrl ?? ''}:${spec.shift ?? ''}`;
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
  });

  it('shows every panel key in help with a description', () => {
    const rows = helpRows('panels');
    expect(rows.map((row) => row.label)).toEqual(expect.arrayContaining(['→ l', '← h', 'space', 'b', 'Tab S-Tab', 'c', 's', 'e', '?']));
    for (const row of rows) expect(row.description).not.toBe('');
  });
});

describe('key presses', () => {
  it('splits a run of typed characters into one press each', () => {
    expect(keyPresses('ll', none).map((press) => press.input)).toEqual(['l', 'l']);
    const [first, second] = keyPresses('j\r', none);
    expect(first!.input).toBe('j');
    expect(second!.key.return).toBe(true);
  });

  it('keeps a single key as it is', () => {
    const arrow = key({ rightArrow: true });
    expect(keyPresses('', arrow)).toEqual([{ input: '', key: arrow }]);
  });
});
