import { describe, expect, it } from 'vitest';
import { cell, CooperationPanel, heatColor } from '../../src/tui/components/CooperationPanel.js';
import { cooperationOf } from '../../src/tui/view-model.js';
import { mount, scenario } from './helpers.js';

describe('CooperationPanel', () => {
  it('shows the cooperation level of every pair, with the actors on both axes', () => {
    const { frame } = mount(<CooperationPanel cooperation={cooperationOf(scenario, scenario.initial)} width={35} height={9} />);
    const lines = frame().split('\n');
    expect(lines[1]).toMatch(/nig\s+usa\s+rus\s+ira\s+jni\s+is-\s+nei/);
    // niger–usa is 0.25 and niger–neighbours 0.7 at the start, read both ways.
    expect(lines[2]).toMatch(/^niger\s+·\s+\.25 \.55 \.30 \.00 \.00 \.70/);
    expect(lines[3]).toMatch(/^usa\s+\.25\s+·/);
  });

  it('prints levels in three characters', () => {
    expect(cell(0.25)).toBe('.25');
    expect(cell(0)).toBe('.00');
    expect(cell(1)).toBe('1.0');
  });

  it('colours the heat map from no cooperation to close cooperation in steps', () => {
    const colours = [0, 0.3, 0.5, 0.7, 1].map(heatColor);
    expect(new Set(colours).size).toBe(5);
    expect(heatColor(0.05)).toBe(heatColor(0));
    expect(heatColor(0.99)).toBe(heatColor(1));
  });
});
