import { describe, expect, it } from 'vitest';
import { startHistory } from '../../src/engine/history.js';
import { run } from '../../src/engine/run.js';
import { reduce, startExercise } from '../../src/tui/exercise/session.js';
import { optionRows } from '../../src/tui/exercise/view.js';
import { compileText, problemsOf } from './helpers.js';

// A government that may prepare a withdrawal only until it has announced one.
const WITHDRAWAL = `format: 2
id: available-actions
title: Available actions
version: "1"
start: "2024-01"
turns: 12
issues: []
actors:
  - id: usa
    name: United States
    rationality: 0
    actions:
      - id: hold
        title: Hold on
        tends: Nothing changes.
        utility: 0
      - id: prepare-withdrawal
        title: Prepare to withdraw
        tends: The withdrawal comes closer.
        available: "not flag.announced"
        utility: 5
indicators: []
cooperation: {}
flags: { announced: false }
rules:
  - id: announcement
    title: The withdrawal is announced
    chance: 0.5
    once: true
    effects:
      - flag: { announced: true }
    narrative: Washington announces its withdrawal.
    source: "Modelling assumption: a test."
outcomes:
  - { id: any, title: Any }
`;

describe('available actions', () => {
  it('never lets the policy choose an unavailable action, over many seeds', () => {
    const scenario = compileText(WITHDRAWAL);
    let afterAnnouncement = 0;
    let prepared = 0;
    for (let seed = 1; seed <= 200; seed += 1) {
      const history = run(scenario, { seed, turns: 12 });
      for (let t = 1; t < history.kept.length; t += 1) {
        const before = history.kept[t - 1]!.state;
        const choice = history.kept[t]!.decisions.find((d) => d.actor === 'usa')!;
        if (before.flags.announced) {
          afterAnnouncement += 1;
          expect(choice.action).toBe('hold');
          expect(choice.probability).toBe(1);
        } else if (choice.action === 'prepare-withdrawal') {
          prepared += 1;
        }
      }
    }
    // The test means something: the flag is often set, and the action is chosen while it is available.
    expect(afterAnnouncement).toBeGreaterThan(1000);
    expect(prepared).toBeGreaterThan(100);
  });

  it('takes the fallback when no action is available', () => {
    const text = WITHDRAWAL
      .replace('        utility: 0\n', '        utility: 0\n        available: "flag.announced and turn > 100"\n')
      .replace('    rationality: 0\n', '    rationality: 0\n    fallback: hold\n');
    const history = run(compileText(text), { seed: 3, turns: 12 });
    const last = history.kept[12]!;
    expect(history.kept[11]!.state.flags.announced).toBe(true);
    expect(last.decisions[0]!.action).toBe('hold');
  });

  it('refuses an actor whose every action has a condition and no fallback, naming the field', () => {
    const text = WITHDRAWAL.replace('        utility: 0\n', '        utility: 0\n        available: "turn > 2"\n');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/actors\[0\]\.fallback: every action of usa has `available:`, so at times none may be; leave one without it or name a `fallback:` action$/);
    expect(problemsOf(WITHDRAWAL.replace('    rationality: 0\n', '    rationality: 0\n    fallback: hodl\n')))
      .toEqual([expect.stringMatching(/^scenario\.yaml:\d+:\d+: actors\[0\]\.fallback: usa has no action `hodl`; did you mean `hold`\?$/)]);
  });

  it('refuses an unknown name in a condition', () => {
    expect(problemsOf(WITHDRAWAL.replace('not flag.announced', 'not flag.anounced'))[0])
      .toMatch(/^scenario\.yaml:20:\d+: actors\[0\]\.actions\[1\]\.available: unknown flag `anounced`; did you mean `announced`\?/);
  });
});

describe('available actions in an exercise', () => {
  it('offers a person only the actions available in the month they decide', () => {
    const scenario = compileText(WITHDRAWAL.replace('flags: { announced: false }', 'flags: { announced: true }'));
    const role = { actor: 'usa', name: 'United States', brief: 'Decide.', goals: [] };
    const open = compileText(WITHDRAWAL);
    const offered = (s: typeof scenario) =>
      optionRows(reduce(startExercise(startHistory(s, 1, 6), [role], []), { type: 'close' })).map((row) => row.id);
    expect(offered(open)).toEqual(['hold', 'prepare-withdrawal']);
    expect(offered(scenario)).toEqual(['hold']);
  });
});
