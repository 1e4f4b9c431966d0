import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COIN } from '../batch/helpers.js';
import { scratch } from '../batch/cli.js';
import { sandtable } from '../helpers.js';

// Problems in several files are listed by file, then line and column. The
// order of file names is by code point, the same in every locale: a capital
// letter comes before every small one (a locale's collation would put
// a.yaml before B.yaml, and differently in another language).

describe('the order of problems across files', () => {
  it('is by code point of the file name, whatever the locale', () => {
    const dir = scratch('problem-order');
    writeFileSync(join(dir, 'B.yaml'), readFileSync(COIN, 'utf8').replace('turns: 1', 'turns: 0'));
    writeFileSync(join(dir, 'a.yaml'), 'extends: ./B.yaml\nid: child\ntitle: 5\n');
    const outputs = ['en_US.UTF-8', 'sv_SE.UTF-8', 'tr_TR.UTF-8', 'C'].map((locale) => {
      const result = sandtable(['validate', join(dir, 'a.yaml')], { env: { LC_ALL: locale, LANG: locale } });
      expect(result.code).toBe(2);
      return result.stderr;
    });
    const lines = outputs[0]!.split('\n');
    expect(lines[0]).toMatch(/B\.yaml:\d+:\d+: turns: must be at least 1/);
    expect(lines[1]).toMatch(/a\.yaml:3:8: title: must be text/);
    for (const output of outputs) expect(output).toBe(outputs[0]);
  });
});
