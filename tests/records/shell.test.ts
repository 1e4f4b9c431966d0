import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pathArgument, shellCommand, shellWord } from '../../src/render/shell.js';

// The commands a report prints are pasted into a shell: every argument must
// come back as it was, and none may run anything.

/** What `sh` reads a word back as. */
function echoed(word: string): string {
  const result = spawnSync('/bin/sh', ['-c', `printf '%s' ${word}`], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('shell quoting', () => {
  it('gives back every argument unchanged through sh, special characters and all', () => {
    const words = ['plain.json', 'a$(id).json', 'a`id`.json', "it's.json", 'two words', 'back\\slash', 'semi;colon&amp|pipe', '*.json', '~/x', 'new\nline', '"q"', '!bang', '#hash', ''];
    for (const word of words) expect(echoed(shellWord(word)), JSON.stringify(word)).toBe(word);
  });

  it('leaves plain words alone and quotes the rest', () => {
    expect(shellCommand(['sandtable', 'replay', 'runs/rec-1.json', '--verify'])).toBe('sandtable replay runs/rec-1.json --verify');
    expect(shellCommand(['sandtable', 'replay', 'a$(id).json'])).toBe("sandtable replay 'a$(id).json'");
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
  });

  it('writes a file name starting with - so that it is not an option', () => {
    expect(pathArgument('-x.json')).toBe('./-x.json');
    expect(pathArgument('/tmp/-x.json')).toBe('/tmp/-x.json');
  });
});
