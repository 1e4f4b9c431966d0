import { describe, expect, it } from 'vitest';
import { advanceTo, startHistory, type History } from '../../src/engine/history.js';
import { afterAction } from '../../src/engine/analysis/after-action.js';
import { playerDecisions, policyDecision } from '../../src/engine/analysis/decisions.js';
import type { Intervention } from '../../src/engine/types.js';
import { loadScenario } from '../../src/scenarios/load.js';

const scenario = loadScenario('niger-2024');
const SEED = 123;
const TURNS = 8;

function played(interventions: Intervention[], turns = TURNS): History {
  return advanceTo(startHistory(scenario, SEED, turns, interventions));
}

/** Choices for usa at every turn that are exactly what its policy picks in the run without them. */
function policyChoices(): Intervention[] {
  const baseline = played([]);
  return baseline.kept.slice(1).map((turn) => {
    const decision = turn.decisions.find((item) => item.actor === 'usa')!;
    return { kind: 'choose', actor: 'usa', action: decision.action, turn: turn.turn };
  });
}

/** usa withdraws every month. */
function withdrawEveryMonth(turns = TURNS): Intervention[] {
  return Array.from({ length: turns }, (_, i): Intervention => ({ kind: 'choose', actor: 'usa', action: 'withdraw', turn: i + 1 }));
}

describe('the decisions of an after-action report', () => {
  it('sets each choice beside what the policy picked with the same roll in the same state', () => {
    const history = played(withdrawEveryMonth());
    const decisions = playerDecisions(history);
    expect(decisions).toHaveLength(TURNS);
    for (const decision of decisions) {
      expect(decision.action).toBe('withdraw');
      expect(decision.deviation).toBe(decision.policyAction !== 'withdraw');
    }
    // At turn 1 the state is the scenario's own, so the policy's pick is the baseline's.
    const baseline = played([]);
    expect(decisions[0]!.policyAction).toBe(baseline.kept[1]!.decisions.find((item) => item.actor === 'usa')!.action);
  });

  it('finds the policy pick of a turn whatever the other actors were made to do', () => {
    const choices: [Intervention, Intervention] = [
      { kind: 'choose', actor: 'usa', action: 'hold', turn: 2 },
      { kind: 'choose', actor: 'niger', action: 'order-us-out', turn: 2 },
    ];
    const history = played(choices);
    const alone = played([choices[0]]);
    expect(policyDecision(history, 2, 'usa')).toEqual(policyDecision(alone, 2, 'usa'));
  });
});

describe('the counterfactual of an after-action report', () => {
  it('shows exactly zero difference and no diverged runs for a player who chose what the policy would have chosen', () => {
    const report = afterAction(played(policyChoices()), 200);
    expect(report.decisions).toHaveLength(TURNS);
    expect(report.decisions.every((item) => !item.deviation)).toBe(true);
    const { comparison, deviations } = report.counterfactual;
    expect(deviations).toHaveLength(0);
    expect(comparison.runs).toBe(200);
    expect(comparison.diverged).toBe(0);
    for (const metric of Object.values(comparison.metrics)) {
      expect(metric.difference).toBe(0);
      expect(metric.base).toBe(metric.variant);
    }
    for (const klass of Object.values(comparison.outcomes)) {
      expect(klass.difference).toBe(0);
      expect(klass.baseOnly + klass.variantOnly).toBe(0);
    }
    expect(report.divergedAt).toBeNull();
  });

  it('shows a non-zero difference and diverged runs for a player who deviated', () => {
    // Three months: by eight the withdrawal is announced in every run of either arm (the reference classes' pace).
    const report = afterAction(played(withdrawEveryMonth(3), 3), 200);
    const { comparison, deviations } = report.counterfactual;
    expect(deviations.length).toBeGreaterThan(0);
    expect(comparison.diverged).toBeGreaterThan(0);
    const moved = Object.values(comparison.metrics).filter((metric) => metric.difference !== 0);
    expect(moved.length).toBeGreaterThan(0);
    // Withdrawing every month makes an announced withdrawal likelier, not less likely.
    expect(comparison.events['us-withdrawal-announced']!.difference).toBeGreaterThan(0);
    expect(report.divergedAt).not.toBeNull();
  });

  it('pairs the runs on seeds derived from the record\'s, so it comes out the same every time', () => {
    const history = played(withdrawEveryMonth());
    expect(afterAction(history, 50).counterfactual).toEqual(afterAction(history, 50).counterfactual);
  });

  it('applies the same injects in both arms, so injects alone make no difference', () => {
    const injects: Intervention[] = [
      { kind: 'force', event: 'us-flights-declared-illegal', turn: 1 },
      { kind: 'block', event: 'russian-supplies', from: 2, to: 2 },
    ];
    const report = afterAction(played(injects), 100);
    expect(report.counterfactual.comparison.diverged).toBe(0);
    expect(report.interventions.map((item) => [item.turn, item.kind, item.event])).toEqual([
      [1, 'force', 'us-flights-declared-illegal'],
      [2, 'block', 'russian-supplies'],
    ]);
    expect(report.timeline[0]!.interventions[0]!.text).toBe('fired: The junta declares U.S. flights illegal');
  });
});

describe('where a run first diverged from its baseline', () => {
  it('is the first turn whose state hash differs from the same seed with no choices and no injects', () => {
    const history = played([{ kind: 'force', event: 'us-troops-ordered-out', turn: 3 }]);
    const report = afterAction(history, 10);
    expect(report.divergedAt).toBe(3);
    expect(report.indicators.find((item) => item.id === 'insurgency')!.run).toHaveLength(TURNS + 1);
  });
});
