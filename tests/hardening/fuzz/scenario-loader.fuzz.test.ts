import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_DIR } from '../../../src/scenarios/load.js';
import { smallScenario } from '../../properties/arbitraries.js';
import { TINY } from '../../scenarios/fixtures.js';
import { expectResultOrDocumentedError, FuzzWorker, fuzzSettings, PROPERTY_TIMEOUT_MS, type Outcome } from './harness.js';
import { damaged, HOSTILE_TOKENS, junk, mutated } from './mutations.js';

// The scenario loader on text from strangers: parseSpec (and loadScenario on
// the same text written to a file) either gives a scenario that compiles and
// runs, or a ScenarioError whose every problem is one printable line.

const GENERATED_CASES = 800;
const JSON_CASES = 400;
const SOUP_CASES = 500;
const TINY_CASES = 700;
const NIGER_CASES = 300;
const LIMIT_MS = 20_000;

const NIGER = readFileSync(join(BUILTIN_DIR, 'niger-2024.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'sandtable-fuzz-scenarios-'));

/** The outcome for one text: parsed from memory, and every other case also loaded from a file. */
async function load(worker: FuzzWorker, text: string, file: string, fromDisk: boolean): Promise<Outcome> {
  if (!fromDisk) return worker.run('spec', { text, file }, LIMIT_MS);
  const path = join(dir, file);
  writeFileSync(path, text);
  return worker.run('file', { path, variant: null }, LIMIT_MS);
}

/** Lines of `key: value` at random depths: text that looks like YAML to a parser. */
const soup = fc.array(
  fc.tuple(
    fc.integer({ min: 0, max: 6 }),
    fc.constantFrom('id', 'title', 'actors', 'rules', 'chance', 'effects', 'add', 'variants', 'extends', 'turns', '-', '- id', 'x', ...HOSTILE_TOKENS),
    fc.oneof(junk, fc.constantFrom('niger-2024', '[]', '{}', '"0.5"', '0.5', '- a', '&a [1, 2]', '*a', '!!str x', '|\n  block')),
  ).map(([indent, key, value]) => `${'  '.repeat(indent)}${key}: ${value}`),
  { maxLength: 30 },
).map((lines) => lines.join('\n'));

describe('the scenario loader, fuzzed', () => {
  const worker = new FuzzWorker();
  afterAll(async () => {
    await worker.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`reads ${GENERATED_CASES} generated scenarios, damaged, as YAML and JSON`, async () => {
    let valid = 0;
    const input = fc.tuple(fc.oneof({ weight: 1, arbitrary: smallScenario }, { weight: 3, arbitrary: damaged(smallScenario) }), fc.boolean(), fc.nat());
    await fc.assert(fc.asyncProperty(input, async ([data, asJson, n]) => {
      const text = asJson ? JSON.stringify(data, null, n % 3) : stringify(data);
      const outcome = await load(worker, text, asJson ? 'generated.json' : 'generated.yaml', n % 2 === 0);
      expectResultOrDocumentedError(outcome, text);
      if (outcome.kind === 'value') valid += 1;
    }), fuzzSettings(GENERATED_CASES));
    expect(valid).toBeGreaterThan(GENERATED_CASES / 10);
  }, PROPERTY_TIMEOUT_MS);

  it(`reads ${JSON_CASES} arbitrary JSON documents`, async () => {
    await fc.assert(fc.asyncProperty(fc.json({ maxDepth: 6 }), async (text) => {
      expectResultOrDocumentedError(await worker.run('spec', { text, file: 'any.json' }, LIMIT_MS), text);
    }), fuzzSettings(JSON_CASES));
  }, PROPERTY_TIMEOUT_MS);

  it(`reads ${SOUP_CASES} texts that only look like YAML`, async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(soup, fc.string({ unit: 'binary', maxLength: 400 })), async (text) => {
      expectResultOrDocumentedError(await worker.run('spec', { text, file: 'soup.yaml' }, LIMIT_MS), text);
    }), fuzzSettings(SOUP_CASES));
  }, PROPERTY_TIMEOUT_MS);

  /** Mutations of a valid scenario's text: each is a scenario or one documented error, and some stay valid. */
  async function readsMutations(source: string, file: string, cases: number, depth?: number) {
    let valid = 0;
    await fc.assert(fc.asyncProperty(mutated(source, depth), fc.boolean(), async (text, fromDisk) => {
      const outcome = await load(worker, text, file, fromDisk);
      expectResultOrDocumentedError(outcome, text);
      if (outcome.kind === 'value') valid += 1;
    }), fuzzSettings(cases));
    expect(valid).toBeGreaterThan(cases / 20);
  }

  it(`reads ${TINY_CASES} mutations of a small valid scenario`, () => readsMutations(TINY, 'tiny.yaml', TINY_CASES), PROPERTY_TIMEOUT_MS);

  it(`reads ${NIGER_CASES} mutations of niger-2024.yaml`, () => readsMutations(NIGER, 'niger-2024.yaml', NIGER_CASES, 3), PROPERTY_TIMEOUT_MS);
});
