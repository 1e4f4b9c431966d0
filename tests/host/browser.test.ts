import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sandtable } from '../helpers.js';
import { WAIT_MS } from './helpers.js';

// The classroom in a real browser: Debian's Chromium, headless, three team
// pages and the projector on 127.0.0.1; the host runs in tmux with its console,
// where the instructor types; it is killed with SIGKILL mid-turn and resumed
// from its journal while the pages wait, and the pages get their seats back.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const work = mkdtempSync(join(tmpdir(), 'sandtable-host-browser-'));
const session = `sandtable-host-${process.pid}`;
let context: BrowserContext;

beforeAll(async () => {
  context = await chromium.launchPersistentContext(join(work, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS });
});

afterAll(async () => {
  await context?.close();
  try {
    execFileSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
  } catch {
    // The session had ended.
  }
  rmSync(work, { recursive: true, force: true });
});

/** Start the host in the tmux session's window (a new one each time), its output to files; returns its pid file. */
function hostInTmux(args: readonly string[], name: string): { pid: string; out: string; err: string } {
  const pid = join(work, `${name}.pid`);
  const out = join(work, `${name}.out`);
  const err = join(work, `${name}.err`);
  const quoted = args.map((arg) => `'${arg}'`).join(' ');
  const line = `echo $$ > '${pid}'; exec '${process.execPath}' '${ROOT}bin/sandtable.js' host ${quoted} > '${out}' 2> '${err}'`;
  const exists = (() => {
    try {
      execFileSync('tmux', ['has-session', '-t', session], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  if (exists) execFileSync('tmux', ['new-window', '-t', session, '-c', work, 'sh', '-c', line]);
  else execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', '160', '-y', '50', '-c', work, 'sh', '-c', line]);
  return { pid, out, err };
}

async function until<T>(what: string, test: () => T | undefined | null | false): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = test();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function read(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/** Type a console command in the host's tmux window (the latest one). */
function type(text: string): void {
  execFileSync('tmux', ['send-keys', '-t', session, text, 'Enter']);
}

const ROLES = ['usa', 'russia', 'niger'] as const;
const HOSTILE = '<img src=x data-x="1"><script>window.pwned = 1</script>';

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

describe('the team pages in Chromium', () => {
  it('three teams play three turns in the browser; the instructor fires from the console; SIGKILL, resume, seats back; the record verifies', async () => {
    // An inject whose brief is HTML: the pages must show it as text.
    const injects = join(work, 'injects.json');
    writeFileSync(injects, JSON.stringify({ injects: [{ id: 'html-brief', turn: 1, event: 'us-flights-declared-illegal', brief: HOSTILE }] }));
    const first = hostInTmux(['niger-2024', ...ROLES.flatMap((role) => ['--role', role]), '--seed', '21', '--turns', '3', '--injects', injects, '--listen', '127.0.0.1:0'], 'first');
    const out = await until('the links', () => /\(turn 1 of 3\)/.test(read(first.out)) && read(first.out));
    const links = Object.fromEntries([...out.matchAll(/\(([a-z0-9-]+)\): (http:\/\/\S+)/g)].map((match) => [match[1]!, match[2]!]));
    const journal = await until('the journal', () => /journal (\S+\.journal\.jsonl);/.exec(read(first.err))?.[1]);
    const recordPath = /the record is written to (\S+\.json) after/.exec(read(first.err))![1]!;

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

    const chosen: string[][] = [[], [], []];
    // Turn 1: every team clicks; the first changes its mind.
    await choose(pages[0]!, 0, journal);
    chosen[0]!.push(await choose(pages[0]!, 1, journal));
    chosen[1]!.push(await choose(pages[1]!, 0, journal));
    // Before the turn ends the projector shows who decided, never what.
    await screen.getByTestId('teams').getByText('Russia: decided').waitFor({ timeout: WAIT_MS });
    expect(await screen.locator('body').textContent()).not.toContain(chosen[1]![0]!);
    expect(await screen.getByTestId('brief').count()).toBe(0);
    chosen[2]!.push(await choose(pages[2]!, 0, journal));
    for (const page of pages) await page.getByTestId('month').getByText('(turn 1 of 3)').waitFor({ timeout: WAIT_MS });
    // The inject's HTML brief arrived as text: no element made of it, no script run.
    await pages[0]!.getByTestId('happened').getByText(HOSTILE).waitFor({ timeout: WAIT_MS });
    expect(await pages[0]!.locator('img').count()).toBe(0);
    expect(await pages[0]!.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();

    // The instructor fires an inject of month 9 in month 2, from the console.
    type('f iran-agreement');
    await until('the console to fire', () => /iran-agreement will fire in/.test(read(first.out)));

    // Turn 2: two teams choose; the host is killed.
    chosen[0]!.push(await choose(pages[0]!, 2, journal));
    chosen[1]!.push(await choose(pages[1]!, 1, journal));
    await until('both choices journaled', () => read(journal).split('\n').filter((line) => line.includes('"t":"choose","turn":2')).length === 2);
    process.kill(Number(readFileSync(first.pid, 'utf8')), 'SIGKILL');
    await pages[0]!.getByTestId('reconnecting').waitFor({ timeout: WAIT_MS });

    // Resumed from the journal: the pages reconnect by themselves, with their choices.
    const second = hostInTmux(['--resume', journal], 'second');
    await until('the resumed host', () => /\(turn 2 of 3\)/.test(read(second.out)));
    await pages[0]!.getByTestId('reconnecting').waitFor({ state: 'detached', timeout: WAIT_MS });
    await pages[0]!.getByTestId('choice').getByText(chosen[0]![1]!).waitFor({ timeout: WAIT_MS });
    chosen[2]!.push(await choose(pages[2]!, 1, journal));
    for (const page of pages) await page.getByTestId('month').getByText('(turn 2 of 3)').waitFor({ timeout: WAIT_MS });

    // Turn 3, the last.
    chosen[0]!.push(await choose(pages[0]!, 0, journal));
    chosen[1]!.push(await choose(pages[1]!, 2, journal));
    chosen[2]!.push(await choose(pages[2]!, 2, journal));
    for (const page of [...pages, screen]) await page.getByTestId('over').waitFor({ timeout: WAIT_MS });
    type('q');

    expect(errors).toEqual([]);
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as { interventions: { kind: string; event?: string; turn: number }[] };
    expect(record.interventions).toContainEqual({ kind: 'force', event: 'iran-ties', turn: 2 });
    const verify = sandtable(['replay', '--verify', recordPath]);
    expect(verify.code, verify.stderr).toBe(0);
    const report = sandtable(['report', recordPath, '--runs', '20']);
    expect(report.code, report.stderr).toBe(0);
    const names = ['United States', 'Russia', 'Niger (CNSP)'];
    for (const [i, name] of names.entries()) {
      for (const turn of [1, 2, 3]) {
        const title = chosen[i]![turn - 1]!;
        expect(report.stdout.split('\n').some((line) => line.includes(`(turn ${turn})`) && line.includes(name) && line.includes(title)), `${name} turn ${turn}: ${title}`).toBe(true);
      }
    }
  });
});
