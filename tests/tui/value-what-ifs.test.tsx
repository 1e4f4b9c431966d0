import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { sectionPick, whatIfsAt, type WhatIf } from '../../src/tui/what-ifs.js';
import { nudged } from '../../src/tui/value-what-ifs.js';
import { activeBranch, reduce, startSession, whatIfsOf, type Session, type SessionAction } from '../../src/tui/session.js';
import { startHistory } from '../../src/engine/history.js';
import type { WorldState } from '../../src/engine/types.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { parseSpec } from '../../src/scenarios/load.js';
import { variantOptions } from '../../src/tui/variants.js';
import { KEY, mountApp, scenario } from './helpers.js';

afterEach(() => cleanup());

const apply = (session: Session, ...actions: SessionAction[]) => actions.reduce(reduce, session);

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

/** A scenario where nothing moves by itself, with quantities on their own scales. */
const KNOBS = `format: 2
id: knobs
title: Knobs
version: "1"
start: "2024-01"
turns: 6
issues:
  - { id: alignment, title: Alignment }
actors:
  - id: mission
    name: Mission
    stance: { alignment: 0.5 }
    attrs:
      budget: { initial: 60, range: [0, 100], unit: "%" }
      resolve: 0.3
    actions:
      - { id: wait, title: Wait, tends: Nothing happens., utility: 0 }
  - { id: host, name: Host }
indicators:
  - { id: troops, title: Troops, initial: 4500, range: [0, 5000], unit: troops }
  - { id: tension, title: Tension, initial: 0.2 }
cooperation:
  initial:
    mission: { host: 0.4 }
flags: { ceasefire: false }
rules: []
outcomes:
  - { id: any, title: Any }
`;
const knobs = compileScenario(parseSpec(KNOBS, 'knobs.yaml'));

/** The value at a path of a state, as a `set` intervention names it. */
function valueAt(state: WorldState, path: string): number | undefined {
  const [head, a = '', b = ''] = path.split('.');
  if (head === 'ind') return state.indicators[a];
  if (head === 'coop') return state.coop[a]?.[b];
  if (head === 'attr') return state.actors[a]?.attrs[b];
  if (head === 'stance') return state.actors[a]?.stance[b];
  if (head === 'salience') return state.actors[a]?.salience[b];
  return undefined;
}

const setOf = (item: WhatIf) => {
  if (item.fork.kind !== 'interventions') throw new Error('not an intervention');
  const intervention = item.fork.interventions[0]!;
  if (intervention.kind !== 'set') throw new Error('not a set');
  return intervention;
};

