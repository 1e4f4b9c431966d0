import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { whatIfsAt } from '../../src/tui/what-ifs.js';
import { variantOptions } from '../../src/tui/variants.js';
import { KEY, mountApp, scenario } from './helpers.js';

afterEach(() => cleanup());

describe('the what-if menu sets values and chooses actions', () => {
  it('offers each indicator lower and higher, and each action of each actor, for the next month', () => {
    const items = whatIfsAt(scenario, scenario.initial, 2, 24, variantOptions('niger-2024', scenario));
    const sets = items.filter((item) => item.section === 'Set an indicator next month');
    const chooses = items.filter((item) => item.section === 'Choose an actor\'s action next month');
    const insurgency = scenario.initial.indicators.insurgency!;
    expect(sets.filter((item) => item.fork.kind === 'interventions' && item.fork.interventions[0]!.kind === 'set'
      && item.fork.interventions[0]!.path === 'ind.insurgency').map((item) => item.fork.kind === 'interventions' && item.fork.interventions[0]))
      .toEqual([
        { kind: 'set', path: 'ind.insurgency', value: Math.round((insurgency - 0.2) * 100) / 100, turn: 3 },
        { kind: 'set', path: 'ind.insurgency', value: Math.round((insurgency + 0.2) * 100) / 100, turn: 3 },
      ]);
    expect(chooses).toHaveLength(scenario.actors.reduce((sum, actor) => sum + actor.actions.length, 0));
    expect(chooses[0]!.fork).toMatchObject({ interventions: [{ kind: 'choose', actor: scenario.actors[0]!.id, action: scenario.actors[0]!.actions[0]!.id, turn: 3 }] });
  });

  it('branches with the chosen action from the list, saying what it changed', async () => {
    const app = mountApp();
    await app.press('l', 'l', 'b');
    await app.waitFor('What if…');
    const actor = scenario.actors[scenario.actors.length - 1]!;
    const action = actor.actions[actor.actions.length - 1]!;
    await app.press(KEY.end);
    await app.waitFor(`▸ ${actor.name}: ${action.title}`);
    await app.press(KEY.enter);
    await app.waitFor(`Forked what-if 1 from main at turn 2: ${actor.id} chooses ${action.id} at turn 3`);
    await app.waitFor('Turn 3/24 · July 2024 · seed 123 · branch what-if 1');
  });
});
