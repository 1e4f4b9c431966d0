import { describe, expect, it } from 'vitest';
import { run } from '../../src/engine/run.js';
import type { Intervention } from '../../src/engine/types.js';
import { compileText, problemsOf } from './helpers.js';

// Each turn: a flag follows an indicator, an effect applies only while the flag
// is on, and aid arrives in amounts drawn at random.
const EFFECTS = `format: 2
id: effects
title: Effects that say more
version: "1"
start: "2024-01"
turns: 12
issues: []
actors:
  - id: donor
    name: Donor
indicators:
  - { id: tension, title: Tension, initial: 0.3 }
  - { id: aid, title: Aid, initial: 0 }
  - { id: alarm, title: Alarm raised, initial: 0 }
cooperation: {}
flags: { crisis: false }
rules:
  - id: incident
    title: An incident
    chance: 0.5
    effects:
      - add: { ind.tension: 0.1 }
    narrative: Something happens.
    source: "Modelling assumption: a test."
  - id: aid-arrives
    title: Aid arrives
    chance: 1
    effects:
      - add: { ind.aid: { uniform: [0.02, 0.08] } }
    narrative: Aid arrives.
    source: "Modelling assumption: a test."
dynamics:
  - flag: { crisis: "ind.tension > 0.5" }
  - add: { ind.alarm: 0.01 }
    if: "flag.crisis"
outcomes:
  - { id: any, title: Any }
`;

describe('effects that say more', () => {
  const scenario = compileText(EFFECTS);

  it('sets a flag from an expression each time the effect applies', () => {
    let on = 0;
    let off = 0;
    for (let seed = 1; seed <= 20; seed += 1) {
      for (const kept of run(scenario, { seed, turns: 12 }).kept.slice(1)) {
        const { tension } = kept.state.indicators;
        expect(kept.state.flags.crisis).toBe(tension! > 0.5);
        if (kept.state.flags.crisis) on += 1;
        else off += 1;
      }
    }
    expect(on).toBeGreaterThan(10);
    expect(off).toBeGreaterThan(10);
  });

  it('applies an effect with `if:` only while its condition holds', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const { kept } = run(scenario, { seed, turns: 12 });
      for (let t = 1; t < kept.length; t += 1) {
        const grew = kept[t]!.state.indicators.alarm! - kept[t - 1]!.state.indicators.alarm!;
        expect(grew).toBeCloseTo(kept[t]!.state.flags.crisis ? 0.01 : 0, 9);
      }
    }
  });

  it('draws an effect size within its range, from the rule\'s own stream', () => {
    const sizes = new Set<number>();
    const whatIf: Intervention[] = [{ kind: 'block', event: 'incident', from: 1, to: 12 }];
    for (let seed = 1; seed <= 20; seed += 1) {
      const base = run(scenario, { seed, turns: 12 });
      const changed = run(scenario, { seed, turns: 12, interventions: whatIf });
      for (let t = 1; t < base.kept.length; t += 1) {
        const size = base.kept[t]!.state.indicators.aid! - base.kept[t - 1]!.state.indicators.aid!;
        if (base.kept[t - 1]!.state.indicators.aid! + 0.08 > 1) break;
        expect(size).toBeGreaterThanOrEqual(0.02 - 1e-6);
        expect(size).toBeLessThan(0.08 + 1e-6);
        sizes.add(size);
      }
      // Blocking the other rule changes tension, not the aid drawn.
      expect(changed.kept.map((kept) => kept.state.indicators.aid)).toEqual(base.kept.map((kept) => kept.state.indicators.aid));
    }
    expect(sizes.size).toBeGreaterThan(100);
  });

  it('names the field of a malformed effect', () => {
    expect(problemsOf(EFFECTS.replace('if: "flag.crisis"', 'if: "flag.crisiss"'))[0])
      .toMatch(/dynamics\[1\]\.if: unknown flag `crisiss`; did you mean `crisis`\?/);
    expect(problemsOf(EFFECTS.replace('"ind.tension > 0.5"', '"ind.tensoin > 0.5"'))[0])
      .toMatch(/dynamics\[0\]\.flag\.crisis: unknown indicator `tensoin`; did you mean `tension`\?/);
  });
});
