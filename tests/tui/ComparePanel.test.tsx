import { describe, expect, it } from 'vitest';
import { forkBranch, mainBranch, reach } from '../../src/tui/branches.js';
import { compareAt } from '../../src/tui/branch-comparison.js';
import { ComparePanel, compareSummary } from '../../src/tui/components/ComparePanel.js';
import { historyAt, mount, scenario } from './helpers.js';

const parent = mainBranch(historyAt(123, 6));
const child = reach(forkBranch(parent, 1, 3, {
  kind: 'interventions',
  interventions: [{ kind: 'set', path: 'ind.insurgency', value: 0.95, turn: 4 }],
  change: 'set ind.insurgency = 0.95 at turn 4',
}), 6);

describe('ComparePanel', () => {
  it('shows the branch beside its parent and marks what differs', () => {
    const comparison = compareAt(scenario, parent, child, 6);
    const { frame } = mount(
      <ComparePanel comparison={comparison} parentName="main" branchName="what-if 1" change="set ind.insurgency = 0.95 at turn 4"
        forkTurn={3} month="October 2024" width={100} height={24} />,
    );
    expect(frame()).toContain('main (parent)');
    expect(frame()).toContain('what-if 1 (set ind.insurgency');
    expect(frame()).toMatch(/≠ Insurgency\s+0\.\d+/);
    expect(frame()).toContain('Differs since turn 4');
    expect(frame().split('\n').length).toBeLessThanOrEqual(24);
  });

  it('says when there is no difference yet', () => {
    const comparison = compareAt(scenario, parent, child, 3);
    expect(compareSummary(comparison)).toBe('No difference yet at this turn.');
  });
});
