import { describe, expect, it } from 'vitest';
import { whyLine } from '../../src/engine/explain.js';
import { run } from '../../src/engine/run.js';
import { loadScenario } from '../../src/scenarios/load.js';

const scenario = loadScenario('niger-2024');

describe('explanations', () => {
  it('give every fired event its condition inputs, chance as computed, roll and source', () => {
    let checked = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const history = run(scenario, { seed, turns: 24 });
      for (const turn of history.kept.slice(1)) {
        const before = history.kept[turn.turn - 1]!.state;
        for (const event of turn.events) {
          const rule = scenario.rules.find((item) => item.id === event.id)!;
          expect(event.why.source).toBe(rule.source);
          if (event.why.cause !== 'rule') continue;
          const ctx = { choices: turn.state.actions, turn: turn.turn };
          const chance = Math.min(1, Math.max(0, rule.chance.evaluate(before, ctx)));
          expect(event.why.chance!.value).toBeCloseTo(chance, 6);
          expect(event.why.roll!).toBeLessThan(event.why.chance!.value);
          expect(event.why.chance!.working).toMatch(/=|^[0-9.]+$/);
          expect(event.why.chance!.expr).toBe(rule.chance.source);
          if (rule.condition !== null) {
            expect(event.why.condition!.value).toBe(true);
            expect(Object.keys(event.why.condition!.inputs).length).toBeGreaterThan(0);
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('shows the working of a chance with the values substituted', () => {
    const history = run(scenario, { seed: 1, turns: 1 });
    const flights = history.kept[1]!.events.find((event) => event.id === 'us-flights-declared-illegal')!;
    expect(whyLine(flights)).toBe('chance 0.4 + 0.5 × (1 − 0.25) × 0.9 = 0.7375, roll 0.2334 < 0.7375 → fired');
  });

  it('says when an event was forced by an intervention', () => {
    const history = run(scenario, { seed: 7, turns: 2, interventions: [{ kind: 'force', event: 'us-russia-cooperation', turn: 2 }] });
    const forced = history.kept[2]!.events.find((event) => event.id === 'us-russia-cooperation')!;
    expect(forced.why.cause).toBe('forced');
    expect(whyLine(forced)).toBe('forced by an intervention');
  });
});
