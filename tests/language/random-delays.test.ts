import { describe, expect, it } from 'vitest';
import { run } from '../../src/engine/run.js';
import type { History } from '../../src/engine/history.js';
import type { Intervention } from '../../src/engine/types.js';
import { compileText, problemsOf } from './helpers.js';

// A coup puts elections on the calendar two to six months later; protests are unrelated.
const DELAYS = `format: 2
id: random-delays
title: Random delays
version: "1"
start: "2024-01"
turns: 24
issues: []
actors:
  - id: junta
    name: Junta
indicators:
  - { id: unrest, title: Unrest, initial: 0.2 }
cooperation: {}
rules:
  - id: coup
    title: A coup
    chance: 0.3
    once: true
    effects:
      - schedule: { event: elections, in: { uniform: [2, 6] } }
    narrative: The army takes power.
    source: "Modelling assumption: a test."
  - id: elections
    title: Elections
    chance: 0
    narrative: Elections are held.
    source: "Modelling assumption: a test."
  - id: protest
    title: Protests
    chance: "ind.unrest"
    effects:
      - add: { ind.unrest: 0.1 }
    narrative: Crowds gather.
    source: "Modelling assumption: a test."
outcomes:
  - { id: any, title: Any }
`;

function firing(history: History, id: string): number | null {
  const turn = history.kept.find((kept) => kept.events.some((event) => event.id === id));
  return turn === undefined ? null : turn.turn;
}

describe('random delays', () => {
  const scenario = compileText(DELAYS);

  it('draws a whole number of months within the range, varying with the seed', () => {
    const delays = new Set<number>();
    for (let seed = 1; seed <= 100; seed += 1) {
      const history = run(scenario, { seed, turns: 24 });
      const coup = firing(history, 'coup');
      const elections = firing(history, 'elections');
      if (coup === null || coup + 6 > 24) continue;
      expect(elections).not.toBeNull();
      const delay = elections! - coup;
      expect(Number.isInteger(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(2);
      expect(delay).toBeLessThanOrEqual(6);
      delays.add(delay);
    }
    expect([...delays].sort()).toEqual([2, 3, 4, 5, 6]);
  });

  it('keeps the delay the same under a what-if that does not touch its rule', () => {
    const whatIfs: Intervention[][] = [
      [{ kind: 'force', event: 'protest', turn: 1 }],
      [{ kind: 'block', event: 'protest', from: 1, to: 24 }],
      [{ kind: 'set', path: 'ind.unrest', value: 0.9, turn: 1 }],
    ];
    let compared = 0;
    for (let seed = 1; seed <= 60; seed += 1) {
      const base = run(scenario, { seed, turns: 24 });
      const coup = firing(base, 'coup');
      if (coup === null || coup + 6 > 24) continue;
      for (const interventions of whatIfs) {
        const changed = run(scenario, { seed, turns: 24, interventions });
        expect(firing(changed, 'coup')).toBe(coup);
        expect(firing(changed, 'elections')).toBe(firing(base, 'elections'));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(60);
  });

  it('accepts an expression and a choice, and refuses a malformed delay naming the field', () => {
    const withDelay = (delay: string) => DELAYS.replace('{ uniform: [2, 6] }', delay);
    const fixed = compileText(withDelay('"1 + ind.unrest * 10"'));
    const history = run(fixed, { seed: 5, turns: 24 });
    const coup = firing(history, 'coup')!;
    // The coup's effects apply before the protest's, so the delay reads unrest as the turn began.
    const unrest = history.kept[coup - 1]!.state.indicators.unrest!;
    expect(firing(history, 'elections')).toBe(coup + Math.round(1 + unrest * 10));
    const chosen = run(compileText(withDelay('{ choice: [3, 5] }')), { seed: 5, turns: 24 });
    expect([3, 5]).toContain(firing(chosen, 'elections')! - firing(chosen, 'coup')!);
    expect(problemsOf(withDelay('{ uniform: [2, "ind.unrset"] }'))[0])
      .toMatch(/rules\[0\]\.effects\[0\]\.schedule\.in\.uniform\[1\]: unknown indicator `unrset`; did you mean `unrest`\?/);
  });

  it('leaves the draws of a scenario without random quantities as they were', () => {
    const plain = compileText(DELAYS.replace('{ uniform: [2, 6] }', '4'));
    expect(plain.randomKeys).toBeUndefined();
    expect(scenario.randomKeys).toEqual(['rule:coup/0']);
  });
});
