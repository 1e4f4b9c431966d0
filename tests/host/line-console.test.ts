import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHost, WAIT_MS, type RunningHost } from './helpers.js';

// The line console: what the instructor gets when the host's input or output
// is not a terminal (a pipe, a log file, a service). Commands are typed and
// Enter; every answer is printed. And `--links FILE`, for a script that hands
// the links out.

const work = mkdtempSync(join(tmpdir(), 'sandtable-host-line-'));
const hosts: RunningHost[] = [];

afterAll(() => {
  for (const host of hosts) host.process.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

/** Wait (bounded) until the host's output matches `pattern` after the first `from` characters. */
async function printed(host: RunningHost, pattern: RegExp, from = 0): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const match = pattern.exec(host.stdout().slice(from));
    if (match !== null) return match[0];
    if (Date.now() > deadline) throw new Error(`no ${pattern} in time; the output:\n${host.stdout()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the line console of sandtable host', () => {
  it('writes the links file, and takes status, list, fire, pause, odds, end-turn and quit commands', async () => {
    const linksFile = join(work, 'links.json');
    const running = await startHost(['niger-2024', '--role', 'usa', '--role', 'russia', '--seed', '4', '--turns', '2', '--deadline', '30', '--listen', '127.0.0.1:0', '--links', linksFile], work);
    hosts.push(running);
    const type = (line: string) => running.process.stdin!.write(`${line}\n`);

    // The links file: the tokens, so readable by its owner only, and the same links as printed.
    expect(statSync(linksFile).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(linksFile, 'utf8')) as { format: string; version: number; journal: string; record: string; links: { who: string; name: string; url: string; code: string }[] };
    expect(file.format).toBe('sandtable-host-links');
    expect(file.version).toBe(1);
    expect(file.journal).toBe(running.journal);
    expect(file.record).toBe(running.record);
    expect(Object.fromEntries(file.links.map((link) => [link.who, link.url]))).toEqual(running.links);
    for (const link of file.links) expect(link.url.endsWith(`#${link.code}`)).toBe(true);
    expect(running.stderr()).toContain(`the links are written to ${linksFile}`);

    // Status: nobody has decided; the deadline counts down.
    expect(running.stdout()).toMatch(/\(turn 1 of 2\) · decided: nobody · waiting: United States \(offline\), Russia \(offline\) · \d+:\d\d left · odds shown/);
    let from = running.stdout().length;
    type('l');
    await printed(running, /inject iran-agreement: Niger and Iran deepen ties \(turn 9\) \[after-end\]/, from);
    from = running.stdout().length;
    type('f iran-agreement');
    await printed(running, /iran-agreement will fire in May 2024/, from);
    from = running.stdout().length;
    type('p');
    await printed(running, / · paused · odds shown/, from);
    from = running.stdout().length;
    type('p');
    await printed(running, / · \d+:\d\d left · odds shown/, from);
    from = running.stdout().length;
    type('o');
    await printed(running, /odds hidden/, from);
    from = running.stdout().length;
    type('f no-such-inject');
    await printed(running, /Refused: there is no rule `no-such-inject` to fire/, from);
    from = running.stdout().length;
    type('x');
    await printed(running, /Unknown command `x`/, from);
    from = running.stdout().length;
    type('e');
    await printed(running, /May 2024 played\. Decided by policy: United States, Russia\.\n.*\(turn 2 of 2\) · decided: nobody/, from);
    expect(readFileSync(running.journal, 'utf8')).toContain('"reason":"instructor"');
    // q ends the host even while its input stays open (a pipe a supervisor holds).
    type('q');
    expect(await running.exited).toBe(0);
    // Quitting part-way says how to go on.
    expect(running.stderr()).toContain(`the exercise stopped with 1 of 2 months played; go on with sandtable host --resume ${running.journal}`);
    const record = JSON.parse(readFileSync(running.record, 'utf8')) as { interventions: { kind: string; event?: string; turn: number }[]; decidedByPolicy?: unknown };
    expect(record.interventions).toContainEqual({ kind: 'force', event: 'iran-ties', turn: 1 });
    expect(record.decidedByPolicy).toEqual([{ turn: 1, actor: 'usa', why: 'instructor' }, { turn: 1, actor: 'russia', why: 'instructor' }]);
  });
});
