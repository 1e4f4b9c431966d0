import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenarios/compile.js';
import { parseSpec } from '../../src/scenarios/load.js';
import { basisOf, quoteFound, flatText, quotesOf } from '../../src/scenarios/sources.js';
import { ROOT, sandtable } from '../helpers.js';
import { problemsOf } from '../scenarios/fixtures.js';
import { writeTemp } from './fixtures.js';

const COIN = `${ROOT}docs/examples/coin.yaml`;
const COIN_TEXT = readFileSync(COIN, 'utf8');
const ARTICLE = readFileSync(`${ROOT}docs/examples/coin.article.txt`, 'utf8');

interface Listing {
  article: { file: string } | null;
  summary: Record<string, number>;
  entries: { kind: string; id: string; field: string; value?: number; range?: number[]; basis: string; source: unknown; quotes: { text: string; found: boolean | null }[] }[];
}

function listing(args: string[]): { code: number | null; out: Listing; stderr: string } {
  const { code, stdout, stderr } = sandtable(['sources', ...args, '--json']);
  return { code, out: JSON.parse(stdout) as Listing, stderr };
}

describe('sources of a small scenario', () => {
  it('lists every parameter, starting value, action and rule with what it rests on', () => {
    const { code, out, stderr } = listing([COIN]);
    expect(code, stderr).toBe(0);
    expect(out.article).toEqual({ file: 'docs/examples/coin.article.txt' });
    expect(out.entries.map((entry) => [entry.kind, entry.id, entry.basis])).toEqual([
      ['param', 'headsChance', 'quote'],
      ['param', 'drift', 'none'],
      ['start', 'ind.pile', 'quote'],
      ['start', 'attr.thrower.luck', 'assumption'],
      ['action', 'thrower.throw', 'assumption'],
      ['rule', 'heads', 'quote'],
      ['rule', 'edge', 'assumption'],
    ]);
    expect(out.entries[0]).toMatchObject({ field: 'params.headsChance', value: 0.3, range: [0.2, 0.4] });
    // The article breaks this quotation across two lines; white space does not count.
    expect(out.entries[0]!.quotes).toEqual([{ text: 'the coin lands heads about three times in ten', found: true }]);
    expect(out.summary).toEqual({ entries: 7, quote: 3, citation: 0, statement: 0, assumption: 3, none: 1, quotations: 3, notFound: 0 });
  });

  it('prints a table with the assumptions named', () => {
    const { code, stdout } = sandtable(['sources', COIN]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^coin 1: 7 numbers and rules: 3 quote a source, 0 cite one, 0 name one otherwise, 4 are assumptions \(1 with no source\)$/m);
    expect(stdout).toMatch(/^article docs\/examples\/coin\.article\.txt: 3 quotations, all found$/m);
    expect(stdout).toMatch(/^ {2}drift +0\.02 +assumption \(no source\)$/m);
    expect(stdout).toMatch(/^ {2}heads +quote +"the coin lands heads about three times in ten" <https:\/\/example\.org\/coin>$/m);
  });

  it('reports a quotation the article does not hold, and exits 1', () => {
    const files = writeTemp({
      'coin.yaml': COIN_TEXT.replace('quote: "starts with a tenth of the pile"', 'quote: "starts with half of the pile"'),
      'coin.article.txt': ARTICLE,
    });
    const { code, out } = listing([files['coin.yaml']!]);
    expect(code).toBe(1);
    expect(out.summary.notFound).toBe(1);
    expect(out.entries.find((entry) => entry.id === 'ind.pile')!.quotes).toEqual([{ text: 'starts with half of the pile', found: false }]);
    const text = sandtable(['sources', files['coin.yaml']!]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/: 3 quotations, 1 not found$/m);
    expect(text.stdout).toMatch(/^ {2}ind\.pile +0\.1 +quote NOT FOUND /m);
    expect(text.stdout).toMatch(/quotations not found in the article:\n {2}indicators\[0\]\.initial \(ind\.pile\): "starts with half of the pile"\n$/);
  });

  it('reads the article a scenario names, and says when it has none', () => {
    const files = writeTemp({
      'named.yaml': `article: texts/none.txt\n${COIN_TEXT}`,
      'alone.yaml': COIN_TEXT,
    });
    const missing = sandtable(['sources', files['named.yaml']!]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^sandtable: error: article: no file .*texts\/none\.txt \(the path is relative to the scenario file\)\n$/);
    const alone = listing([files['alone.yaml']!]);
    expect(alone.code).toBe(0);
    expect(alone.out.article).toBeNull();
    expect(alone.out.entries[0]!.quotes).toEqual([{ text: 'the coin lands heads about three times in ten', found: null }]);
    expect(sandtable(['sources', files['alone.yaml']!]).stdout).toMatch(/^no article: 3 quotations not checked/m);
  });

  it('refuses a source for a starting value that does not exist', () => {
    const problems = problemsOf(COIN_TEXT.replace('attr.thrower.luck:', 'attr.thrower.lcuk:'), 'coin.yaml');
    expect(problems).toEqual([expect.stringMatching(/sources\["attr\.thrower\.lcuk"\]: thrower has no attribute `lcuk`/)]);
  });
});

