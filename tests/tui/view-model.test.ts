import { describe, expect, it } from 'vitest';
import { advanceTo, startHistory } from '../../src/engine/history.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { builtinSpec } from '../../src/scenarios/load.js';
import { forkBranch, mainBranch, reach } from '../../src/tui/branches.js';
import { compareAt } from '../../src/tui/branch-comparison.js';
import { actorRows, changesAt, cooperationOf, eventItem, indicatorRows, issuesOf } from '../../src/tui/view-model.js';
import { whatIfsAt } from '../../src/tui/what-ifs.js';

// Sequences a hostile scenario file could use: set the window title, clear the
// screen, change colours, ring the bell.
const EVIL = '\u001b]0;owned\u0007\u001b[2J\u001b[31m\u0007';
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const spec = builtinSpec('niger-2024');
const hostile = compileScenario({
  ...spec,
  actors: spec.actors.map((actor) => ({
    ...actor,
    name: `${actor.name}${EVIL}`,
    posture: actor.posture.map((item) => ({ ...item, label: `${item.label}${EVIL}` })),
    actions: actor.actions.map((action) => ({ ...action, title: `${action.title}${EVIL}` })),
  })),
  indicators: spec.indicators.map((item) => ({ ...item, title: `${item.title}${EVIL}` })),
  rules: spec.rules.map((rule) => ({ ...rule, title: `${rule.title}${EVIL}`, narrative: `${rule.narrative}${EVIL}`, source: `${rule.source}${EVIL}` })),
});
const history = advanceTo(startHistory(hostile, 1, 24), 4);

/** Every string inside a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe('text from a scenario on screen', () => {
  it('reaches the panels with every terminal control sequence stripped', () => {
    const shown = [
      issuesOf(hostile),
      actorRows(hostile, history.kept[4]!.state),
      indicatorRows(hostile, history.kept, 4),
      cooperationOf(hostile, history.kept[4]!.state),
      history.kept.slice(1).flatMap((turn) => turn.events.map(eventItem)),
      [1, 2, 3, 4].flatMap((turn) => changesAt(hostile, history.kept, turn)),
      whatIfsAt(hostile, history.kept[4]!.state, 4, 24, []).map((item) => item.label),
    ];
    const texts = strings(shown);
    expect(texts.some((text) => text.includes('Russian trainers and supplies arrive'))).toBe(true);
    for (const text of texts) expect(text).not.toMatch(CONTROL);
  });

  it('reaches the side-by-side view stripped too', () => {
    const parent = mainBranch(history);
    const child = reach(forkBranch(parent, 1, 2, {
      kind: 'interventions',
      interventions: [{ kind: 'set', path: 'ind.insurgency', value: 0.95, turn: 3 }],
      change: 'set',
    }), 4);
    const comparison = compareAt(hostile, parent, child, 4);
    expect(comparison.postures.length).toBeGreaterThan(0);
    for (const text of strings(comparison)) expect(text).not.toMatch(CONTROL);
  });
});
