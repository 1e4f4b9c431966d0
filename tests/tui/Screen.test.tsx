import { describe, expect, it } from 'vitest';
import { startHistory } from '../../src/engine/history.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { builtinSpec } from '../../src/scenarios/load.js';
import { Screen } from '../../src/tui/components/Screen.js';
import { reduce, startSession, whatIfsOf, type Session, type SessionAction } from '../../src/tui/session.js';
import { variantOptions } from '../../src/tui/variants.js';
import { mount, scenario } from './helpers.js';

const variants = variantOptions('niger-2024', scenario);
const apply = (session: Session, ...actions: SessionAction[]) => actions.reduce(reduce, session);
const atThree = apply(startSession(startHistory(scenario, 123, 24), variants), { type: 'forward' }, { type: 'forward' }, { type: 'forward' });
const branched = apply(atThree, { type: 'open', mode: 'what-if' }, { type: 'choose' });

const screens: Record<string, Session> = {
  panels: atThree,
  help: reduce(atThree, { type: 'open', mode: 'help' }),
  'what-if list': reduce(atThree, { type: 'open', mode: 'what-if' }),
  'branch list': reduce(branched, { type: 'open', mode: 'branches' }),
  'event details': reduce(atThree, { type: 'open', mode: 'event' }),
  'side by side': reduce(branched, { type: 'compare' }),
  'panels with a long message': reduce(atThree, {
    type: 'notice',
    notice: { tone: 'info', text: `Wrote the run record of main (24 turns, to April 2026) to /${'long/'.repeat(30)}sandtable-niger-2024-seed123-main.json` },
  }),
};

const show = (session: Session, columns: number, rows: number) =>
  mount(<Screen session={session} columns={columns} rows={rows} whatIfs={session.mode === 'what-if' ? whatIfsOf(session) : []} />).frame();

describe('Screen', () => {
  for (const [name, session] of Object.entries(screens)) {
    it(`keeps the ${name} one row below the terminal's height at every size`, () => {
      for (const [columns, rows] of [[76, 24], [80, 24], [100, 30], [140, 45]] as const) {
        const lines = show(session, columns, rows).split('\n');
        expect(lines, `${columns}×${rows}`).toHaveLength(rows - 1);
        for (const line of lines) expect(line.length, `${columns}×${rows}: ${line}`).toBeLessThanOrEqual(columns);
      }
    });
  }

  it('shows every panel at once', () => {
    const frame = show(atThree, 100, 30);
    for (const title of ['Actors', 'Indicators', 'Cooperation', 'What changed', 'Events in July 2024']) expect(frame).toContain(`─ ${title}`);
    expect(frame).toContain('Turn 3/24 · July 2024 · seed 123 · branch main');
  });

  it('shows a long message, such as where a record was written, on two lines', () => {
    const text = `Wrote the run record of main (24 turns, to April 2026) to /home/teacher/classes/sahel/${'x'.repeat(30)}/sandtable-niger-2024-seed123-main.json`;
    const frame = show(reduce(atThree, { type: 'notice', notice: { tone: 'info', text } }), 100, 30);
    const lines = frame.split('\n');
    expect(lines).toHaveLength(29);
    expect(lines.slice(-2).map((line) => line.trim()).join(' ')).toBe(text);
  });

  it('says how big the window must be when it is too small', () => {
    const frame = show(atThree, 60, 20);
    expect(frame).toContain('Window too small (60×20): sandtable needs at least 76×24');
    expect(frame.split('\n').length).toBeLessThan(20);
  });

  it('strips terminal control sequences from every text a scenario supplies', () => {
    const spec = builtinSpec('niger-2024');
    const evil = '\u001b]0;owned\u0007\u001b[2J\u001b[31m';
    const hostile = compileScenario({
      ...spec,
      title: `Hostile${evil}`,
      actors: spec.actors.map((actor, i) => (i === 0
        ? { ...actor, name: `Niger${evil}`, posture: actor.posture.map((item) => ({ ...item, label: `${item.label}${evil}` })) }
        : actor)),
      indicators: spec.indicators.map((item) => ({ ...item, title: `${item.title}${evil}` })),
      rules: spec.rules.map((rule) => ({ ...rule, title: `${rule.title}${evil}`, narrative: `${rule.narrative}${evil}`, source: `${rule.source}${evil}` })),
    });
    let session = startSession(startHistory(hostile, 1, 24), []);
    session = apply(session, { type: 'forward' });
    const frames = [
      show(session, 100, 30),
      show(reduce(session, { type: 'open', mode: 'event' }), 100, 30),
      show(reduce(session, { type: 'open', mode: 'what-if' }), 100, 30),
    ];
    for (const frame of frames) {
      expect(frame).toContain('Hostile');
      expect(frame).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    expect(frames[0]).toContain('Niger');
  });
});
