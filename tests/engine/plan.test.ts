import { describe, expect, it } from 'vitest';
import { runPair } from '../../src/engine/batch/pair.js';
import { tallyRuns } from '../../src/engine/batch/runs.js';
import { BatchTally } from '../../src/engine/batch/tally.js';
import { layoutOf } from '../../src/engine/batch/batch-layout.js';
import { hashOf } from '../../src/engine/hash.js';
import { advance, advanceTo, branch, startHistory } from '../../src/engine/history.js';
import { interventionsAt, planRun, scenarioAt, stepper, withSeed, type RunPlan } from '../../src/engine/plan.js';
import { deriveSeed } from '../../src/engine/random.js';
import { RecordError, recordOf, replay } from '../../src/engine/record.js';
import { run, runFast } from '../../src/engine/run.js';
import type { Intervention } from '../../src/engine/types.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { builtinSpec, loadScenario } from '../../src/scenarios/load.js';
import { hashes } from '../helpers.js';

const base = loadScenario('niger-2024');
const withdrawal = loadScenario('niger-2024', 'us-withdrawal');
const surge = loadScenario('niger-2024', 'insurgent-surge');

/** The hash after every turn of a plan, stepped on a frame (the batch path). */
function stepped(plan: RunPlan): string[] {
  const run = stepper(plan);
  const out = [hashOf(run.state())];
  for (let turn = 1; turn <= plan.turns; turn += 1) {
    run.step();
    out.push(hashOf(run.state()));
  }
  return out;
}

describe('a run plan', () => {
  it('is frozen data that names its segments, seed, horizon and own interventions', () => {
    const own: Intervention[] = [{ kind: 'choose', actor: 'usa', action: 'withdraw', turn: 2 }];
    const plan = planRun(base, { seed: 3, turns: 12, interventions: own, switches: [{ turn: 5, scenario: withdrawal }] });
    expect(plan.seed).toBe(3);
    expect(plan.turns).toBe(12);
    expect(plan.segments.map((segment) => [segment.from, segment.scenario.variant])).toEqual([[0, null], [5, 'us-withdrawal']]);
    expect(plan.interventions).toEqual(own);
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.segments)).toBe(true);
    expect(Object.isFrozen(plan.interventions)).toBe(true);
    own.push({ kind: 'force', event: 'iran-ties', turn: 3 });
    expect(plan.interventions).toHaveLength(1);
  });

  it('computes turns 1..k with the first scenario and the turns after a switch at k with the variant', () => {
    const plan = planRun(base, { seed: 9, turns: 10, switches: [{ turn: 4, scenario: surge }] });
    expect([0, 1, 4].map((turn) => scenarioAt(plan, turn))).toEqual([base, base, base]);
    expect([5, 10].map((turn) => scenarioAt(plan, turn))).toEqual([surge, surge]);
    expect(() => scenarioAt(plan, 11)).toThrow(RangeError);
  });

  it('counts a switched-to variant\'s own interventions from the switch, as docs/decisions.md says', () => {
    // insurgent-surge forces insurgent-escalation at its turns 1 and 2 and sets ind.insurgency at 1.
    const plan = planRun(base, { seed: 9, turns: 10, switches: [{ turn: 4, scenario: surge }] });
    const forcedAt = (turn: number) => [...interventionsAt(plan, turn).forced];
    expect(forcedAt(1)).toEqual([]);
    expect(forcedAt(5)).toEqual(['insurgent-escalation']);
    expect(forcedAt(6)).toEqual(['insurgent-escalation']);
    expect(interventionsAt(plan, 5).sets).toEqual([{ path: 'ind.insurgency', value: 0.7 }]);
    expect(forcedAt(7)).toEqual([]);
  });

  it('with a switch at turn k gives the first scenario\'s turns up to k, then what a branch to the variant at k gives', () => {
    const plain = hashes(run(base, { seed: 4, turns: 12 }));
    const planned = stepped(planRun(base, { seed: 4, turns: 12, switches: [{ turn: 5, scenario: surge }] }));
    const branched = hashes(advanceTo(branch(advanceTo(startHistory(base, 4, 12), 5), 5, [], surge)));
    expect(planned.slice(0, 6)).toEqual(plain.slice(0, 6));
    expect(planned).toEqual(branched);
    expect(planned[6]).not.toBe(plain[6]);
  });

  it('with a switch at turn 0 is a run of the variant', () => {
    const plan = planRun(base, { seed: 21, turns: 24, switches: [{ turn: 0, scenario: withdrawal }] });
    expect(plan.segments).toEqual([{ from: 0, scenario: withdrawal }]);
    expect(stepped(plan)).toEqual(hashes(run(withdrawal, { seed: 21, turns: 24 })));
  });

  it('refuses switches that are not at increasing turns', () => {
    expect(() => planRun(base, { seed: 1, turns: 6, switches: [{ turn: 3, scenario: surge }, { turn: 3, scenario: withdrawal }] })).toThrow(RangeError);
    expect(() => planRun(base, { seed: 1, turns: 6, switches: [{ turn: -1, scenario: surge }] })).toThrow(RangeError);
  });

  it('is stepped the same on both paths, turn by turn, with a switch and interventions of its own', () => {
    const interventions: Intervention[] = [
      { kind: 'force', event: 'russian-expansion', turn: 2 },
      { kind: 'choose', actor: 'usa', action: 'withdraw', turn: 7 },
    ];
    const plan = planRun(base, { seed: 77, turns: 12, interventions, switches: [{ turn: 6, scenario: withdrawal }] });
    expect(stepped(plan)).toEqual(hashes(advanceTo(startHistory(plan))));
  });

  it('steps on from a state of the run exactly as from the start', () => {
    const plan = planRun(base, { seed: 5, turns: 8, switches: [{ turn: 3, scenario: surge }] });
    const history = advanceTo(startHistory(plan));
    const resumed = stepper(plan, history.kept[4]!.state);
    const outcome = resumed.step(true);
    expect(hashOf(resumed.state())).toBe(history.kept[5]!.hash);
    expect(outcome.decisions).toEqual(history.kept[5]!.decisions);
    expect(resumed.scenario()).toBe(surge);
  });

  it('shares its per-turn tables with the same plan on another seed, which runs that seed', () => {
    const plan = planRun(base, { seed: 1, turns: 24 });
    const other = withSeed(plan, 99);
    expect(other.segments).toBe(plan.segments);
    expect(interventionsAt(other, 3)).toBe(interventionsAt(plan, 3));
    expect(stepped(other)).toEqual(hashes(run(base, { seed: 99, turns: 24 })));
  });
});

