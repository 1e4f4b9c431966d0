import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/tui/changes.js';
import { ChangesPanel, describeChange } from '../../src/tui/components/ChangesPanel.js';
import { changesAt } from '../../src/tui/view-model.js';
import { historyAt, mount, scenario } from './helpers.js';

describe('ChangesPanel', () => {
  it('describes each kind of change in a few words', () => {
    expect(describeChange({ kind: 'indicator', label: 'Insurgency', from: 0.55, to: 0.59 })).toBe('Insurgency 0.55→0.59');
    expect(describeChange({ kind: 'indicator', label: 'Niger-Iran ties', from: 0.1103, to: 0.1141 })).toBe('Niger-Iran ties 0.110→0.114');
    expect(describeChange({ kind: 'flag', label: 'flightsIllegal', text: 'on' })).toBe('flightsIllegal on');
    expect(describeChange({ kind: 'move', label: 'usa', text: 'Prepare to withdraw' })).toBe('usa: Prepare to withdraw');
  });

  it('lists the changes of the turn shown, from the engine\'s list of changes', () => {
    const history = historyAt(123, 1);
    const { frame } = mount(<ChangesPanel changes={changesAt(scenario, history.kept, 1)} turn={1} width={40} height={30} />);
    expect(frame()).toContain('! flightsIllegal on');
    expect(frame()).toMatch(/↔ niger–usa 0\.25→0\.\d\d/);
  });

  it('says how many changes did not fit', () => {
    const changes: Change[] = Array.from({ length: 10 }, (_, i) => ({ kind: 'indicator', label: `Indicator ${i}`, from: 0, to: 0.5 }));
    const { frame } = mount(<ChangesPanel changes={changes} turn={1} width={40} height={5} />);
    expect(frame()).toContain('… 7 more');
    expect(frame().split('\n')).toHaveLength(5);
  });

  it('has nothing to show at turn 0', () => {
    const { frame } = mount(<ChangesPanel changes={[]} turn={0} width={40} height={4} />);
    expect(frame()).toContain('Nothing yet');
  });
});
