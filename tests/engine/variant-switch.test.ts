import { describe, expect, it } from 'vitest';
import { advanceTo, branch, startHistory } from '../../src/engine/history.js';
import { FOREVER } from '../../src/engine/interventions.js';
import { parseRecord, recordOf, replay } from '../../src/engine/record.js';
import { run } from '../../src/engine/run.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { builtinSpec, loadScenario } from '../../src/scenarios/load.js';
import { hashes } from '../helpers.js';

const base = loadScenario('niger-2024');
const variantOf = (variant: string | null) => loadScenario('niger-2024', variant);

describe('switching to a variant part-way through a run', () => {
  it('at turn 0 is the same as running the variant', () => {
    const parent = startHistory(base, 21, 24);
    const switched = advanceTo(branch(parent, 0, [], variantOf('us-withdrawal')));
    expect(hashes(switched)).toEqual(hashes(run(variantOf('us-withdrawal'), { seed: 21, turns: 24 })));
  });

  it('keeps the parent\'s turns before the switch and counts the variant\'s interventions from it', () => {
    const parent = advanceTo(startHistory(base, 4, 24), 24);
    const noAnnouncementBy = (turn: number) => parent.kept[turn]!.state.events['us-withdrawal-announced'] === undefined;
    const at = [1, 2, 3].find((turn) => noAnnouncementBy(turn + 1))!;
    const switched = advanceTo(branch(parent, at, [], variantOf('us-withdrawal')));
    expect(hashes(switched).slice(0, at + 1)).toEqual(hashes(parent).slice(0, at + 1));
    const forced = switched.kept[at + 1]!.events.find((event) => event.id === 'us-withdrawal-announced');
    expect(forced?.why.cause).toBe('forced');
  });

  it('is written into the run record, which replays and verifies', () => {
    const parent = advanceTo(startHistory(base, 4, 12), 12);
    const switched = advanceTo(branch(parent, 5, [{ kind: 'force', event: 'iran-ties', turn: 7 }], variantOf('russian-expansion')));
    const record = parseRecord(JSON.stringify(recordOf(switched)));
    expect(record.scenario.variant).toBeNull();
    expect(record.switches).toEqual([{ turn: 5, variant: 'russian-expansion', hash: variantOf('russian-expansion').hash }]);
    expect(replay(record, base, variantOf).ok).toBe(true);
    const without = { ...record, switches: undefined };
    const result = replay(without, base, variantOf);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.turn).toBe(6);
  });

  it('is dropped by a branch that forks before it', () => {
    const parent = advanceTo(startHistory(base, 4, 12), 8);
    const switched = advanceTo(branch(parent, 6, [], variantOf('insurgent-surge')));
    const earlier = advanceTo(branch(switched, 3, []));
    expect(earlier.segments).toHaveLength(1);
    expect(hashes(earlier)).toEqual(hashes(run(base, { seed: 4, turns: 12 })));
  });

  it('records blocks without an end', () => {
    const history = run(base, { seed: 2, turns: 6, interventions: [{ kind: 'block', event: 'us-withdrawal-announced', from: 1, to: FOREVER }] });
    const record = parseRecord(JSON.stringify(recordOf(history)));
    expect(replay(record, base).ok).toBe(true);
  });
});

describe('a switch to a variant of a scenario that has interventions of its own', () => {
  it('keeps the scenario\'s interventions at their turns and moves only the variant\'s', () => {
    const spec = builtinSpec('niger-2024');
    const withBase = { ...spec, interventions: [{ force: 'iran-ties', turn: 8 }] };
    const plain = compileScenario(withBase);
    const variant = compileScenario(withBase, 'us-withdrawal');
    const switched = advanceTo(branch(advanceTo(startHistory(plain, 12, 12), 3), 3, [], variant));
    const cause = (turn: number, id: string) => switched.kept[turn]!.events.find((event) => event.id === id)?.why.cause;
    expect(cause(8, 'iran-ties')).toBe('forced');
    expect(cause(4, 'us-withdrawal-announced') ?? 'already fired').toMatch(/forced|already fired/);
    expect(cause(11, 'iran-ties')).not.toBe('forced');
  });
});
