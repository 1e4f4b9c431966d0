import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isoMonth } from '../../src/engine/calendar.js';
import { run } from '../../src/engine/run.js';
import { outcomeOf } from '../../src/engine/outcome.js';
import { ROOT } from '../helpers.js';
import { compileText } from './helpers.js';

/** The YAML block of docs/writing-scenarios.md that starts with `# example: NAME`. */
function example(name: string): string {
  const doc = readFileSync(`${ROOT}docs/writing-scenarios.md`, 'utf8');
  const block = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!).find((text) => text.startsWith(`# example: ${name}\n`));
  if (block === undefined) throw new Error(`docs/writing-scenarios.md has no example "${name}"`);
  return block;
}

describe('the examples of docs/writing-scenarios.md, section 7', () => {
  const scenario = compileText(example('a peacekeeping mission'));

  it('loads and runs, doing what the section says of each construct', () => {
    let announced = 0;
    for (let seed = 1; seed <= 40; seed += 1) {
      const history = run(scenario, { seed, turns: 24 });
      const { kept } = history;
      let announcedAt = 0;
      for (let t = 1; t < kept.length; t += 1) {
        const before = kept[t - 1]!.state;
        const { state, events, decisions } = kept[t]!;
        // An unavailable action is never chosen.
        if (before.flags.withdrawing) expect(decisions[0]!.action).toBe('stay');
        // The flag set from an expression follows the calendar.
        const month = Number(isoMonth(scenario.start, t).slice(5));
        expect(state.flags.rainySeason).toBe(month >= 6 && month <= 9);
        for (const event of events) {
          if (event.id === 'withdrawal-announced') {
            announcedAt = t;
            expect(event.narrative).toMatch(/^Paris announces the withdrawal of its \d+ troops\.$/);
          }
          if (event.id === 'last-troops-leave') {
            expect(t - announcedAt).toBeGreaterThanOrEqual(3);
            expect(t - announcedAt).toBeLessThanOrEqual(8);
            expect(state.indicators.troops).toBe(0);
            expect(event.narrative).toMatch(/^The last soldiers leave in month \d+ of 20\d\d; insurgency stands at [\d.]+\.$/);
          }
          if (event.id === 'summit') expect(isoMonth(scenario.start, t)).toBe('2022-06');
        }
        expect(state.actors.france!.attrs.budget).toBeGreaterThanOrEqual(0);
      }
      const outcome = outcomeOf(scenario, kept[24]!.state);
      expect(outcome.metrics.announced).toBe(announcedAt);
      const insurgency = kept.slice(1).map((turn) => turn.state.indicators.insurgency!);
      expect(outcome.metrics.peak).toBe(Math.max(...insurgency));
      expect(outcome.class).toBe(Math.max(...insurgency) > 0.8 ? 'spiral' : 'contained');
      if (announcedAt > 0) announced += 1;
    }
    expect(announced).toBeGreaterThan(5);
  });
});
