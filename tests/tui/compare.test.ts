import { describe, expect, it } from 'vitest';
import { forkBranch, mainBranch, reach } from '../../src/tui/branches.js';
import { compareAt } from '../../src/tui/branch-comparison.js';
import { historyAt, scenario } from './helpers.js';

const parent = mainBranch(historyAt(123, 8));
const forked = (interventions: Parameters<typeof forkBranch>[3]) => reach(forkBranch(parent, 1, 3, interventions), 8);

describe('a branch beside its parent', () => {
  it('finds no difference for a what-if that changes nothing', () => {
    const same = forked({ kind: 'interventions', interventions: [], change: 'nothing' });
    const comparison = compareAt(scenario, parent, same, 8);
    expect(comparison.firstDifference).toBeNull();
    expect(comparison.indicators.some((item) => item.differs)).toBe(false);
    expect(comparison.branchEvents.every((item) => item.shared)).toBe(true);
  });

  it('marks the indicators and events that differ, from the first turn the what-if acts on', () => {
    const surge = forked({
      kind: 'interventions',
      interventions: [{ kind: 'set', path: 'ind.insurgency', value: 0.95, turn: 4 }],
      change: 'set ind.insurgency = 0.95 at turn 4',
    });
    const comparison = compareAt(scenario, parent, surge, 8);
    expect(comparison.firstDifference).toBe(4);
    const insurgency = comparison.indicators.find((item) => item.id === 'insurgency')!;
    expect(insurgency.differs).toBe(true);
    expect(insurgency.branch[insurgency.branch.length - 1]).toBe(surge.history.kept[8]!.state.indicators.insurgency);
    expect(insurgency.parent.slice(0, 4)).toEqual(insurgency.branch.slice(0, 4));
    expect(comparison.postures.map((item) => item.actor)).toEqual(expect.arrayContaining(['jnim', 'is-sahel']));
  });

  it('lists the events on each side and whether the other side has them', () => {
    const blocked = forked({
      kind: 'interventions',
      interventions: [{ kind: 'block', event: 'russian-supplies', from: 4, to: 24 }],
      change: 'block russian-supplies from turn 4',
    });
    for (let turn = 4; turn <= 8; turn += 1) {
      const comparison = compareAt(scenario, parent, blocked, turn);
      expect(comparison.branchEvents.some((item) => item.id === 'russian-supplies')).toBe(false);
      const supplies = comparison.parentEvents.find((item) => item.id === 'russian-supplies');
      if (supplies !== undefined) expect(supplies.shared).toBe(false);
    }
  });
});
