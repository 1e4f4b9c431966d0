import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COIN } from '../../batch/helpers.js';
import { sandtable } from '../../helpers.js';
import { TINY } from '../../scenarios/fixtures.js';
import { CONTROL } from '../helpers.js';
import { describe as show, FuzzWorker, fuzzSettings, PROPERTY_TIMEOUT_MS } from './harness.js';
import { HOSTILE_TOKENS } from './mutations.js';

// The command line on generated argv, in-process (main(argv) in the fuzz
// worker, output captured): every command line ends in exit 0, 1 (a check
// failed) or 2 (bad usage, every line `sandtable: error: ...`), never in a
// crash, an internal error (70), a hang, or a control sequence on the terminal.
// The working directory is a scratch directory, and every file argument is
// one of a fixed set of paths in it, so no command line can write elsewhere.

const CASES = 1000;
const LIMIT_MS = 30_000;

const dir = mkdtempSync(join(tmpdir(), 'sandtable-fuzz-cli-'));
const at = (name: string) => join(dir, name);
const home = process.cwd();

beforeAll(() => {
  writeFileSync(at('tiny.yaml'), TINY);
  writeFileSync(at('broken.yaml'), TINY.replace('turns: 6', 'turns: six'));
  writeFileSync(at('existing.yaml'), TINY);
  writeFileSync(at('plain.txt'), 'not a directory');
  mkdirSync(at('folder.yaml'));
  mkdirSync(at('out'));
  const made = sandtable(['run', '--seed', '3', '--turns', '3', '--record', at('record.json')]);
  if (made.code !== 0) throw new Error(made.stderr);
  writeFileSync(at('bad-record.json'), readFileSync(at('record.json'), 'utf8').replace('"seed": 3', '"seed": 4'));
  writeFileSync(at('not-json.json'), 'not json');
  const shard = sandtable(['batch', COIN, '--runs', '4', '--seed', '1', '--turns', '2', '--shard', '1/1', '--workers', '1']);
  writeFileSync(at('shard.json'), shard.stdout);
  writeFileSync(at('injects.yaml'), 'injects:\n  - { id: surge, turn: 2, event: insurgent-escalation, brief: "Attacks rise." }\n');
  writeFileSync(at('bad-injects.yaml'), 'injects:\n  - { id: surge, turn: 99, event: nope, brief: "" }\n');
  // Every relative path a generated command line names lands here.
  process.chdir(dir);
});

afterAll(() => {
  process.chdir(home);
  rmSync(dir, { recursive: true, force: true });
});

const scenarioRef = fc.constantFrom(
  'niger-2024', 'niger-2024/us-withdrawal', 'niger-2024/nope', 'niger-2042', 'NIGER-2024', '', '__proto__', 'constructor',
  COIN, `${COIN}/biased`, `${COIN}/nope`, at('tiny.yaml'), at('tiny.yaml/fast'), at('broken.yaml'), at('missing.yaml'),
  at('folder.yaml'), join(at('plain.txt'), 'x.yaml'), 'tiny.yaml', 'relative/missing.json',
);
const readPath = fc.constantFrom(
  at('record.json'), at('bad-record.json'), at('not-json.json'), at('shard.json'), at('injects.yaml'), at('bad-injects.yaml'),
  at('missing.json'), at('folder.yaml'), join(at('plain.txt'), 'x.json'), at('tiny.yaml'), 'record.json', '',
);
const writePath = fc.constantFrom(
  at('out/run.json'), at('out/runs.csv'), at('out/new.yaml'), at('out/new.json'), at('out/report.md'), at('out/report.html'),
  at('existing.yaml'), at('no-such-dir/x.json'), join(at('plain.txt'), 'x.json'), at('folder.yaml'), at('out'), 'relative.yaml', 'out/x',
);
const number = (valid: readonly string[]) => fc.constantFrom(...valid, '0', '-1', '1.5', 'abc', '', ' 2', '1e3', '0x10', 'NaN', 'Infinity', '99999999999999999999');

