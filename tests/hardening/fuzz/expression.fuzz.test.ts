import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinSpec } from '../../../src/scenarios/load.js';
import { expectResultOrDocumentedError, FuzzWorker, fuzzSettings, PROPERTY_TIMEOUT_MS } from './harness.js';
import { HOSTILE_TOKENS, mutated } from './mutations.js';

// compileExpression with niger-2024's names, on any text: it compiles (and
// then evaluates and explains without throwing) or says why it cannot.

const ARBITRARY_CASES = 2500;
const STRUCTURED_CASES = 2500;
const LIMIT_MS = 10_000;

const spec = builtinSpec('niger-2024');
const actors = spec.actors.map((actor) => actor.id);
const names = [
  'turn',
  ...spec.indicators.map((indicator) => `ind.${indicator.id}`),
  ...actors.flatMap((a) => actors.filter((b) => b !== a).map((b) => (/-/.test(a) || /-/.test(b) ? `coop["${a}"]["${b}"]` : `coop.${a}.${b}`))),
  ...spec.issues.map((issue) => `stance.niger.${issue.id}`),
  ...spec.issues.map((issue) => `salience.usa.${issue.id}`),
  'attr.niger.capability',
  ...Object.keys(spec.params).map((name) => `param.${name}`),
  ...Object.keys(spec.flags).map((name) => `flag.${name}`),
];
const rules = spec.rules.map((rule) => rule.id);
const wrongNames = ['ind.nope', 'coop.niger.niger', 'coop.niger', 'param', 'param.constructor', 'ind.__proto__', 'flag.toString',
  'stance.niger', 'attr.niger.hasOwnProperty', 'x', 'process', 'globalThis', 'this', 'constructor', 'Math.max', 'ind.insurgency.x'];

const leaf = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...names) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => String(n)) },
  { weight: 1, arbitrary: fc.constantFrom('0', '1', '0.5', 'true', 'false', '1e308', '1e309', '5e-324', '0x1F', '.5', '1.', '-0') },
  { weight: 1, arbitrary: fc.constantFrom(...wrongNames) },
  { weight: 1, arbitrary: fc.constantFrom(...rules).map((id) => `fired("${id}")`) },
  { weight: 1, arbitrary: fc.constantFrom('count', 'since').chain((f) => fc.constantFrom(...rules, 'nope', '', '__proto__').map((id) => `${f}("${id}")`)) },
  { weight: 1, arbitrary: fc.constantFrom('chose("usa", "negotiate")', 'chose("usa")', 'chose("usa", "fly")', 'chose(usa, negotiate)', 'fired(1)', 'fired()') },
);

const validLeaf = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...names) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => String(n)) },
  { weight: 1, arbitrary: fc.constantFrom(...rules).chain((id) => fc.constantFrom('fired', 'count', 'since').map((f) => `${f}("${id}")`)) },
);

/** Expressions in the language: every operator and function, with the names of the scenario. */
const { tree: validExpression } = fc.letrec<{ tree: string }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    validLeaf,
    fc.tuple(tie('tree'), fc.constantFrom('+', '-', '*', '/', '%', '^', '**', '<', '>', '<=', '>=', '==', '!=', 'and', 'or', '&&', '||'), tie('tree'))
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(fc.constantFrom('-', '+', '!', 'not '), tie('tree')).map(([op, a]) => `${op}(${a})`),
    fc.tuple(tie('tree'), tie('tree'), tie('tree')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    fc.tuple(fc.constantFrom('min', 'max'), fc.array(tie('tree'), { minLength: 1, maxLength: 4 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(fc.constantFrom('abs', 'sqrt', 'round'), tie('tree')).map(([f, a]) => `${f}(${a})`),
    fc.tuple(tie('tree'), tie('tree')).map(([a, b]) => `pow(${a}, ${b})`),
    fc.tuple(tie('tree'), tie('tree'), tie('tree')).map(([a, b, c]) => `clamp(${a}, ${b}, ${c})`),
  ),
}));

