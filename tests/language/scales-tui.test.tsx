import { describe, expect, it } from 'vitest';
import { run } from '../../src/engine/run.js';
import { IndicatorsPanel } from '../../src/tui/components/IndicatorsPanel.js';
import { indicatorRows } from '../../src/tui/view-model.js';
import { mount } from '../tui/helpers.js';
import { compileText } from './helpers.js';

const TROOPS = `format: 2
id: troops
title: Troops
version: "1"
start: "2024-01"
turns: 3
issues: []
actors:
  - id: mission
    name: Mission
indicators:
  - { id: troops, title: Troops, initial: 1000, range: [0, 8000], unit: troops }
  - { id: tension, title: Tension, initial: 0.5 }
cooperation: {}
rules:
  - id: surge
    title: Surge
    chance: 1
    effects:
      - add: { ind.troops: 3000 }
    narrative: "Now {ind.troops}."
    source: "Modelling assumption: a test."
outcomes:
  - { id: any, title: Any }
`;

describe('quantities on their own scale in the TUI', () => {
  it('shows an indicator with its unit and draws its sparkline over its range', () => {
    const scenario = compileText(TROOPS);
    const history = run(scenario, { seed: 1, turns: 2 });
    const rows = indicatorRows(scenario, history.kept, 2);
    expect(rows[0]!.scale).toEqual({ range: [0, 8000], unit: 'troops' });
    expect(rows[1]!.scale).toBeUndefined();
    const { frame } = mount(<IndicatorsPanel indicators={rows} width={60} height={3} />);
    // 1000, 4000, 7000 of 8000: the second, fifth and last of the eight bars.
    expect(frame()).toMatch(/Troops\s+7000 troops\s+\+3000\.00 ▂▅█/);
    expect(frame()).toMatch(/Tension\s+0\.50\s+▅▅▅/);
  });
});