/** Each option with the values it is given: valid ones, and the mistakes people make. */
const OPTIONS: Record<string, fc.Arbitrary<string> | null> = {
  '--seed': number(['1', '42', '4294967295', '4294967296']),
  '--turns': number(['1', '3', '24', '600', '601']),
  '--variant': fc.constantFrom('us-withdrawal', 'biased', 'fast', 'nope', '', '__proto__', 'toString'),
  '--runs': number(['1', '3', '20', '100000001']),
  '--workers': number(['1', '2', '3', '257']),
  '--shard': fc.constantFrom('1/1', '1/2', '2/2', '0/1', '3/2', '1/0', 'a/b', '1/100001', '1 / 2', '/'),
  '--set': fc.constantFrom('p=0:1:3', 'p=0.5', 'talksChance=0:0.4:2', 'growth=0:1:2', 'x=1', 'p=0:1:0', 'p=0:1:1001', '=1', 'p',
    'p=a:b:c', 'p=1:0:1', 'p=0:1:2:3', 'a=0:1:1000', 'b=0:1:1000', 'c=0:1:1000', 'p=1e309'),
  '--scenario': scenarioRef,
  '--from': scenarioRef,
  '--extends': scenarioRef,
  '--format': fc.constantFrom('md', 'html', 'pdf', ''),
  '--role': fc.constantFrom('usa', 'niger', 'jnim', 'nope', ''),
  '--injects': readPath,
  '--record': writePath,
  '--csv': writePath,
  '--out': writePath,
  '--json': null,
  '--yaml': null,
  '--verify': null,
  '--force': null,
  '--help': null,
  '-V': null,
};

/** A process's arguments are C strings decoded as UTF-8: no NUL, no lone surrogate. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Random tokens, kept from forming an output option (whose file could land anywhere) or a scenario file name. */
const junk = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 10 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(...HOSTILE_TOKENS.filter((token) => token.length < 100), '-', '--', '-x', '--sed', '---json', '-h', 'help'),
).map((token) => token.replace(/\u0000/g, '').replace(LONE_SURROGATE, '\uFFFD'))
  .filter((token) => !/\.(ya?ml|json)$/i.test(token) && !/^-*(record|csv|out)/i.test(token));

const item = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Object.keys(OPTIONS)).chain((flag): fc.Arbitrary<string[]> => {
    const value = OPTIONS[flag]!;
    return value === null ? fc.constant([flag]) : value.map((text) => [flag, text]);
  }) },
  { weight: 3, arbitrary: fc.oneof(scenarioRef, readPath).map((path) => [path]) },
  { weight: 2, arbitrary: junk.map((token) => [token]) },
);

const COMMANDS = ['run', 'replay', 'report', 'batch', 'compare', 'sweep', 'merge', 'validate', 'show', 'init', 'list', 'exercise', 'tui', 'help'];

/** A command, its arguments in any order, and perhaps an option at the end that is missing its value. */
const argv = fc.tuple(
  fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...COMMANDS) }, { weight: 1, arbitrary: junk }),
  fc.array(item, { maxLength: 6 }),
  fc.option(fc.constantFrom(...Object.keys(OPTIONS).filter((flag) => OPTIONS[flag] !== null)), { freq: 5 }),
).map(([command, items, dangling]) => {
  // `init` writes its positional file: give it one of the scratch paths first.
  const head = command === 'init' ? [command, at('out/init.yaml')] : [command];
  return [...head, ...items.flat(), ...(dangling === null ? [] : [dangling])];
});

/** Mostly `valid`, sometimes anything the option table allows. */
const mostly = (valid: readonly string[], flag: string) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: OPTIONS[flag]! });
const maybe = (flag: string, value?: fc.Arbitrary<string>): fc.Arbitrary<string[]> =>
  fc.option(value === undefined ? fc.constant([flag]) : value.map((text) => [flag, text]), { nil: [], freq: 2 });
const seed = maybe('--seed', mostly(['1', '42', '4294967295'], '--seed'));
const turns = maybe('--turns', mostly(['1', '3', '12'], '--turns'));
const runs = fc.oneof({ weight: 5, arbitrary: mostly(['1', '3', '12'], '--runs').map((text) => ['--runs', text]) }, { weight: 1, arbitrary: fc.constant([]) });
const workers = maybe('--workers', mostly(['1', '2'], '--workers'));
const simulation = fc.constantFrom('niger-2024', 'niger-2024/us-withdrawal', COIN, `${COIN}/biased`, at('tiny.yaml'), at('tiny.yaml/fast'));
const ref = fc.oneof({ weight: 4, arbitrary: simulation }, { weight: 1, arbitrary: scenarioRef });

