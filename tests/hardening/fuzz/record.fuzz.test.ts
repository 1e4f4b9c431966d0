import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { advanceTo, branch, startHistory } from '../../../src/engine/history.js';
import { MAX_SEED } from '../../../src/engine/random.js';
import { MAX_TURNS, recordOf, RECORD_FORMAT, RECORD_FORMAT_VERSION, type RunRecord } from '../../../src/engine/record.js';
import { loadScenario } from '../../../src/scenarios/load.js';
import { intervention } from '../../properties/arbitraries.js';
import { expectResultOrDocumentedError, FuzzWorker, fuzzSettings, PROPERTY_TIMEOUT_MS } from './harness.js';
import { damaged, HOSTILE_TOKENS, mutated } from './mutations.js';

// The run-record parser on records from strangers: parseRecord either gives a
// record or a RecordError; a record that parses then replays against
// niger-2024 to a verdict (verified or differs at a turn), or stops with a
// RecordError or SimulationError that says why. Never a crash or a hang.

const TEXT_CASES = 800;
const DATA_CASES = 600;
const STRUCTURED_CASES = 700;
const JSON_CASES = 400;
const LIMIT_MS = 20_000;

const niger = loadScenario('niger-2024');
const withdrawal = loadScenario('niger-2024', 'us-withdrawal');

/** A real record of a short run with interventions, and one that switches variant part-way. */
const plain = recordOf(advanceTo(startHistory(niger, 11, 6, [
  { kind: 'force', event: 'russian-expansion', turn: 2 },
  { kind: 'set', path: 'ind.insurgency', value: 0.7, turn: 3 },
  { kind: 'choose', actor: 'usa', action: 'withdraw', turn: 4 },
])));
const switched = recordOf(advanceTo(branch(advanceTo(startHistory(niger, 5, 6), 2), 2, [], withdrawal)));
const bases: readonly RunRecord[] = [plain, switched];

const hash = fc.oneof(
  fc.constantFrom(...plain.hashes, niger.hash, withdrawal.hash),
  fc.stringMatching(/^[0-9a-f]{64}$/),
  fc.constantFrom('', 'x'.repeat(64), niger.hash.toUpperCase(), `${niger.hash}0`),
);
const oddNumber = fc.oneof(
  fc.integer({ min: -5, max: 40 }),
  fc.constantFrom(0, MAX_TURNS, MAX_TURNS + 1, MAX_SEED, MAX_SEED + 1, -1, 0.5, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 1_000_000),
);
const name = fc.oneof(fc.constantFrom('russian-expansion', 'us-withdrawal-complete', 'nope', '', ...HOSTILE_TOKENS), fc.string({ maxLength: 12 }));
const oddIntervention = fc.oneof(
  intervention(8),
  fc.record({ kind: fc.constant('force'), event: name, turn: oddNumber }),
  fc.record({ kind: fc.constant('block'), event: name, from: oddNumber, to: oddNumber }),
  fc.record({
    kind: fc.constant('set'),
    path: fc.oneof(fc.constantFrom('ind.insurgency', 'coop.niger.usa', 'coop.niger.niger', 'ind.__proto__', 'stance.niger', 'attr.usa.capability', '__proto__.polluted', 'constructor'), name),
    value: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), oddNumber),
    turn: oddNumber,
  }),
  fc.record({ kind: fc.constant('choose'), actor: fc.oneof(fc.constantFrom('niger', 'usa', 'constructor', '__proto__'), name), action: name, turn: oddNumber }),
  fc.record({ kind: fc.constantFrom('undo', 'FORCE', ''), turn: oddNumber }),
);

/** Mostly the base record's own value (undefined), sometimes an odd one. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, weight = 1): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight, arbitrary });
}

/** Records assembled field by field: near-valid shapes with odd values where a stranger could put them. */
const structured = fc.record({
  base: fc.constantFrom(...bases),
  seed: sometimes(oddNumber),
  turns: sometimes(fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom(MAX_TURNS, MAX_TURNS + 1))),
  variant: sometimes(fc.constantFrom(null, 'us-withdrawal', 'russian-expansion', 'nope', '__proto__', '')),
  interventions: sometimes(fc.array(oddIntervention, { maxLength: 6 }), 4),
  switches: sometimes(fc.array(fc.record({
    turn: oddNumber,
    variant: fc.constantFrom(null, 'us-withdrawal', 'insurgent-surge', 'nope', 'constructor'),
    hash,
  }), { maxLength: 3 })),
  hashes: sometimes(fc.array(hash, { maxLength: 40 })),
  finalHash: sometimes(hash),
}).map(({ base, seed, turns, variant, interventions, switches, hashes, finalHash }) => {
  const length = turns ?? base.turns;
  // Keep the hash list the right length in most cases, so the replay itself is reached.
  const list = hashes ?? Array.from({ length: length + 1 }, (_, i) => base.hashes[i] ?? base.finalHash);
  return {
    ...base,
    ...(seed === undefined ? {} : { seed }),
    turns: length,
    scenario: variant === undefined ? base.scenario : { ...base.scenario, variant },
    ...(interventions === undefined ? {} : { interventions }),
    ...(switches === undefined ? {} : { switches }),
    hashes: list,
    finalHash: finalHash ?? list[list.length - 1],
  };
});

describe('the run-record parser, fuzzed', () => {
  const worker = new FuzzWorker();
  afterAll(() => worker.close());
  const check = async (text: string) => {
    const outcome = await worker.run('record', { text }, LIMIT_MS);
    expectResultOrDocumentedError(outcome, text);
    return outcome;
  };

  it('verifies the unchanged records it is given, as a baseline', async () => {
    for (const base of bases) expect(await check(JSON.stringify(base, null, 2))).toEqual({ kind: 'value', summary: 'verified' });
  }, PROPERTY_TIMEOUT_MS);

  it(`parses or refuses ${TEXT_CASES} records damaged as text`, async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...bases).chain((base) => mutated(JSON.stringify(base, null, 2))), async (text) => {
      await check(text);
    }), fuzzSettings(TEXT_CASES));
  }, PROPERTY_TIMEOUT_MS);

  it(`parses or refuses ${DATA_CASES} records damaged as data`, async () => {
    await fc.assert(fc.asyncProperty(damaged(fc.constantFrom(...bases)), async (data) => {
      await check(JSON.stringify(data));
    }), fuzzSettings(DATA_CASES));
  }, PROPERTY_TIMEOUT_MS);

  it(`replays or refuses ${STRUCTURED_CASES} records with odd values in every field`, async () => {
    let replayed = 0;
    await fc.assert(fc.asyncProperty(structured, async (data) => {
      const outcome = await check(JSON.stringify(data));
      if (outcome.kind === 'value') replayed += 1;
    }), fuzzSettings(STRUCTURED_CASES));
    expect(replayed).toBeGreaterThan(STRUCTURED_CASES / 20);
  }, PROPERTY_TIMEOUT_MS);

  it(`refuses ${JSON_CASES} arbitrary JSON documents, some claiming to be records`, async () => {
    const claim = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 })
      .map((fields) => ({ ...fields, format: RECORD_FORMAT, formatVersion: RECORD_FORMAT_VERSION }));
    await fc.assert(fc.asyncProperty(fc.oneof(fc.json(), claim.map((data) => JSON.stringify(data))), async (text) => {
      const outcome = await check(text);
      expect(outcome.kind, text).toBe('error');
    }), fuzzSettings(JSON_CASES));
  }, PROPERTY_TIMEOUT_MS);
});
