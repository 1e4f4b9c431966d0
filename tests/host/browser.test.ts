import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quote, terminalsIn } from '../e2e/terminal.js';
import { sandtable } from '../helpers.js';
import { WAIT_MS } from './helpers.js';

// The classroom in a real browser and a real terminal: Debian's Chromium,
// headless, three team pages and the projector on 127.0.0.1; the host runs in
// a tmux pane (a terminal of its own, so its console is the Ink screen) where
// the instructor presses keys and the test reads the screen before each next
// key. The host is killed with SIGKILL mid-turn and resumed from its journal
// in a new pane while the pages wait, and the pages get their seats back.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const { work, terminal } = terminalsIn('sandtable-host-browser-');
let context: BrowserContext;

beforeAll(async () => {
  context = await chromium.launchPersistentContext(join(work, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS });
});

afterAll(async () => {
  await context?.close();
});

async function until<T>(what: string, test: () => T | undefined | null | false): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = test();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function read(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

const ROLES = ['usa', 'russia', 'niger'] as const;
const HOSTILE = '<img src=x data-x="1"><script>window.pwned = 1</script>';

interface LinksFile {
  readonly journal: string;
  readonly record: string;
  readonly links: readonly { readonly who: string; readonly url: string; readonly code: string }[];
}

/** The host in a 120×45 tmux pane with CI=false (Ink draws), writing its links to a file; every wait on its screen is bounded by WAIT_MS. */
function host(args: string, name: string) {
  const pidFile = join(work, `${name}.pid`);
  const linksFile = join(work, `${name}.links.json`);
  const pane = terminal(`host ${args} --links ${quote(linksFile)}`, { columns: 120, rows: 45, pidFile, waitMs: WAIT_MS });
  return {
    ...pane,
    /** The links file, once the host has written it. */
    links: () => until(`the links of ${name}`, () => existsSync(linksFile) && read(linksFile).endsWith('}\n') && JSON.parse(read(linksFile)) as LinksFile),
    kill: () => process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL'),
  };
}

/** The journal's choices so far. */
function choices(journal: string): number {
  return read(journal).split('\n').filter((line) => line.includes('"t":"choose"')).length;
}

/** Click a team's action and wait until the host has journaled it; returns the action's title. */
async function choose(page: Page, index: number, journal: string): Promise<string> {
  const button = page.locator('ul.actions button').nth(index);
  const title = ((await button.textContent()) ?? '').replace(/ \(model: \d+%\)$/, '');
  const before = choices(journal);
  await button.click();
  await until(`the choice of ${title}`, () => choices(journal) > before);
  return title;
}

describe('the team pages in Chromium, the Ink console in tmux', () => {
  it('three teams play three turns; the instructor fires, pauses, hides the odds and ends a turn with keys; SIGKILL, resume, seats back; the record verifies', async () => {
    // An inject whose brief is HTML: the pages must show it as text.
    const injects = join(work, 'injects.json');
    writeFileSync(injects, JSON.stringify({ injects: [{ id: 'html-brief', turn: 1, event: 'us-flights-declared-illegal', brief: HOSTILE }] }));
    const roles = ROLES.map((role) => `--role ${role}`).join(' ');
    const first = host(`niger-2024 ${roles} --seed 21 --turns 3 --deadline 30 --injects ${quote(injects)} --listen 127.0.0.1:0`, 'first');
    await first.waitFor('Deciding May 2024 (turn 1 of 3)');
    const { journal, record: recordPath, links: seats } = await first.links();
    const links = Object.fromEntries(seats.map((seat) => [seat.who, seat.url]));
    // The console: every seat's link, nobody connected or decided, the deadline counting down.
    for (const seat of seats) expect(first.screen()).toContain(seat.url);
    await first.waitFor(/· United States: waiting \(offline\)\n {2}· Russia: waiting \(offline\)\n {2}· Niger \(CNSP\): waiting \(offline\)/);
    await first.waitFor(/⏱ 29:\d\d left · model's odds shown to the teams/);

    const errors: string[] = [];
    const pages: Page[] = [];
    for (const role of ROLES) {
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => { if (message.type() === 'error' && !/WebSocket/.test(message.text())) errors.push(message.text()); });
      const response = await page.goto(links[role]!);
      expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
      await page.getByTestId('brief').waitFor({ timeout: WAIT_MS });
      pages.push(page);
    }
    const screen = await context.newPage();
    await screen.goto(links.screen!);
    await screen.getByTestId('situation').waitFor({ timeout: WAIT_MS });
    expect(await pages[0]!.getByTestId('brief').textContent()).toContain('United States');
    await first.waitFor(/· United States: waiting\n {2}· Russia: waiting\n {2}· Niger \(CNSP\): waiting\n/);

    const chosen: string[][] = [[], [], []];
    // Turn 1: every team clicks; the first changes its mind.
    await choose(pages[0]!, 0, journal);
    chosen[0]!.push(await choose(pages[0]!, 1, journal));
    chosen[1]!.push(await choose(pages[1]!, 0, journal));
    // Before the turn ends the console and the projector show who decided, never what.
    await first.waitFor(/✓ United States: decided\n {2}✓ Russia: decided\n {2}· Niger \(CNSP\): waiting/);
    await first.waitFor('Russia has decided.');
    expect(first.screen()).not.toContain(chosen[1]![0]!);
    await screen.getByTestId('teams').getByText('Russia: decided').waitFor({ timeout: WAIT_MS });
    expect(await screen.locator('body').textContent()).not.toContain(chosen[1]![0]!);
    expect(await screen.getByTestId('brief').count()).toBe(0);
    chosen[2]!.push(await choose(pages[2]!, 0, journal));
    for (const page of pages) await page.getByTestId('month').getByText('(turn 1 of 3)').waitFor({ timeout: WAIT_MS });
    await first.waitFor('Deciding June 2024 (turn 2 of 3)');
    // The inject's HTML brief arrived as text: no element made of it, no script run.
    await pages[0]!.getByTestId('happened').getByText(HOSTILE).waitFor({ timeout: WAIT_MS });
    expect(await pages[0]!.locator('img').count()).toBe(0);
    expect(await pages[0]!.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();

    // The instructor goes down the list to the inject of month 9 and fires it in month 2, one key at a time.
    for (let row = 1; !/› inject iran-agreement /.test(first.screen()); row += 1) {
      expect(row).toBeLessThan(30);
      first.keys('Down');
      await first.waitFor(`Injects and rules (${row + 1} of`);
    }
    first.keys('f');
    await first.waitFor('iran-agreement will fire in June 2024.');
    // The clock stops and runs again.
    first.keys('p');
    await first.waitFor(/❚❚ paused, \d+:\d\d left \(the clock is stopped\)/);
    first.keys('p');
    await first.waitFor(/⏱ \d+:\d\d left · model's odds/);
    await first.waitFor('The clock runs again.');
    // The model's odds leave the teams' pages and come back.
    const odds = pages[0]!.locator('ul.actions button').first();
    expect(await odds.textContent()).toMatch(/\(model: \d+%\)$/);
    first.keys('o');
    await first.waitFor('odds hidden from the teams');
    const withOdds = pages[0]!.locator('ul.actions button', { hasText: '(model: ' });
    await withOdds.first().waitFor({ state: 'detached', timeout: WAIT_MS });
    first.keys('o');
    await first.waitFor('odds shown to the teams');
    await withOdds.first().waitFor({ timeout: WAIT_MS });

    // Turn 2: two teams choose; the host is killed mid-turn.
    chosen[0]!.push(await choose(pages[0]!, 2, journal));
    chosen[1]!.push(await choose(pages[1]!, 1, journal));
    await first.waitFor(/✓ United States: decided\n {2}✓ Russia: decided\n {2}· Niger \(CNSP\): waiting/);
    first.kill();
    expect(await first.exitCode()).toBe(137);
    await pages[0]!.getByTestId('reconnecting').waitFor({ timeout: WAIT_MS });

    // Resumed from the journal in a new terminal: the console shows who had decided; the pages reconnect by themselves, with their choices.
    const second = host(`--resume ${quote(journal)}`, 'second');
    await second.waitFor('Deciding June 2024 (turn 2 of 3)');
    expect((await second.links()).links).toEqual(seats);
    await second.waitFor(/✓ United States: decided\n {2}✓ Russia: decided\n {2}· Niger \(CNSP\): waiting/);
    await pages[0]!.getByTestId('reconnecting').waitFor({ state: 'detached', timeout: WAIT_MS });
    await pages[0]!.getByTestId('choice').getByText(chosen[0]![1]!).waitFor({ timeout: WAIT_MS });
    await second.waitFor(/· Niger \(CNSP\): waiting\n/);
    chosen[2]!.push(await choose(pages[2]!, 1, journal));
    for (const page of pages) await page.getByTestId('month').getByText('(turn 2 of 3)').waitFor({ timeout: WAIT_MS });
    await second.waitFor('Deciding July 2024 (turn 3 of 3)');

    // Turn 3, the last: Niger does not choose; the instructor ends the turn, is asked first, keeps it going once, then ends it.
    chosen[0]!.push(await choose(pages[0]!, 0, journal));
    chosen[1]!.push(await choose(pages[1]!, 2, journal));
    await second.waitFor(/✓ United States: decided\n {2}✓ Russia: decided\n {2}· Niger \(CNSP\): waiting/);
    second.keys('e');
    await second.waitFor('End the turn now? Niger (CNSP) has not chosen and will be decided by its policy.');
    await second.waitFor('e end the turn · Esc keep it going');
    second.keys('Escape');
    await second.waitFor('The turn goes on.');
    expect(read(journal)).not.toContain('"t":"play","turn":3');
    second.keys('e');
    await second.waitFor('End the turn now?');
    second.keys('e');
    await second.waitFor('Over after 3 turns: ');
    await second.waitFor('The record is written: sandtable report');
    expect(second.screen().replace(/\n/g, '')).toContain(recordPath);
    expect(second.screen()).not.toContain('This turn');
    for (const page of [...pages, screen]) await page.getByTestId('over').waitFor({ timeout: WAIT_MS });
    second.keys('q');
    expect(await second.exitCode()).toBe(0);

    expect(errors).toEqual([]);
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as { interventions: { kind: string; event?: string; turn: number }[]; decidedByPolicy?: unknown };
    expect(record.interventions).toContainEqual({ kind: 'force', event: 'iran-ties', turn: 2 });
    expect(record.decidedByPolicy).toEqual([{ turn: 3, actor: 'niger', why: 'instructor' }]);
    const verify = sandtable(['replay', '--verify', recordPath]);
    expect(verify.code, verify.stderr).toBe(0);
    const report = sandtable(['report', recordPath, '--runs', '20']);
    expect(report.code, report.stderr).toBe(0);
    // Niger's last choice is its policy's pick, which the report names.
    const picked = /\(turn 3\): \*\*Niger \(CNSP\)\*\* \(([^)]+)\), the instructor ended the turn/.exec(report.stdout)?.[1];
    expect(picked, report.stdout).toBeDefined();
    chosen[2]!.push(picked!);
    const names = ['United States', 'Russia', 'Niger (CNSP)'];
    for (const [i, name] of names.entries()) {
      for (const turn of [1, 2, 3]) {
        const title = chosen[i]![turn - 1]!;
        expect(report.stdout.split('\n').some((line) => line.includes(`(turn ${turn})`) && line.includes(name) && line.includes(title) && !line.includes('the instructor ended')), `${name} turn ${turn}: ${title}`).toBe(true);
      }
    }
  });
});
