import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../src/engine/outcome.js';
import { runFast } from '../../src/engine/run.js';
import { BUILTIN_DIR, builtinSpec, loadScenario } from '../../src/scenarios/load.js';

const article = readFileSync(`${BUILTIN_DIR}niger-2024.article.txt`, 'utf8');
const spec = builtinSpec('niger-2024');
const scenario = loadScenario('niger-2024');

/** Share of `runs` seeds in which `test` holds. */
function share(runs: number, variant: string | null, test: (fast: ReturnType<typeof runFast>) => boolean): number {
  const compiled = variant === null ? scenario : loadScenario('niger-2024', variant);
  let hits = 0;
  for (let seed = 0; seed < runs; seed += 1) if (test(runFast(compiled, { seed, turns: 24 }))) hits += 1;
  return hits / runs;
}

describe('the niger-2024 scenario', () => {
  it('grounds every rule in a quotation of the article or a stated modelling assumption', () => {
    for (const rule of spec.rules) {
      // niger-2024 writes its sources as text; toMatch fails on any other form.
      const source = rule.source as string;
      expect(source, rule.id).toMatch(/^(Article: "|Modelling assumption: )/);
      const quotes = [...source.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
      if (source.startsWith('Article:')) expect(quotes.length, rule.id).toBeGreaterThan(0);
      for (const quote of quotes) expect(article, `${rule.id} quotes "${quote}"`).toContain(quote);
    }
  });

  it('has the actors, indicators and events that outside checks count', () => {
    const actors = spec.actors.map((actor) => actor.id);
    for (const id of ['niger', 'usa', 'russia', 'iran', 'jnim', 'is-sahel']) expect(actors).toContain(id);
    const indicators = spec.indicators.map((indicator) => indicator.id);
    for (const id of ['insurgency', 'usPresence', 'russianPresence', 'airDefence', 'civilianSecurity']) expect(indicators).toContain(id);
    const rules = spec.rules.map((rule) => rule.id);
    for (const id of ['us-flights-declared-illegal', 'us-withdrawal-announced', 'us-withdrawal-complete', 'russian-expansion', 'us-russia-cooperation']) {
      expect(rules).toContain(id);
    }
  });

  it('has the variants the design names', () => {
    expect(spec.variants.map((variant) => variant.id)).toEqual(
      expect.arrayContaining(['us-withdrawal', 'russian-expansion', 'negotiated-stay', 'insurgent-surge']),
    );
  });

  it('starts in April 2024 with the U.S. present and Russian trainers just arrived', () => {
    expect(scenario.start).toEqual({ year: 2024, month: 4 });
    expect(scenario.initial.indicators.usPresence).toBeGreaterThan(scenario.initial.indicators.russianPresence!);
    expect(scenario.initial.coop.niger!.russia).toBeGreaterThan(scenario.initial.coop.niger!.usa!);
  });

  it('makes a U.S. withdrawal likely and U.S.-Russia cooperation unlikely, as analysts expected in April 2024', () => {
    const announced = share(400, null, (fast) => fast.firstFired['us-withdrawal-announced'] !== undefined);
    const cooperation = share(400, null, (fast) => fast.firstFired['us-russia-cooperation'] !== undefined);
    expect(announced).toBeGreaterThan(0.8);
    expect(cooperation).toBeLessThan(0.15);
  });

  it('lets the variants move the outcomes the way their names say', () => {
    const pivot = (variant: string | null) =>
      share(300, variant, (fast) => outcomeOf(loadScenario('niger-2024', variant), fast.state).class === 'russian-pivot-consolidated');
    const usStays = share(300, 'negotiated-stay', (fast) => fast.state.indicators.usPresence! > 0.2);
    const deterioration = (variant: string | null) =>
      share(300, variant, (fast) => outcomeOf(scenario, fast.state).class === 'security-deterioration');
    expect(usStays).toBe(1);
    expect(pivot('negotiated-stay')).toBe(0);
    expect(deterioration('insurgent-surge')).toBeGreaterThan(deterioration(null));
    expect(share(300, 'us-withdrawal', (fast) => (fast.firstFired['us-withdrawal-complete'] ?? 99) <= 8)).toBeGreaterThan(0.9);
  });

  it('never offers the U.S. the preparation to withdraw once the withdrawal is announced, nor Niger an order given already', () => {
    const { layout } = scenario;
    const usa = layout.actorIndex.get('usa')!;
    const niger = layout.actorIndex.get('niger')!;
    const withdraw = layout.actions[usa]!.indexOf('withdraw');
    const orderOut = layout.actions[niger]!.indexOf('order-us-out');
    const announced = layout.eventIndex.get('us-withdrawal-announced')!;
    const ordered = layout.eventIndex.get('us-troops-ordered-out')!;
    let afterAnnouncement = 0;
    let withdrawBefore = 0;
    let withdrawAfter = 0;
    let orderAfter = 0;
    for (let seed = 0; seed < 400; seed += 1) {
      runFast(scenario, { seed, turns: 24 }, (frame) => {
        // Choices are made at the start of a turn, so the flag an event sets binds from the next turn on.
        const announcedBefore = frame.count[announced]! > 0 && frame.first[announced]! < frame.turn;
        const orderedBefore = frame.count[ordered]! > 0 && frame.first[ordered]! < frame.turn;
        if (announcedBefore) afterAnnouncement += 1;
        if (frame.chosen[usa] === withdraw) {
          if (announcedBefore) withdrawAfter += 1;
          else withdrawBefore += 1;
        }
        if (frame.chosen[niger] === orderOut && (announcedBefore || orderedBefore)) orderAfter += 1;
      });
    }
    expect(afterAnnouncement).toBeGreaterThan(1000);
    expect(withdrawBefore).toBeGreaterThan(0);
    expect(withdrawAfter).toBe(0);
    expect(orderAfter).toBe(0);
  });

  it('reaches more than one outcome class over many seeds', () => {
    const classes = new Set<string>();
    for (let seed = 0; seed < 300; seed += 1) classes.add(outcomeOf(scenario, runFast(scenario, { seed, turns: 24 }).state).class);
    expect(classes.size).toBeGreaterThanOrEqual(3);
  });
});
