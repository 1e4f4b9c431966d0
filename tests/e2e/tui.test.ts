import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord, replay } from '../../src/engine/record.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { quote, terminalsIn } from './terminal.js';

const { work, terminal } = terminalsIn('sandtable-tui-e2e-');

describe('the terminal UI in a real terminal', () => {
  it('steps forward and back, branches a what-if, exports it and quits with q (exit 0)', async () => {
    const term = terminal('--seed 123');
    await term.waitFor('Turn 0/24 · April 2024 · seed 123 · branch main');
    for (const turn of [1, 2, 3]) {
      term.keys('Right');
      await term.waitFor(`Turn ${turn}/24`);
    }
    await term.waitFor('Turn 3/24 · July 2024');
    term.keys('Left');
    await term.waitFor('Turn 2/24 · June 2024');

    term.keys('b');
    await term.waitFor('What if… (fork main at turn 2, June 2024)');
    term.keys('Enter');
    await term.waitFor('Turn 3/24 · July 2024 · seed 123 · branch what-if 1');
    await term.waitFor('Forked what-if 1 from main at turn 2');

    term.keys('e');
    await term.waitFor('Wrote the run record of what-if 1');
    const file = join(work, 'sandtable-niger-2024-seed123-what-if-1.json');
    const record = parseRecord(readFileSync(file, 'utf8'));
    expect(record.interventions).toHaveLength(1);
    expect(replay(record, loadScenario('niger-2024')).ok).toBe(true);

    term.keys('q');
    expect(await term.exitCode()).toBe(0);
  });

  it('leaves with exit code 130 on Ctrl+C', async () => {
    const term = terminal('--seed 5');
    await term.waitFor('Turn 0/24');
    term.keys('C-c');
    expect(await term.exitCode()).toBe(130);
  });

  it('stays below the terminal\'s height, says when the window is too small and reflows when resized', async () => {
    const term = terminal('--seed 9', { columns: 60, rows: 20 });
    await term.waitFor(/Window too small \(60×20\): sandtable needs at least\s+76×24/);
    term.resize(100, 30);
    await term.waitFor('─ Actors');
    const lines = term.screen().replace(/\n+$/, '').split('\n');
    expect(lines.length).toBeLessThan(30);
    expect(lines[0]).toContain('Turn 0/24');
    term.keys('q');
    expect(await term.exitCode()).toBe(0);
  });

  it('uses colour, and none at all under NO_COLOR', async () => {
    // FORCE_COLOR makes colour possible inside tmux whatever the test runner's environment says.
    const colour = /\u001b\[(?:[\d;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[\d;]*)?m/;
    const painted = terminal('--seed 2', { env: 'FORCE_COLOR=3' });
    await painted.waitFor('─ Cooperation');
    expect(painted.screen(true)).toMatch(colour);
    painted.keys('q');
    await painted.exitCode();

    const plain = terminal('--seed 2', { env: 'FORCE_COLOR=3 NO_COLOR=1' });
    await plain.waitFor('─ Cooperation');
    expect(plain.screen(true)).not.toMatch(colour);
    plain.keys('q');
    expect(await plain.exitCode()).toBe(0);
  });

  it('says in one line that it needs a terminal when its output is not one, and exits 2', async () => {
    const out = join(work, 'piped.out');
    const err = join(work, 'piped.err');
    const term = terminal(`> ${quote(out)} 2> ${quote(err)}`);
    expect(await term.exitCode()).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('');
    expect(readFileSync(err, 'utf8')).toMatch(/^sandtable: error: the terminal UI needs an interactive terminal; use `sandtable run`[^\n]*\n$/);
  });
});
