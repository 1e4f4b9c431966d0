import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_COMBINATIONS } from '../../../src/engine/batch/sweep.js';
import { scratch } from '../../batch/cli.js';
import { sandtable } from '../../helpers.js';
import { expectRefused } from '../helpers.js';

// Command lines the fuzzer (tests/hardening/fuzz/cli.fuzz.test.ts) found
// answered wrongly, kept here as plain regressions.

describe('command lines that once went wrong', () => {
  it('help for a command that does not exist says so in one line, instead of printing the whole help as an error', () => {
    expectRefused(sandtable(['help', 'rnu']), /^sandtable: error: unknown command `rnu`; did you mean `run`\? \(`sandtable --help` lists the commands\)$/);
    expectRefused(sandtable(['help', 'xyzzy']), /^sandtable: error: unknown command `xyzzy` \(`sandtable --help` lists the commands\)$/);
    const help = sandtable(['help', 'run']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: sandtable run /);
  });

  it('a sweep of a billion combinations is refused at once, instead of being built until memory runs out', () => {
    const sets = ['talksChance', 'a', 'b'].flatMap((name) => ['--set', `${name}=0:1:1000`]);
    expectRefused(sandtable(['sweep', ...sets, '--runs', '1']), new RegExp(`the sweep has 1000000000 combinations; at most ${MAX_COMBINATIONS} are allowed`));
  });

  it('init into a path through a regular file is refused in one line (its temporary file could not be removed either)', () => {
    const dir = scratch('hostile-arguments');
    writeFileSync(join(dir, 'plain.txt'), 'a file, not a directory');
    expectRefused(sandtable(['init', join(dir, 'plain.txt', 'x.json'), '--force']), /cannot write .*plain\.txt\/x\.json: a part of the path is not a directory/);
    expect(readdirSync(dir)).toEqual(['plain.txt']);
  });
});
