import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { injectTimeline, rolesFor } from '../../src/cli/commands/exercise.js';
import { Journal } from '../../src/host/journal.js';
import { consoleActions, consoleFeed } from '../../src/host/ink-console.js';
import { HostRuntime, startEntryOf } from '../../src/host/runtime.js';
import { instructorView } from '../../src/host/views.js';
import { builtinSpec, loadScenario } from '../../src/scenarios/load.js';
import { HostConsole, listRows, seatLine, type ConsoleActions, type ConsoleSnapshot } from '../../src/tui/host/HostConsole.js';
import { KEY, mount } from './helpers.js';

// The instructor's Ink console of `sandtable host`: its keys call the
// exercise's actions, it shows who has decided (never what), and its countdown
// follows the clock it is given, ticked by the timer it is given.

const work = mkdtempSync(join(tmpdir(), 'sandtable-host-console-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LINKS = [
  { who: 'usa', name: 'United States', url: 'http://127.0.0.1:8080/#uuuu', code: 'uuuu' },
  { who: 'screen', name: 'Projector', url: 'http://127.0.0.1:8080/screen#ssss', code: 'ssss' },
];

/** A hosted niger-2024 exercise of two teams, with a deadline of `deadline` minutes and the clock `now`. */
function hosted(name: string, deadline: number | null, now: () => number): HostRuntime {
  const scenario = loadScenario('niger-2024');
  const spec = builtinSpec('niger-2024');
  const roles = rolesFor(scenario, spec.roles, ['usa', 'russia']);
  const start = startEntryOf({
    scenario, seed: 9, turns: 4, roles, injects: injectTimeline(scenario, spec.injects, null), injectFile: false, deadline,
    tokens: { usa: 'u'.repeat(22), russia: 'r'.repeat(22), instructor: 'i'.repeat(22), screen: 's'.repeat(22) },
    recordPath: join(work, `${name}.json`), listen: '127.0.0.1:0',
  });
  return new HostRuntime(start, scenario, Journal.create(join(work, `${name}.journal.jsonl`), start), [], { writeFile: () => undefined, now });
}

/** The console on a real runtime; `tick` stands in for the one-second timer; `online` for the server's connections. */
function mountOn(runtime: HostRuntime, quit: (code: number) => void = () => undefined, online: Record<string, number> = {}) {
  const ticks: (() => void)[] = [];
  const app = mount(
    <HostConsole
      links={LINKS}
      read={() => instructorView(runtime.game, { remaining: runtime.remaining(), online })}
      remaining={() => runtime.remaining()}
      subscribe={consoleFeed(runtime)}
      actions={consoleActions(runtime, quit)}
      every={(tick) => { ticks.push(tick); return () => undefined; }}
    />,
  );
  return { ...app, tick: () => { for (const tick of ticks) tick(); } };
}

describe('the host console', () => {
  it('shows the links and codes, and who has decided without what they chose', async () => {
    const runtime = hosted('decided', null, () => 0);
    const app = mountOn(runtime);
    expect(app.frame()).toContain('United States (usa): http://127.0.0.1:8080/#uuuu  code uuuu');
    expect(app.frame()).toContain('Projector (screen)');
    expect(app.frame()).toContain('no deadline');
    expect(app.frame()).toMatch(/· United States: waiting/);
    runtime.submit({ t: 'choose', turn: 1, actor: 'usa', action: 'withdraw' });
    await app.waitFor(/✓ United States: decided/);
    expect(app.frame()).toContain('United States has decided.');
    expect(app.frame()).toMatch(/· Russia: waiting/);
    expect(app.frame()).not.toMatch(/withdraw/i);
    app.unmount();
    runtime.close();
  });

  it('shows a team going online and offline within a tick, with no change of the exercise', async () => {
    const runtime = hosted('online', null, () => 0);
    const online: Record<string, number> = {};
    const app = mountOn(runtime, () => undefined, online);
    expect(app.frame()).toContain('· United States: waiting (offline)');
    online.usa = 1;
    online.russia = 2;
    app.tick();
    await app.waitFor(/· United States: waiting\n/);
    expect(app.frame()).toMatch(/· Russia: waiting\n/);
    online.usa = 0;
    app.tick();
    await app.waitFor('· United States: waiting (offline)');
    app.unmount();
    runtime.close();
  });

  it('counts the deadline down by the clock, second by second, and stops it while paused', async () => {
    let now = 1_000_000;
    const runtime = hosted('clock', 2, () => now);
    const app = mountOn(runtime);
    expect(app.frame()).toContain('2:00 left');
    now += 1000;
    app.tick();
    await app.waitFor('1:59 left');
    now += 61_500;
    app.tick();
    await app.waitFor('0:58 left');
    await app.press('p');
    await app.waitFor('❚❚ paused, 0:58 left (the clock is stopped)');
    expect(runtime.game.paused).toBe(true);
    now += 30_000;
    app.tick();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(app.frame()).toContain('❚❚ paused, 0:58 left');
    await app.press('p');
    await app.waitFor('0:58 left');
    expect(runtime.game.paused).toBe(false);
    app.unmount();
    runtime.close();
  });

  it('fires and holds the selected inject or rule, ends the turn, shows and hides the odds, and quits', async () => {
    const runtime = hosted('keys', null, () => 0);
    const quit = vi.fn();
    const app = mountOn(runtime, quit);
    const items = instructorView(runtime.game, { remaining: null, online: {} }).items;
    expect(app.frame()).toContain(`› inject ${items[0]!.id}`);
    await app.press(KEY.down);
    await app.waitFor(`› inject ${items[1]!.id}`);
    await app.press('f');
    await app.waitFor(/will fire in/);
    expect(runtime.game.session.queue.fireInjects).toEqual([items[1]!.id]);
    await app.press('f');
    await app.waitFor(/scheduled\]/);
    expect(runtime.game.session.queue.fireInjects).toEqual([]);
    await app.press('h');
    await app.waitFor(`${items[1]!.id} [held]: ${items[1]!.title}`);
    expect(runtime.game.session.queue.holdInjects).toEqual([items[1]!.id]);
    expect(app.frame()).toContain('odds shown to the teams');
    await app.press('o');
    await app.waitFor('odds hidden from the teams');
    expect(runtime.game.session.odds).toBe(false);
    await app.press('o');
    await app.waitFor('odds shown to the teams');
    expect(runtime.game.session.odds).toBe(true);
    await app.press('e');
    await app.waitFor('End the turn now?');
    await app.press('e');
    await app.waitFor(/Decided by policy: United States, Russia/);
    expect(runtime.game.session.history.kept.length).toBe(2);
    expect(readFileSync(runtime.journal.path, 'utf8')).toContain('"reason":"instructor"');
    expect(quit).not.toHaveBeenCalled();
    await app.press('q');
    expect(quit).toHaveBeenCalledWith(0);
    app.unmount();
    runtime.close();
  });

  it('asks before ending a turn some teams have not chosen for, naming them; Esc keeps the turn going, a second e ends it', async () => {
    const runtime = hosted('confirm', null, () => 0);
    const app = mountOn(runtime);
    runtime.submit({ t: 'choose', turn: 1, actor: 'usa', action: 'withdraw' });
    await app.waitFor('✓ United States: decided');
    await app.press('e');
    await app.waitFor(/End the turn now\? Russia has not chosen and will be decided by its policy\. Press e again to end it,\s+Esc to keep it going\./);
    expect(app.frame()).toContain('e end the turn · Esc keep it going');
    expect(runtime.game.session.history.kept.length).toBe(1);
    await app.press(KEY.escape);
    await app.waitFor('The turn goes on.');
    expect(app.frame()).toContain('e end turn · o odds · q quit');
    expect(runtime.game.session.history.kept.length).toBe(1);
    // Another key also leaves the question: it does what it does, and a later e asks again.
    await app.press('e');
    await app.waitFor('End the turn now?');
    await app.press('o');
    await app.waitFor('odds hidden from the teams');
    expect(runtime.game.session.history.kept.length).toBe(1);
    await app.press('e', 'e');
    await app.waitFor(/Decided by policy: Russia/);
    expect(runtime.game.session.history.kept.length).toBe(2);
    expect(runtime.record().decidedByPolicy).toEqual([{ turn: 1, actor: 'russia', why: 'instructor' }]);
    app.unmount();
    runtime.close();
  });

  it('does not end the next turn when the asked one was played meanwhile', async () => {
    const runtime = hosted('stale', null, () => 0);
    const app = mountOn(runtime);
    await app.press('e');
    await app.waitFor('United States, Russia have not chosen and will be decided by their policies');
    runtime.submit({ t: 'choose', turn: 1, actor: 'usa', action: 'withdraw' });
    runtime.submit({ t: 'choose', turn: 1, actor: 'russia', action: 'expand-presence' });
    await app.waitFor('(turn 2 of 4)');
    await app.press('e');
    await app.waitFor('The turn was played meanwhile; the next one goes on.');
    expect(runtime.game.session.history.kept.length).toBe(2);
    app.unmount();
    runtime.close();
  });

  it('fits a small terminal: the title and the clock stay on screen and a seat drops its code before its link', async () => {
    expect(listRows(24, 5, 3)).toBe(3);
    expect(listRows(30, 5, 3)).toBe(9);
    expect(listRows(50, 5, 3)).toBe(10);
    expect(listRows(10, 5, 3)).toBe(3);
    const link = { who: 'usa', name: 'United States', url: 'http://127.0.0.1:33861/#vknGw1OC3rfBTuEgBZbuCg', code: 'vknGw1OC3rfBTuEgBZbuCg' };
    expect(seatLine(link, 100)).toBe('  United States (usa): http://127.0.0.1:33861/#vknGw1OC3rfBTuEgBZbuCg  code vknGw1OC3rfBTuEgBZbuCg');
    expect(seatLine(link, 80)).toBe('  United States (usa): http://127.0.0.1:33861/#vknGw1OC3rfBTuEgBZbuCg');

    const runtime = hosted('small', 10, () => 0);
    const app = mountOn(runtime);
    Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { value: 24, configurable: true });
    app.stdout.emit('resize');
    await app.waitFor(/^Deciding .*…$/m);
    const lines = app.frame().split('\n');
    // Below the terminal's 24 rows, with the list cut to fit: 21 lines with two seats, two teams and seven rows.
    expect(lines.length).toBe(21);
    expect(lines[0]).toMatch(/^Deciding May 2024 \(turn 1 of 4\) · Niger 2024/);
    expect(lines[1]).toContain('⏱ 10:00 left');
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    app.unmount();
    runtime.close();
  });

  it('once over, says where the record is in full (however long the path), without the turn\'s teams or its keys', () => {
    const path = `/home/instructor/classes/${'spring-term-'.repeat(8)}/sandtable-exercise-niger-2024-seed21-usa-russia-niger.json`;
    const snapshot: ConsoleSnapshot = {
      title: 'Niger 2024', deciding: 'August 2024', turn: 3, turns: 3, over: true, outcome: 'Multipolar hedge', paused: false, odds: true,
      teams: [{ actor: 'usa', name: 'United States', decided: false, online: 1 }], items: [],
    };
    const actions: ConsoleActions = { pause: vi.fn(), endTurn: vi.fn(), odds: vi.fn(), instruct: vi.fn(), quit: vi.fn() };
    const app = mount(<HostConsole links={[]} read={() => snapshot} remaining={() => null} subscribe={() => () => undefined} actions={actions} every={() => () => undefined} recordPath={path} />);
    expect(app.frame()).toContain('Over after 3 turns: Multipolar hedge · Niger 2024');
    expect(app.frame()).toContain('The record is written: sandtable report');
    expect(app.frame().replace(/\n/g, '')).toContain(path);
    expect(app.frame()).not.toContain('This turn');
    expect(app.frame()).not.toContain('United States: waiting');
    expect(app.frame()).toMatch(/q quit$/);
    expect(app.frame()).not.toContain('e end turn');
    app.unmount();
  });

  it('says why a key was refused and shows the scenario text sanitised', async () => {
    const snapshot: ConsoleSnapshot = {
      title: 'Evil\u001b[2J title', deciding: 'March 2024', turn: 0, turns: 4, over: false, outcome: null, paused: false, odds: false,
      teams: [{ actor: 'a', name: 'Red\u0007 team', decided: false, online: 1 }],
      items: [{ kind: 'rule', id: 'r1', title: 'Rule \u001b]0;x\u0007one', status: 'none' }],
    };
    const actions: ConsoleActions = {
      pause: vi.fn(() => 'ok'), endTurn: vi.fn(() => 'ok'), odds: vi.fn(() => 'ok'), quit: vi.fn(),
      instruct: vi.fn(() => { throw new Error('there is no rule `r1` to fire'); }),
    };
    const app = mount(<HostConsole links={[]} read={() => snapshot} remaining={() => null} subscribe={() => () => undefined} actions={actions} every={() => () => undefined} />);
    expect(app.frame()).not.toMatch(/\u001b\[2J|\u0007|\u001b\]0/);
    expect(app.frame()).toContain('Red team: waiting');
    await app.press('f');
    await app.waitFor('Refused: there is no rule `r1` to fire');
    expect(actions.instruct).toHaveBeenCalledWith('fire', 'rule', 'r1');
    app.unmount();
  });
});
