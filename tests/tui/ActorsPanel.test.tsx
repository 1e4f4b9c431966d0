import { describe, expect, it } from 'vitest';
import { actorColumns, ActorsPanel, fitName } from '../../src/tui/components/ActorsPanel.js';
import { actorRows, issuesOf } from '../../src/tui/view-model.js';
import { historyAt, mount, scenario } from './helpers.js';

describe('ActorsPanel', () => {
  const state = historyAt(123, 3).kept[3]!.state;

  it('shows every actor with a stance bar per issue and its posture', () => {
    const { frame } = mount(<ActorsPanel issues={issuesOf(scenario)} actors={actorRows(scenario, state)} width={80} height={9} />);
    expect(frame()).toContain('Actors');
    expect(frame()).toMatch(/Niger \(CNSP\)\s+[·█]+│[·█]+/);
    expect(frame()).toContain('leaning to Russia');
    expect(frame()).toContain('strained');
    expect(frame()).toContain('alignment');
  });

  it('draws a US-aligned stance to the left of the centre and a Russia-aligned one to the right', () => {
    const rows = [
      { id: 'a', name: 'West', stance: [-1], posture: 'x' },
      { id: 'b', name: 'East', stance: [1], posture: 'y' },
    ];
    const { frame } = mount(<ActorsPanel issues={['alignment']} actors={rows} width={60} height={4} />);
    const bar = actorColumns(60, 1).bar;
    const half = Math.floor((bar - 1) / 2);
    expect(frame()).toContain(`West`);
    expect(frame()).toContain(`${'█'.repeat(half)}│${'·'.repeat(half)}`);
    expect(frame()).toContain(`${'·'.repeat(half)}│${'█'.repeat(half)}`);
  });

  it('never draws more lines than its height', () => {
    const { frame } = mount(<ActorsPanel issues={issuesOf(scenario)} actors={actorRows(scenario, state)} width={60} height={5} />);
    expect(frame().split('\n')).toHaveLength(5);
  });

  it('drops the part of a name in brackets before cutting it', () => {
    expect(fitName('JNIM (al-Qaida-linked)', 10)).toBe('JNIM');
    expect(fitName('Niger (CNSP)', 20)).toBe('Niger (CNSP)');
    expect(fitName('Mali and Burkina Faso', 10)).toBe('Mali and …');
  });
});
