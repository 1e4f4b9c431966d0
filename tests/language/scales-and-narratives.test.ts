import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/engine/run.js';
import { sandtable } from '../helpers.js';
import { compileText, problemsOf } from './helpers.js';

// Troops counted in troops, clamped to what can be deployed; a narrative says how many.
const SCALES = `format: 2
id: scales
title: Quantities on their own scale
version: "1"
start: "2024-01"
turns: 6
issues: []
actors:
  - id: mission
    name: The mission
    attrs:
      morale: 0.5
      budget: { initial: 40, range: [0, 100], unit: "%" }
indicators:
  - { id: troops, title: Troops, initial: 4000, range: [0, 5000], unit: troops }
  - { id: tension, title: Tension, initial: 0.2 }
cooperation: {}
rules:
  - id: reinforcement
    title: Reinforcements
    chance: 1
    effects:
      - add: { ind.troops: 600, attr.mission.budget: 25, ind.tension: 0.3 }
    narrative: "Reinforcements arrive: {ind.troops} in the country, budget {attr.mission.budget}, tension {ind.tension}, month {month}. {Not a placeholder}\\u001b[31m"
    source: "Modelling assumption: a test."
outcomes:
  - { id: any, title: Any }
`;

describe('quantities on their own scale', () => {
  const scenario = compileText(SCALES);

  it('keeps a quantity within its declared range, and [0, 1] by default', () => {
    const history = run(scenario, { seed: 1, turns: 6 });
    expect(history.kept.map((kept) => kept.state.indicators.troops)).toEqual([4000, 4600, 5000, 5000, 5000, 5000, 5000]);
    expect(history.kept.map((kept) => kept.state.actors.mission!.attrs.budget)).toEqual([40, 65, 90, 100, 100, 100, 100]);
    expect(history.kept[6]!.state.indicators.tension).toBe(1);
    expect(scenario.target('ind.troops')).toMatchObject({ min: 0, max: 5000 });
  });

  it('refuses an initial value outside the range, and a range out of order, naming the field', () => {
    expect(problemsOf(SCALES.replace('initial: 4000', 'initial: 6000'))[0]).toMatch(/indicators\[0\]\.initial: must be at most 5000, not 6000$/);
    expect(problemsOf(SCALES.replace('range: [0, 100]', 'range: [100, 0]'))[0])
      .toMatch(/actors\[0\]\.attrs\.budget\.range: must be \[lowest, highest\] with lowest below highest, not \[100, 0\]$/);
    expect(problemsOf(SCALES.replace('initial: 0.2', 'initial: 1.5'))[0]).toMatch(/indicators\[1\]\.initial: must be at most 1, not 1\.5$/);
  });
});

describe('narratives with values', () => {
  it('fills in the values the event led to, with their units', () => {
    const history = run(compileText(SCALES), { seed: 1, turns: 6 });
    expect(history.kept[1]!.events[0]!.narrative)
      .toBe('Reinforcements arrive: 4600 troops in the country, budget 65%, tension 0.5, month 2. {Not a placeholder}\u001b[31m');
    expect(history.kept[2]!.events[0]!.narrative).toMatch(/^Reinforcements arrive: 5000 troops in the country, budget 90%, tension 0\.8, month 3\./);
  });

  it('shows a value whole with round, keeping its unit', () => {
    const text = SCALES.replace('add: { ind.troops: 600,', 'add: { ind.troops: 600.4,')
      .replace('narrative: "Reinforcements arrive: {ind.troops} in the country,', 'narrative: "Reinforcements arrive: {ind.troops}, {round(ind.troops)} in the country,');
    const history = run(compileText(text), { seed: 1, turns: 6 });
    expect(history.kept[1]!.events[0]!.narrative).toMatch(/^Reinforcements arrive: 4600\.4 troops, 4600 troops in the country,/);
  });

  it('prints them in run, stripped of control sequences', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandtable-narrative-'));
    const file = join(dir, 'scales.yaml');
    writeFileSync(file, SCALES);
    const { code, stdout, stderr } = sandtable(['run', file, '--seed', '1']);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('• Reinforcements arrive: 4600 troops in the country, budget 65%, tension 0.5, month 2. {Not a placeholder}');
    expect(stdout).not.toContain('\u001b');
  });

  it('refuses a placeholder naming nothing, with a suggestion', () => {
    expect(problemsOf(SCALES.replace('{ind.troops}', '{ind.trops}'))[0])
      .toMatch(/rules\[0\]\.narrative: unknown indicator `trops`; did you mean `troops`\?$/);
  });
});
