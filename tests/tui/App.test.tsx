import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, mountApp } from './helpers.js';

afterEach(() => cleanup());

describe('App keys', () => {
  it('opens on turn 0 of the run', async () => {
    const app = mountApp();
    await app.waitFor('Turn 0/24 · April 2024 · seed 123 · branch main');
  });

  it('steps forward with → and l, and back with ← and h', async () => {
    const app = mountApp();
    await app.press(KEY.right, 'l', KEY.right);
    await app.waitFor('Turn 3/24 · July 2024');
    await app.press(KEY.left);
    await app.waitFor('Turn 2/24 · June 2024');
    await app.press('h');
    await app.waitFor('Turn 1/24');
  });

  it('takes a burst of keys in one read as separate presses', async () => {
    const app = mountApp();
    await app.press('lll');
    await app.waitFor('Turn 3/24');
  });

  it('jumps to the last turn with End and back to the start with Home', async () => {
    const app = mountApp();
    await app.press(KEY.end);
    await app.waitFor('Turn 24/24 · April 2026');
    await app.press(KEY.home);
    await app.waitFor('Turn 0/24');
  });

  it('autoplays with space and pauses with space', async () => {
    const app = mountApp({}, 5);
    await app.press(' ');
    await app.waitFor(/Turn [3-9]\/24|Turn 1\d\/24/);
    await app.press(' ');
    await app.waitFor(/^(?![\s\S]*▶)/);
    const paused = app.frame().match(/Turn (\d+)\/24/)![1];
    await app.press(KEY.right);
    await app.waitFor(`Turn ${Number(paused) + 1}/24`);
  });

  it('branches a what-if from the list with b, and shows it', async () => {
    const app = mountApp();
    await app.press('l', 'l', 'b');
    await app.waitFor('What if… (fork main at turn 2, June 2024)');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('Turn 3/24 · July 2024 · seed 123 · branch what-if 1');
    await app.waitFor('Forked what-if 1 from main at turn 2');
  });

  it('closes the what-if list with Esc without branching', async () => {
    const app = mountApp();
    await app.press('l', 'b');
    await app.waitFor('What if…');
    await app.press(KEY.escape);
    await app.waitFor('branch main');
    expect(app.frame()).not.toContain('What if…');
  });

  it('switches branches with Tab and shows one beside its parent with c', async () => {
    const app = mountApp();
    await app.press('l', 'b', KEY.enter);
    await app.waitFor('branch what-if 1');
    await app.press(KEY.tab);
    await app.waitFor('branch main');
    await app.press(KEY.shiftTab);
    await app.waitFor('branch what-if 1');
    await app.press('c');
    await app.waitFor('main (parent)');
    await app.waitFor('Side by side · forked at turn 1');
    await app.press('c');
    await app.waitFor('─ Actors');
  });

  it('lists the branches with t and switches to the one picked', async () => {
    const app = mountApp();
    await app.press('l', 'b', KEY.enter);
    await app.waitFor('branch what-if 1');
    await app.press('t');
    await app.waitFor('─ Branches');
    await app.press(KEY.up, KEY.enter);
    await app.waitFor('branch main');
  });

  it('exports the branch shown and says where the record went', async () => {
    const app = mountApp();
    await app.press('e');
    await app.waitFor('Wrote the run record of main (24 turns, to April 2026) to /tmp/main.json');
    expect(app.calls.exported).toEqual(['main']);
  });

  it('says why a branch cannot be exported', async () => {
    const app = mountApp({
      exportRecord: () => {
        throw new Error('cannot write /tmp/ro/main.json: permission denied');
      },
    });
    await app.press('e');
    await app.waitFor('cannot export: cannot write /tmp/ro/main.json: permission denied');
  });

  it('starts a new run with a new seed on s', async () => {
    const app = mountApp();
    await app.press('l', 's');
    await app.waitFor('Turn 0/24 · April 2024 · seed 777');
  });

  it('shows the key table on ? and closes it with Esc', async () => {
    const app = mountApp();
    await app.press('?');
    await app.waitFor('─ Keys');
    await app.press(KEY.escape);
    await app.waitFor('─ Actors');
  });

  it('opens the details of the selected event with Enter', async () => {
    const app = mountApp();
    await app.press('l', 'l', 'l', KEY.down, KEY.enter);
    await app.waitFor('July 2024 · event 2 of 4');
    await app.waitFor('Why chance');
  });

  it('quits with q and exit code 0', async () => {
    const app = mountApp();
    await app.press('q');
    expect(app.calls.exits).toEqual([0]);
    expect(app.calls.seeds).toEqual([123]);
  });

  it('reports the seed of the run on screen when quitting after a new seed', async () => {
    const app = mountApp();
    await app.press('s');
    await app.waitFor('seed 777');
    await app.press('q');
    expect(app.calls.seeds).toEqual([777]);
  });

  it('quits with Ctrl+C and exit code 130', async () => {
    const app = mountApp();
    await app.press(KEY.ctrlC);
    expect(app.calls.exits).toEqual([130]);
  });
});
