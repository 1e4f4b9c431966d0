import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/engine/record.js';
import { terminalsIn } from './terminal.js';
import { sandtable } from '../helpers.js';

const { work, terminal } = terminalsIn('sandtable-exercise-e2e-');

describe('an exercise in a real terminal', () => {
  it('is played as usa with the keyboard, exported, replays exactly, and its report names the chosen actions', async () => {
    const term = terminal('exercise --role usa --seed 7 --turns 3');
    await term.waitFor('Your role: United States (usa)');
    await term.waitFor('Turn 0/3 · April 2024 · seed 7');
    term.keys('Enter');
    await term.waitFor('United States decides for May 2024');

    // May: the third action, by its number.
    term.keys('3', 'Enter');
    await term.waitFor('Turn 1/3 · May 2024');
    await term.waitFor('INJECT "Following a recent visit by a U.S. delegation');
    await term.waitFor('United States chose: Prepare to withdraw');

    // The instructor holds back the next inject, then play goes on.
    term.keys('i');
    await term.waitFor('Instructor: injects and rules (next month is June 2024)');
    term.keys('j', 'x');
    await term.waitFor('second-russian-delivery is held back');
    term.keys('Escape');
    await term.waitFor('United States decides for June 2024');

    // June: the second action, reached with the arrow keys.
    term.keys('Down', 'Enter');
    await term.waitFor('Turn 2/3 · June 2024');
    await term.waitFor('Held back by the instructor: Russian trainers and supplies arrive');
    // July: the fourth action offered ("Prepare to withdraw" is no longer offered once the withdrawal is announced).
    term.keys('4', 'Enter');
    await term.waitFor('The exercise is over: the outcome in July 2024');

    term.keys('e');
    await term.waitFor('Wrote the exercise record (3 turns)');
    term.keys('q');
    expect(await term.exitCode()).toBe(0);

    const file = join(work, 'sandtable-exercise-niger-2024-seed7-usa.json');
    const record = parseRecord(readFileSync(file, 'utf8'));
    expect(record.interventions.filter((item) => item.kind === 'choose')).toEqual([
      { kind: 'choose', actor: 'usa', action: 'withdraw', turn: 1 },
      { kind: 'choose', actor: 'usa', action: 'pressure', turn: 2 },
      { kind: 'choose', actor: 'usa', action: 'negotiate', turn: 3 },
    ]);
    expect(record.interventions).toContainEqual({ kind: 'force', event: 'us-flights-declared-illegal', turn: 1 });
    expect(record.interventions).toContainEqual({ kind: 'block', event: 'russian-supplies', from: 2, to: 2 });

    const verified = sandtable(['replay', file, '--verify']);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^verified: .* replays exactly \(3 turns/);

    const report = sandtable(['report', file, '--runs', '50']);
    expect(report.code, report.stderr).toBe(0);
    const decisions = report.stdout.slice(report.stdout.indexOf('## Decisions'), report.stdout.indexOf('## Injects'));
    expect(decisions).toContain('| May 2024 (turn 1) | United States | **Prepare to withdraw** |');
    expect(decisions).toContain('| June 2024 (turn 2) | United States | **Press Niger to choose between partners** |');
    expect(decisions).toContain('| July 2024 (turn 3) | United States | **Reassess cooperation in talks** |');
    expect(report.stdout).toContain('**held back** Russian trainers and supplies arrive');
  });

  it('asks two roles in turn at one screen', async () => {
    const term = terminal('exercise --role usa --role russia --seed 11 --turns 2');
    await term.waitFor('Your role: United States (usa)');
    term.keys('Enter');
    await term.waitFor('United States decides for May 2024');
    term.keys('Enter');
    await term.waitFor('United States has chosen. Russia decides next.');
    await term.waitFor('Russia decides for May 2024');
    term.keys('2', 'Enter');
    await term.waitFor('Turn 1/2 · May 2024');
    await term.waitFor('Russia chose: Supply and train air defences');
    term.keys('C-c');
    expect(await term.exitCode()).toBe(130);
  });
});