/** Command lines built the way people write them, with a slip here and there: they reach the commands' real work. */
const likely: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(ref, seed, turns, maybe('--json'), maybe('--record', writePath)).map(([scenario, ...rest]) => ['run', scenario, ...rest.flat()]),
  fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.constant(at('record.json')) }, { weight: 1, arbitrary: readPath }), maybe('--verify'), maybe('--json'))
    .map(([path, ...rest]) => ['replay', path, ...rest.flat()]),
  fc.tuple(fc.constantFrom(at('record.json'), at('bad-record.json')), maybe('--runs', fc.constantFrom('2', '5', '0')), maybe('--format', OPTIONS['--format']!), maybe('--out', writePath))
    .map(([path, ...rest]) => ['report', path, ...rest.flat()]),
  fc.tuple(ref, runs, seed, turns, workers, maybe('--json'), maybe('--csv', writePath), maybe('--shard', OPTIONS['--shard']!))
    .map(([scenario, ...rest]) => ['batch', scenario, ...rest.flat()]),
  fc.tuple(ref, ref, runs, seed, turns, workers, maybe('--json')).map(([base, other, ...rest]) => ['compare', base, other, ...rest.flat()]),
  fc.tuple(ref, fc.array(OPTIONS['--set']!.map((text) => ['--set', text]), { maxLength: 3 }), runs, seed, turns, workers, maybe('--json'), maybe('--csv', writePath))
    .map(([scenario, sets, ...rest]) => ['sweep', scenario, ...sets.flat(), ...rest.flat()]),
  fc.tuple(fc.array(fc.oneof(fc.constant(at('shard.json')), readPath), { minLength: 1, maxLength: 2 }), maybe('--json'), maybe('--csv', writePath))
    .map(([files, ...rest]) => ['merge', ...files, ...rest.flat()]),
  fc.tuple(fc.constantFrom('validate', 'show'), ref, maybe('--json')).map(([command, scenario, json]) => [command, scenario, ...json]),
  fc.tuple(writePath, maybe('--from', ref), maybe('--extends', ref), maybe('--force')).map(([path, ...rest]) => ['init', path, ...rest.flat()]),
  fc.tuple(maybe('--role', OPTIONS['--role']!), maybe('--injects', fc.constantFrom(at('injects.yaml'), at('bad-injects.yaml'), at('folder.yaml'))), turns)
    .map((rest) => ['exercise', 'niger-2024', ...rest.flat()]),
);

describe('the command line, fuzzed', () => {
  const worker = new FuzzWorker();
  afterAll(() => worker.close());

  it(`answers ${CASES} generated command lines with exit 0, 1 or 2 and one-line errors`, async () => {
    const codes = new Map<number, number>();
    await fc.assert(fc.asyncProperty(fc.oneof(argv, likely), async (args) => {
      const outcome = await worker.run('cli', { argv: args }, LIMIT_MS);
      if (outcome.kind !== 'exit') throw new Error(`main threw: ${show(outcome)}\nargv: ${show(args)}`);
      const { code, stdout, stderr } = outcome;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      const context = `argv: ${show(args)}\nstderr: ${stderr}`;
      expect([0, 1, 2], context).toContain(code);
      expect(stderr, context).not.toMatch(CONTROL);
      expect(stdout, context).not.toMatch(CONTROL);
      expect(stderr, context).not.toMatch(/internal error|\n\s+at /);
      const lines = stderr.split('\n').filter((line) => line !== '');
      for (const line of lines) expect(line, context).toMatch(/^sandtable: /);
      if (code === 2) {
        expect(lines.length, context).toBeGreaterThan(0);
        for (const line of lines) expect(line, context).toMatch(/^sandtable: error: \S/);
      }
      if (code === 1) expect(['replay', 'report'], context).toContain(args[0]);
    }), fuzzSettings(CASES));
    // The generator reaches both the commands' work and their refusals.
    expect(codes.get(0) ?? 0).toBeGreaterThan(CASES / 8);
    expect(codes.get(2) ?? 0).toBeGreaterThan(CASES / 3);
  }, PROPERTY_TIMEOUT_MS);
});