describe('sources of niger-2024', () => {
  it('find every quotation of its rules in its article, and name its numbers as assumptions', () => {
    const { code, out } = listing(['niger-2024']);
    expect(code).toBe(0);
    expect(out.article?.file).toMatch(/niger-2024\.article\.txt$/);
    const rules = out.entries.filter((entry) => entry.kind === 'rule');
    expect(rules.length).toBe(15);
    expect(rules.every((entry) => entry.basis === 'quote' && entry.quotes.every((quote) => quote.found === true))).toBe(true);
    // Version 2: the three ranged parameters rest on reference classes (notes) or the article (a quote).
    expect(out.entries.filter((entry) => entry.kind === 'param').map((entry) => entry.basis))
      .toEqual(['assumption', 'none', 'assumption', 'none', 'none', 'none', 'none', 'quote']);
    expect(out.summary.notFound).toBe(0);
    expect(out.summary.quotations).toBeGreaterThanOrEqual(15);
  });
});

describe('sources and the scenario hash', () => {
  it('leave the hash alone: structured sources, sources on actions and starting values, the article', () => {
    const base = compileScenario(parseSpec(COIN_TEXT, 'coin.yaml')).hash;
    const changed = COIN_TEXT
      .replace('url: https://example.org/coin', 'url: https://example.org/elsewhere')
      .replace('Modelling assumption: the thrower always throws.', 'Observed.')
      .replace('date: "2024-04-01"', 'date: "2024-05-01"')
      .replace('Modelling assumption: nobody is lucky.', 'Observed.')
      .replace('note: Read off a hundred throws.', 'note: Read off a thousand throws.');
    expect(compileScenario(parseSpec(`article: other.txt\n${changed}`, 'coin.yaml')).hash).toBe(base);
    // A rule's text source was always part of the hash; records of existing files depend on that.
    expect(compileScenario(parseSpec(COIN_TEXT.replace('Modelling assumption: it never does.', 'Modelling assumption: never.'), 'coin.yaml')).hash).not.toBe(base);
  });
});

describe('source helpers', () => {
  it('classify sources and find quotations whatever the white space', () => {
    expect(basisOf(undefined)).toBe('none');
    expect(basisOf('Modelling assumption: x.')).toBe('assumption');
    expect(basisOf('Expert judgement of the desk.')).toBe('statement');
    expect(basisOf({ url: 'https://example.org' })).toBe('citation');
    expect(basisOf({ note: 'A guess.' })).toBe('assumption');
    expect(basisOf('Article: "a quotation long enough" Modelling assumption: more.')).toBe('quote');
    expect(quotesOf('Modelling assumption: the "short" word')).toEqual([]);
    const article = flatText('one two\n  three, four.');
    expect(quoteFound('two three,', article)).toBe(true);
    expect(quoteFound('two  three, four.', article)).toBe(true);
    expect(quoteFound('two four', article)).toBe(false);
  });
});
