import { describe, expect, it } from 'vitest';
import { advanceTo, branch, startHistory } from '../../src/engine/history.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { variantOptions } from '../../src/tui/variants.js';
import { whatIfsAt } from '../../src/tui/what-ifs.js';
import { historyAt, scenario } from './helpers.js';

const variants = variantOptions('niger-2024', scenario);

describe('the what-if menu', () => {
  it('offers to force and to block every rule from the next turn, and every variant', () => {
    const items = whatIfsAt(scenario, scenario.initial, 0, 24, variants);
    const forces = items.filter((item) => item.fork.kind === 'interventions' && item.fork.interventions[0]!.kind === 'force');
    const blocks = items.filter((item) => item.fork.kind === 'interventions' && item.fork.interventions[0]!.kind === 'block');
    expect(forces).toHaveLength(scenario.rules.length);
    expect(blocks).toHaveLength(scenario.rules.length);
    expect(items.filter((item) => item.fork.kind === 'variant').map((item) => item.fork.kind === 'variant' && item.fork.variant))
      .toEqual(['us-withdrawal', 'russian-expansion', 'negotiated-stay', 'insurgent-surge']);
    expect(forces[0]!.fork).toMatchObject({ interventions: [{ kind: 'force', event: scenario.rules[0]!.id, turn: 1 }] });
  });

  it('ends blocks at the horizon, so the run record stays valid', () => {
    const items = whatIfsAt(scenario, scenario.initial, 5, 24, variants);
    const block = items.find((item) => item.section.startsWith('Block'))!;
    expect(block.fork).toMatchObject({ interventions: [{ kind: 'block', from: 6, to: 24 }] });
  });

  it('does not offer to force a once-only event that has already happened', () => {
    const history = historyAt(123, 3);
    const state = history.kept[3]!.state;
    expect(state.events['us-flights-declared-illegal']).toBeDefined();
    const labels = whatIfsAt(scenario, state, 3, 24, variants).map((item) => item.label);
    expect(labels).not.toContain('The junta declares U.S. flights illegal');
  });

  it('does not offer the variant already running', () => {
    const variant = loadScenario('niger-2024', 'us-withdrawal');
    const items = whatIfsAt(variant, variant.initial, 0, 24, variants);
    expect(items.some((item) => item.fork.kind === 'variant' && item.fork.variant === 'us-withdrawal')).toBe(false);
  });

  it('offers nothing at the horizon', () => {
    expect(whatIfsAt(scenario, scenario.initial, 24, 24, variants)).toEqual([]);
  });
});

describe('switching to a variant part-way', () => {
  it('moves the variant\'s own steps to the months after the switch', () => {
    const variant = variants.find((item) => item.id === 'negotiated-stay')!;
    const parent = advanceTo(startHistory(scenario, 4, 24), 5);
    const child = advanceTo(branch(parent, 5, [], variant.scenario), 7);
    expect(child.kept[6]!.events.find((event) => event.id === 'us-reassessment-talks')?.why.cause).toBe('forced');
    expect(child.kept[7]!.state.indicators.usPresence).toBeLessThanOrEqual(0.4);
  });

  it('makes a switched branch fire the variant\'s forced event in the month after the fork', () => {
    const variant = variants.find((item) => item.id === 'us-withdrawal')!;
    const parent = advanceTo(startHistory(scenario, 4, 24), 2);
    expect(parent.kept.some((turn) => turn.events.some((event) => event.id === 'us-withdrawal-announced'))).toBe(false);
    const child = advanceTo(branch(parent, 2, [], variant.scenario), 3);
    expect(child.kept[3]!.events.map((event) => event.id)).toContain('us-withdrawal-announced');
  });
});