describe('a scenario\'s own interventions', () => {
  const spec = builtinSpec('niger-2024');
  const withBase = { ...spec, interventions: [{ force: 'iran-ties', turn: 8 }] };
  const plain = compileScenario(withBase);
  const variant = compileScenario(withBase, 'us-withdrawal');

  it('are kept apart from a variant\'s, in fields of their own', () => {
    const iranTies: Intervention = { kind: 'force', event: 'iran-ties', turn: 8 };
    expect(plain.baseInterventions).toEqual([iranTies]);
    expect(plain.variantInterventions).toEqual([]);
    expect(variant.baseInterventions).toEqual([iranTies]);
    expect(variant.variantInterventions).toEqual([{ kind: 'force', event: 'us-withdrawal-announced', turn: 1 }]);
  });

  it('keep their turns across a switch, while the variant\'s move with it, each applied once', () => {
    const plan = planRun(plain, { seed: 12, turns: 12, switches: [{ turn: 3, scenario: variant }] });
    const forced = (turn: number) => [...interventionsAt(plan, turn).forced];
    expect(forced(8)).toEqual(['iran-ties']);
    expect(forced(4)).toEqual(['us-withdrawal-announced']);
    expect(forced(1)).toEqual([]);
    expect(forced(11)).toEqual([]);
    const total = Array.from({ length: 13 }, (_, turn) => forced(turn).length).reduce((a, b) => a + b, 0);
    expect(total).toBe(2);
  });
});

describe('every way of running a scenario', () => {
  it('gives the states of one plan: run, runFast, a batch\'s runs, a pair\'s sides and an exercise played turn by turn', () => {
    const seed = 31;
    const expected = run(base, { seed, turns: 24 });
    expect(hashOf(runFast(base, { seed, turns: 24 }).state)).toBe(expected.kept[24]!.hash);
    const pair = runPair(base, withdrawal, seed, 24);
    expect(hashOf(pair.base.state)).toBe(expected.kept[24]!.hash);
    expect(hashOf(pair.variant.state)).toBe(hashOf(runFast(withdrawal, { seed, turns: 24 }).state));
    const finals: string[] = [];
    tallyRuns(base, { seed, turns: 24, from: 0, to: 2 }, new BatchTally(layoutOf(base, 24)), {
      onRun: (_index, _seed, _outcome, final) => finals.push(hashOf(final)),
    });
    expect(finals).toEqual([0, 1].map((index) => hashOf(runFast(base, { seed: deriveSeed(seed, index), turns: 24 }).state)));
    // An exercise adds each turn's choices as it plays it; the result is the run of all of them.
    const choices: Intervention[] = [1, 2, 3].map((turn) => ({ kind: 'choose', actor: 'usa', action: 'withdraw', turn }));
    let played = startHistory(base, seed, 24);
    for (const choice of choices) played = advance(played, [choice]);
    expect(hashes(played)).toEqual(hashes(run(base, { seed, turns: 24, interventions: choices })).slice(0, 4));
    expect(played.interventions).toEqual(choices);
  });
});

describe('a run record\'s switches', () => {
  it('replay as the plan\'s switches, and out of order they are refused with a sentence', () => {
    const switched = advanceTo(branch(advanceTo(startHistory(base, 4, 8), 2), 2, [], surge));
    const record = recordOf(switched);
    const variantOf = (variant: string | null) => loadScenario('niger-2024', variant);
    expect(replay(record, base, variantOf).ok).toBe(true);
    const twice = { ...record, switches: [...record.switches!, ...record.switches!] };
    expect(() => replay(twice, base, variantOf)).toThrow(RecordError);
    expect(() => replay(twice, base, variantOf)).toThrow(/switches must be at increasing turns/);
  });
});
