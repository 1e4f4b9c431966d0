import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSpec } from '../../src/scenarios/load.js';
import { ScenarioScope } from '../../src/scenarios/scope.js';
import { MAX_ALIAS_TOKENS, MAX_EXPANDED_SIZE } from '../../src/scenarios/source.js';
import { sandtable } from '../helpers.js';
import { at, problemsOf, tempDir, TINY, tinyWith } from './fixtures.js';

// YAML aliases repeat data without repeating its text, so a small file can
// stand for an enormous one, and every copy is compiled. What is bounded is
// the data once expanded, not only the number of aliases.

const INDICATORS = 8;
/** An expression of nearly the longest length allowed (2000 characters). */
const LONG = Array.from({ length: 120 }, (_, i) => `ind.i${i % INDICATORS} * 0.01`).join(' + ');

/** A scenario of eight indicators whose rules `r0`, `r1`, ... have the given effects text (one YAML block each). */
function scenario(rules: readonly string[]): string {
  const indicators = Array.from({ length: INDICATORS }, (_, i) => `  - { id: i${i}, title: I${i}, initial: 0.5 }`).join('\n');
  const body = rules.map((effects, r) => `  - id: r${r}\n    title: R${r}\n    chance: "0.1"\n    narrative: N.\n    source: S.\n    effects:${effects}`).join('\n');
  return tinyWith('rules:\n', `rules:\n${body}\n`)
    .replace('indicators:\n', `indicators:\n${indicators}\n`);
}

/** An effect adding a long expression to each of the eight indicators (about 15 kB). */
const EFFECT = `      - add: { ${Array.from({ length: INDICATORS }, (_, i) => `ind.i${i}: "${LONG}"`).join(', ')} }`;
/** A list of `count` such effects, as the YAML after `effects:`. */
const list = (count: number) => `\n${Array(count).fill(EFFECT).join('\n')}`;
/** The most effects a list may have: about 1 MB of text. */
const BIG_LIST = list(64);

describe('YAML aliases', () => {
  it('that expand the data past the limit are refused at the first alias, before anything is built', () => {
    // About 3 MB: three big lists written out, and nine aliases of the first.
    const text = scenario([` &big${BIG_LIST}`, BIG_LIST, BIG_LIST, ...Array(9).fill(' *big')]);
    expect(Buffer.byteLength(text)).toBeGreaterThan(2_900_000);
    expect(problemsOf(text)).toEqual([
      `${at(text, '*big')} uses YAML aliases (*name) that expand the data past ${MAX_EXPANDED_SIZE} units (each value 1, plus the characters of its text), ` +
        'more than the largest scenario file could hold written out; write the repeated parts once, or fewer times',
    ]);
  });

  it('that expand a file past the limit are refused by a batch before any worker starts', () => {
    // About 1.5 MB (a list of 96 effects), and two aliases of it: three times the data, in each of four workers.
    const text = scenario([` &big${list(96)}`, ' *big', ' *big']);
    const file = join(tempDir(), 'two-aliases.yaml');
    writeFileSync(file, text);
    const result = sandtable(['batch', file, '--runs', '8', '--workers', '4', '--seed', '1']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/two-aliases\.yaml:\d+:\d+: uses YAML aliases \(\*name\) that expand the data past/);
  });

  it('by the tens of thousands, in a small file, are refused before the document is built', () => {
    // 40,000 aliases of one number (280 kB): checking each alias by walking the whole document
    // took minutes; counted as the text is read, they are refused at the first one too many.
    const text = `id: x\na: &a 1\nb:\n${'  - *a\n'.repeat(40_000)}`;
    expect(problemsOf(text)).toEqual([
      `scenario.yaml:${4 + MAX_ALIAS_TOKENS}:5: uses more than ${MAX_ALIAS_TOKENS} YAML aliases (*name); at most 100 uses of an alias are allowed`,
    ]);
  });

  it('that refer to their own ancestor (a loop) are refused', () => {
    const text = `${TINY}loop: &loop [1, *loop]\n`;
    expect(problemsOf(text)[0]).toMatch(/uses YAML aliases \(\*name\) that expand the data past/);
  });

  it('within the limit are expanded as before', () => {
    const text = scenario([' &small\n      - add: { ind.i0: "0.01" }', ' *small', ' *small']);
    const spec = parseSpec(text, 'small.yaml');
    expect(spec.rules.slice(0, 3).map((rule) => rule.effects)).toEqual(Array(3).fill([{ add: { 'ind.i0': '0.01' } }]));
  });
});

describe('variants', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** How many names the compiler looks up while checking this text: a measure of compile work that does not depend on the machine. */
  function lookups(text: string): number {
    const resolve = vi.spyOn(ScenarioScope.prototype, 'resolve');
    parseSpec(text, 'variants.yaml');
    const count = resolve.mock.calls.length;
    resolve.mockRestore();
    return count;
  }

  it('are checked without compiling the whole scenario again for each one', () => {
    const rules = Array.from({ length: 20 }, () => '\n      - add: { ind.i0: "ind.i1 * 0.1 + ind.i2 * 0.1" }');
    const plain = scenario(rules);
    const variants = Array.from({ length: 63 }, (_, i) => `  - { id: v${i}, title: V${i}, params: { growth: 0.${i % 9} } }`).join('\n');
    const withVariants = `${plain}${variants}\n`;
    const one = lookups(plain);
    expect(one).toBeGreaterThan(0);
    // One compile of the scenario (with the variant TINY has), and each variant's own parts: not 65 compiles.
    expect(lookups(withVariants)).toBeLessThanOrEqual(one + 64);
  });

  it('still have their own problems reported, each at its variant', () => {
    const text = `${TINY}  - { id: fine, title: Fine, params: { growth: 0.2 } }\n` +
      '  - { id: odd, title: Odd, params: { speed: 1 }, interventions: [{ force: nowhere, turn: 2 }] }\n';
    const problems = problemsOf(text);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/variants\[2\]\.params\.speed: unknown parameter `speed`/);
    expect(problems[1]).toMatch(/variants\[2\]\.interventions\[0\]: unknown event `nowhere`/);
  });
});