/** Expressions shaped like real ones, but loosely: many a slip away from valid. */
const { tree: expression } = fc.letrec<{ tree: string }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('tree'), fc.constantFrom('+', '-', '*', '/', '%', '^', '**', '<', '>', '<=', '>=', '==', '!=', 'and', 'or', '&&', '||', '&', '|', '<<', '>>>', '===', 'in', '??'), tie('tree'))
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(fc.constantFrom('-', '+', '!', 'not ', '~', 'typeof ', 'new '), tie('tree')).map(([op, a]) => `${op}${a}`),
    tie('tree').map((a) => `(${a})`),
    fc.tuple(tie('tree'), tie('tree'), tie('tree')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc.tuple(fc.constantFrom('min', 'max', 'abs', 'sqrt', 'pow', 'clamp', 'round', 'log', 'eval', 'toString', 'constructor', 'hasOwnProperty'),
      fc.array(tie('tree'), { maxLength: 4 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(fc.array(tie('tree'), { minLength: 2, maxLength: 3 }), fc.constantFrom(', ', '; ')).map(([items, separator]) => items.join(separator)),
    fc.array(tie('tree'), { maxLength: 2 }).map((items) => `[${items.join(', ')}]`),
    fc.tuple(tie('tree'), fc.constantFrom('.x', '[0]', '["usa"]', '()', '.constructor', '[ind.insurgency]')).map(([a, suffix]) => `${a}${suffix}`),
  ),
}));

describe('the expression compiler, fuzzed', () => {
  const worker = new FuzzWorker();
  afterAll(() => worker.close());

  it(`compiles or refuses ${ARBITRARY_CASES} arbitrary strings, never crashing or hanging`, async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.string({ unit: fc.constantFrom(...'0123456789.+-*/%^()<>=!&|?:,;"\'[]{} \tabcdefnotrundiswpxyz_$#@`\\'), maxLength: 80 }),
      fc.array(fc.constantFrom(...HOSTILE_TOKENS, ...names, '(', ')', '+', '?', ':', ','), { maxLength: 12 }).map((tokens) => tokens.join(' ')),
      fc.integer({ min: 1, max: 300 }).map((depth) => `${'('.repeat(depth)}1${')'.repeat(depth)}`),
      fc.integer({ min: 1, max: 3000 }).map((count) => Array(count).fill('1').join('+')),
      fc.integer({ min: 1, max: 100 }).map((depth) => `${'-'.repeat(depth)}1`),
      fc.integer({ min: 1, max: 100 }).map((depth) => `${'a ? '.repeat(depth)}1${' : 0'.repeat(depth)}`),
    );
    await fc.assert(fc.asyncProperty(text, async (source) => {
      expectResultOrDocumentedError(await worker.run('expression', { source }, LIMIT_MS), source);
    }), fuzzSettings(ARBITRARY_CASES));
  }, PROPERTY_TIMEOUT_MS);

  it(`compiles or refuses ${STRUCTURED_CASES} expressions shaped like real ones and slips from them`, async () => {
    let compiled = 0;
    const source = fc.oneof(
      { weight: 3, arbitrary: validExpression },
      { weight: 2, arbitrary: expression },
      { weight: 2, arbitrary: validExpression.chain((text) => mutated(text, 2)) },
    );
    await fc.assert(fc.asyncProperty(source, async (text) => {
      const outcome = await worker.run('expression', { source: text }, LIMIT_MS);
      expectResultOrDocumentedError(outcome, text);
      if (outcome.kind === 'value') compiled += 1;
    }), fuzzSettings(STRUCTURED_CASES));
    // The generator is worth something only if a good share of what it makes is valid.
    expect(compiled).toBeGreaterThan(STRUCTURED_CASES / 4);
  }, PROPERTY_TIMEOUT_MS);
});
