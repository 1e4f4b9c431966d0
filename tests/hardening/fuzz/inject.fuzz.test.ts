import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinSpec } from '../../../src/scenarios/load.js';
import { expectResultOrDocumentedError, FuzzWorker, fuzzSettings, PROPERTY_TIMEOUT_MS } from './harness.js';
import { damaged, junk, mutated } from './mutations.js';

// Inject files (`exercise --injects FILE`) are handed round by instructors:
// readInjectFile either gives the injects or a UsageError whose every line is
// a problem at its place, for any text in the file.

const TEXT_CASES = 400;
const DATA_CASES = 400;
const LIMIT_MS = 20_000;

const rules = builtinSpec('niger-2024').rules.map((rule) => rule.id);
const dir = mkdtempSync(join(tmpdir(), 'sandtable-fuzz-injects-'));

const VALID = `# Injects for a classroom run of niger-2024.
replace: false
injects:
  - id: surge
    turn: 2
    event: insurgent-escalation
    brief: "Attacks rise in Tillabéri."
  - { id: flights, turn: 1, event: us-flights-declared-illegal, brief: The junta declares U.S. flights illegal. }
`;

const inject = fc.record({
  id: fc.oneof(fc.constantFrom('surge', 'talks', 'a-b'), junk),
  turn: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom(1e309, -1, 0.5, 601)),
  event: fc.oneof(fc.constantFrom(...rules), junk),
  brief: fc.oneof(fc.constantFrom('Attacks rise.', ''), junk),
});
const fileData = fc.record({ replace: fc.boolean(), injects: fc.array(inject, { maxLength: 6 }) });

describe('inject files, fuzzed', () => {
  const worker = new FuzzWorker();
  afterAll(async () => {
    await worker.close();
    rmSync(dir, { recursive: true, force: true });
  });
  let n = 0;
  const check = async (text: string, extension: string) => {
    n += 1;
    const path = join(dir, `injects-${n}.${extension}`);
    writeFileSync(path, text);
    const outcome = await worker.run('injects', { path }, LIMIT_MS);
    expectResultOrDocumentedError(outcome, text);
    if (outcome.kind === 'error') {
      for (const line of outcome.message.split('\n')) expect(line, text).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: |inject file`));
    }
    return outcome;
  };

  it('reads the valid file, as a baseline', async () => {
    expect(await check(VALID, 'yaml')).toEqual({ kind: 'value', summary: '2 injects' });
  });

  it(`reads or refuses ${TEXT_CASES} mutations of a valid inject file`, async () => {
    await fc.assert(fc.asyncProperty(mutated(VALID), async (text) => {
      await check(text, 'yaml');
    }), fuzzSettings(TEXT_CASES));
  }, PROPERTY_TIMEOUT_MS);

  it(`reads or refuses ${DATA_CASES} generated and damaged inject files, as YAML and JSON`, async () => {
    let valid = 0;
    const data = fc.oneof(fileData, damaged(fileData));
    await fc.assert(fc.asyncProperty(data, fc.boolean(), async (value, asJson) => {
      const outcome = await check(asJson ? JSON.stringify(value) : stringify(value), asJson ? 'json' : 'yaml');
      if (outcome.kind === 'value') valid += 1;
    }), fuzzSettings(DATA_CASES));
    expect(valid).toBeGreaterThan(DATA_CASES / 20);
  }, PROPERTY_TIMEOUT_MS);
});
