import { describe, expect, it } from 'vitest';
import { IndicatorsPanel } from '../../src/tui/components/IndicatorsPanel.js';
import { indicatorRows } from '../../src/tui/view-model.js';
import { historyAt, mount, scenario } from './helpers.js';

describe('IndicatorsPanel', () => {
  it('shows each indicator with its value, its change this month and a sparkline of the months so far', () => {
    const rows = [{ id: 'insurgency', title: 'Insurgency', series: [0.5, 0.55, 0.6, 0.7] }];
    const { frame } = mount(<IndicatorsPanel indicators={rows} width={50} height={2} />);
    expect(frame()).toMatch(/Insurgency\s+0\.70\s+\+0\.10 ▅▅▅▆/);
  });

  it('shows no change at the first turn', () => {
    const rows = [{ id: 'airDefence', title: 'Air defence', series: [0.15] }];
    const { frame } = mount(<IndicatorsPanel indicators={rows} width={50} height={2} />);
    expect(frame()).toMatch(/Air defence\s+0\.15\s+▂/);
    expect(frame()).not.toMatch(/[+-]0\.\d\d/);
  });

  it('lists the scenario\'s indicators from the kept turns', () => {
    const history = historyAt(123, 3);
    const { frame } = mount(<IndicatorsPanel indicators={indicatorRows(scenario, history.kept, 3)} width={41} height={8} />);
    for (const indicator of ['Insurgency', 'U.S. presence', 'Russian presence', 'Air defence']) expect(frame()).toContain(indicator);
    expect(frame()).toContain(history.kept[3]!.state.indicators.usPresence!.toFixed(2));
  });
});