describe('the what-if menu sets every value a `set` intervention can', () => {
  const items = whatIfsAt(knobs, knobs.initial, 0, 6, []);

  it('offers indicators, attributes, cooperation, stances and saliences, section by section, and no flags', () => {
    expect([...new Set(items.map((item) => item.section))]).toEqual([
      'Set an indicator next month',
      'Set an attribute next month',
      'Set cooperation next month',
      'Set a stance next month',
      'Set a salience next month',
      'Choose an actor\'s action next month',
    ]);
    expect(items.filter((item) => item.section === 'Set cooperation next month').map((item) => [item.label, setOf(item).path])).toEqual([
      ['Mission ↔ Host: 0.2 (now 0.4)', 'coop.mission.host'],
      ['Mission ↔ Host: 0.6 (now 0.4)', 'coop.mission.host'],
    ]);
    expect(items.filter((item) => item.section === 'Set a stance next month').map((item) => [item.label, setOf(item).value])).toEqual([
      ['Mission on alignment: 0.1 (now 0.5)', 0.1],
      ['Mission on alignment: 0.9 (now 0.5)', 0.9],
      ['Host on alignment: -0.4 (now 0)', -0.4],
      ['Host on alignment: 0.4 (now 0)', 0.4],
    ]);
    expect(items.some((item) => /ceasefire/i.test(item.label))).toBe(false);
  });

  it('shows a quantity on its own scale with its unit, moved by a fifth of its range and kept within it', () => {
    const labels = (section: string) => items.filter((item) => item.section === section).map((item) => item.label);
    expect(labels('Set an indicator next month')).toEqual([
      'Troops: 3500 troops (now 4500 troops)',
      'Troops: 5000 troops (now 4500 troops)',
      'Tension: 0 (now 0.2)',
      'Tension: 0.4 (now 0.2)',
    ]);
    expect(labels('Set an attribute next month')).toEqual([
      'Mission, budget: 40% (now 60%)',
      'Mission, budget: 80% (now 60%)',
      'Mission, resolve: 0.1 (now 0.3)',
      'Mission, resolve: 0.5 (now 0.3)',
    ]);
    expect(nudged(4900, 0, 5000)).toEqual([3900, 5000]);
    expect(nudged(5000, 0, 5000)).toEqual([4000]);
    expect(nudged(120, 100, 200)).toEqual([100, 140]);
    expect(nudged(-0.9, -1, 1)).toEqual([-1, -0.5]);
  });

  it('forks a branch whose next month has the value set, for every value it offers', () => {
    const sets = whatIfsAt(knobs, knobs.initial, 2, 6, []).filter((item) => item.section.startsWith('Set '));
    expect(sets.length).toBe(18);
    const start = apply(startSession(startHistory(knobs, 5, 6)), { type: 'forward' }, { type: 'forward' });
    const opened = reduce(start, { type: 'open', mode: 'what-if' });
    const listed = whatIfsOf(opened);
    for (const item of sets) {
      const index = listed.findIndex((entry) => entry.label === item.label);
      const forked = apply(opened, { type: 'move', delta: index - opened.pick }, { type: 'choose' });
      const { path, value } = setOf(item);
      const next = activeBranch(forked).history.kept[3]!.state;
      expect(forked.turn).toBe(3);
      expect(forked.notice?.text).toContain(`set ${path} = ${value} at turn 3`);
      expect(valueAt(next, path), item.label).toBe(value);
      // Cooperation here is symmetric: the other direction moves with it.
      if (path === 'coop.mission.host') expect(next.coop.host?.mission).toBe(value);
    }
  });

  it('sets niger-2024\'s cooperation from the menu', () => {
    const opened = apply(startSession(startHistory(scenario, 123, 24)), { type: 'forward' }, { type: 'open', mode: 'what-if' });
    const index = whatIfsOf(opened).findIndex((item) => item.section === 'Set cooperation next month');
    expect(index).toBeGreaterThan(0);
    const item = whatIfsOf(opened)[index]!;
    const forked = apply(opened, { type: 'move', delta: index }, { type: 'choose' });
    const intervention = setOf(item);
    expect(intervention.path).toMatch(/^coop\./);
    expect(activeBranch(forked).history.interventions).toContainEqual(intervention);
    expect(forked.notice?.text).toContain(`set ${intervention.path} = ${intervention.value} at turn 2`);
  });
});

describe('the sections of the what-if menu', () => {
  it('jumps to the next and the previous section with Tab and Shift+Tab, and sets a salience from there', async () => {
    const items = whatIfsAt(scenario, scenario.initial, 0, 24, variantOptions('niger-2024', scenario));
    const firstOf = (section: string) => items.find((item) => item.section === section)!;
    const sections = [...new Set(items.map((item) => item.section))];
    expect(sectionPick(items, 0, 1)).toBe(items.indexOf(firstOf(sections[1]!)));
    expect(sectionPick(items, items.length - 1, 1)).toBe(items.length - 1);
    expect(sectionPick(items, items.length - 1, -1)).toBe(items.indexOf(firstOf(sections[sections.length - 2]!)));
    expect(sectionPick(items, 3, -1)).toBe(0);

    const app = mountApp();
    await app.press('b');
    await app.waitFor('Tab next section');
    // Force, block, variant, indicator, attribute, cooperation, stance: the eighth section is the saliences.
    const salience = firstOf('Set a salience next month');
    expect(sections.indexOf('Set a salience next month')).toBe(7);
    await app.press(...Array<string>(7).fill(KEY.tab));
    await app.waitFor(`▸ ${salience.label}`);
    await app.press(KEY.shiftTab);
    await app.waitFor(`▸ ${firstOf('Set a stance next month').label}`);
    await app.press(KEY.tab, KEY.enter);
    const set = setOf(salience);
    await app.waitFor(`Forked what-if 1 from main at turn 0: set ${set.path} = ${set.value} at turn 1`);
  });
});
