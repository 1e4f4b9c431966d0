import { describe, expect, it } from 'vitest';
import { parseRecord, RecordError, recordOf, replay, type RunRecord } from '../../src/engine/record.js';
import { hashOf } from '../../src/engine/hash.js';
import { run } from '../../src/engine/run.js';
import { ENGINE_VERSION } from '../../src/engine/version.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { readFileSync } from 'node:fs';
import { ROOT } from '../helpers.js';

const scenario = loadScenario('niger-2024');
const record = recordOf(run(scenario, {
  seed: 77,
  turns: 12,
  interventions: [{ kind: 'force', event: 'russian-expansion', turn: 4 }],
}));

describe('run records', () => {
  it('hold the scenario, seed, turns, interventions and a hash per turn', () => {
    expect(record.scenario).toEqual({ id: 'niger-2024', variant: null, hash: scenario.hash, dataHash: hashOf(record.scenarioData) });
    expect(record.formatVersion).toBe(2);
    expect(record.scenarioData).toMatchObject({ id: 'niger-2024', roles: expect.any(Array), injects: expect.any(Array), variants: expect.any(Array) });
    expect(record.seed).toBe(77);
    expect(record.turns).toBe(12);
    expect(record.hashes).toHaveLength(13);
    expect(record.finalHash).toBe(record.hashes[12]);
    expect(record.interventions).toEqual([{ kind: 'force', event: 'russian-expansion', turn: 4 }]);
    expect(record.engineVersion).toBe(ENGINE_VERSION);
  });

  it('replay and verify exactly', () => {
    const parsed = parseRecord(JSON.stringify(record));
    expect(replay(parsed, scenario).ok).toBe(true);
  });

  it('name the first turn that differs when a turn hash was edited', () => {
    const hashes = [...record.hashes];
    hashes[5] = hashes[5]!.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const result = replay({ ...record, hashes }, scenario);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.turn).toBe(5);
  });

  it('are refused, not compared, when built with a hash missing for a turn', () => {
    expect(() => replay({ ...record, hashes: record.hashes.slice(0, -1) }, scenario)).toThrow(/has 12 turn hashes for 12 turns \(expected 13\)/);
  });

  it('fail from the turn an edited intervention acts on', () => {
    const edited: RunRecord = { ...record, interventions: [{ kind: 'force', event: 'russian-expansion', turn: 6 }] };
    const result = replay(edited, scenario);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.turn).toBe(4);
  });

  it('are refused when made for another scenario or version', () => {
    expect(() => replay({ ...record, scenario: { ...record.scenario, hash: 'a'.repeat(64) } }, scenario)).toThrow(RecordError);
    expect(() => replay(record, loadScenario('niger-2024', 'us-withdrawal'))).toThrow(/made for scenario niger-2024/);
  });

  it('are refused when they are not JSON, not records, or of another format version', () => {
    expect(() => parseRecord('{')).toThrow(/not JSON/);
    expect(() => parseRecord('{"hello": 1}')).toThrow(/not a sandtable run record/);
    expect(() => parseRecord(JSON.stringify({ ...record, formatVersion: 99 }))).toThrow(/format version 99/);
    expect(() => parseRecord(JSON.stringify({ ...record, seed: 'x' }))).toThrow(/seed/);
    expect(() => parseRecord(JSON.stringify({ ...record, hashes: record.hashes.slice(1) }))).toThrow(/turn hashes/);
  });

  it('are refused when an intervention names an event, value or action the scenario does not have', () => {
    const edit = (interventions: RunRecord['interventions']) => () => replay({ ...record, interventions }, scenario);
    expect(edit([{ kind: 'force', event: 'alien-landing', turn: 2 }])).toThrow(/no event `alien-landing`/);
    expect(edit([{ kind: 'block', event: 'alien-landing', from: 1, to: 3 }])).toThrow(/no event `alien-landing`/);
    expect(edit([{ kind: 'set', path: 'ind.morale', value: 1, turn: 2 }])).toThrow(/no value `ind.morale`/);
    expect(edit([{ kind: 'choose', actor: 'usa', action: 'invade', turn: 2 }])).toThrow(/no action `invade` for `usa`/);
  });

  it('carry the engine version of package.json', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string };
    expect(ENGINE_VERSION).toBe(pkg.version);
  });
});
