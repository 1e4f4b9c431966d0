import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, sandtable } from '../helpers.js';
import { Client, codeOf, startHost, WAIT_MS, type RunningHost } from './helpers.js';

// The host as a class uses it: real processes, real WebSocket clients on
// 127.0.0.1, a crash (SIGKILL) in the middle of a turn and a resume from the
// journal. The finished exercise must be an ordinary run record.

const work = mkdtempSync(join(tmpdir(), 'sandtable-host-'));
const hosts: RunningHost[] = [];
const clients: Client[] = [];

afterAll(() => {
  for (const client of clients) client.close();
  for (const host of hosts) host.process.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

async function host(args: readonly string[], dir: string): Promise<RunningHost> {
  const running = await startHost(args, dir);
  hosts.push(running);
  return running;
}

async function seat(port: number, link: string): Promise<Client> {
  const client = await Client.seat(port, codeOf(link));
  clients.push(client);
  return client;
}

const ROLES = ['usa', 'russia', 'niger'] as const;

describe('sandtable host', () => {
  it('plays three turns with three teams, survives SIGKILL mid-turn, resumes from the journal, and writes a record that verifies', async () => {
    const dir = mkdtempSync(join(work, 'crash-'));
    const first = await host(['niger-2024', ...ROLES.flatMap((role) => ['--role', role]), '--seed', '11', '--turns', '3', '--listen', '127.0.0.1:0'], dir);
    expect(statSync(first.journal).mode & 0o777).toBe(0o600);
    const teams = await Promise.all(ROLES.map((role) => seat(first.port, first.links[role]!)));
    const instructor = await seat(first.port, first.links.instructor!);
    const chosen: Record<string, string[]> = { usa: [], russia: [], niger: [] };
    const titles = new Map<string, string>();
    const choose = async (i: number, pick: number) => {
      const team = teams[i]!;
      const view = team.teamView();
      const action = view.actions[pick % view.actions.length]!;
      titles.set(`${ROLES[i]}:${action.id}`, action.title);
      const answer = await team.request({ type: 'choose', turn: view.turn + 1, action: action.id });
      expect(answer.type, JSON.stringify(answer)).toBe('ack');
      chosen[ROLES[i]!]![view.turn] = action.id;
    };

    // Turn 1: a team changes its mind before the others choose; the last choice counts.
    await choose(0, 0);
    await choose(0, 1);
    await choose(1, 0);
    await choose(2, 0);
    await Promise.all(teams.map((team) => team.untilTurn(1)));

    // The instructor fires a rule in turn 2 that nothing else fires there (the Iran agreement is an inject of month 9).
    const view = instructor.view();
    const rule = (view.seat === 'instructor' ? view.items : []).find((item) => item.kind === 'rule' && item.id === 'iran-ties')!;
    const fired = await instructor.request({ type: 'fire', turn: 2, kind: 'rule', target: rule.id });
    expect(fired.type, JSON.stringify(fired)).toBe('ack');

    // Turn 2: two teams choose; then the host dies without warning.
    await choose(0, 2);
    await choose(1, 1);
    first.process.kill('SIGKILL');
    await first.exited;
    for (const team of teams) await team.untilClosed();

    // Resumed from the journal on the same address: the seats come back with the same codes, their choices kept.
    const second = await host(['--resume', first.journal], dir);
    expect(second.port).toBe(first.port);
    const back = await Promise.all(ROLES.map((role) => seat(second.port, first.links[role]!)));
    expect(back[0]!.teamView().turn).toBe(1);
    expect(back[0]!.teamView().choice).toBe(chosen.usa![1]);
    expect(back[1]!.teamView().choice).toBe(chosen.russia![1]);
    expect(back[2]!.teamView().choice).toBeNull();
    expect(back[2]!.teamView().teams.map((team) => team.decided)).toEqual([true, true, false]);
    teams.splice(0, teams.length, ...back);
    await choose(2, 1);
    await Promise.all(teams.map((team) => team.untilTurn(2)));

    // Turn 3, the last.
    await choose(0, 0);
    await choose(1, 2);
    await choose(2, 2);
    await Promise.all(teams.map((team) => team.until((message) => message.type === 'state' && message.view.over)));

    const record = JSON.parse(readFileSync(second.record, 'utf8')) as { turns: number; interventions: { kind: string; actor?: string; action?: string; turn: number; event?: string }[]; decidedByPolicy?: unknown };
    expect(record.turns).toBe(3);
    expect(record.decidedByPolicy).toBeUndefined();
    for (const role of ROLES) {
      expect(record.interventions.filter((item) => item.kind === 'choose' && item.actor === role).map((item) => item.action)).toEqual(chosen[role]!.slice(0));
    }
    expect(record.interventions).toContainEqual({ kind: 'force', event: rule.id, turn: 2 });

    const verify = sandtable(['replay', '--verify', second.record]);
    expect(verify.code, verify.stderr).toBe(0);
    const report = sandtable(['report', second.record, '--runs', '20']);
    expect(report.code, report.stderr).toBe(0);
    for (const role of ROLES) {
      for (const turn of [1, 2, 3]) {
        const title = titles.get(`${role}:${chosen[role]![turn - 1]}`)!;
        const name = teams[ROLES.indexOf(role)]!.teamView().teams.find((team) => team.actor === role)!.name;
        expect(report.stdout.split('\n').some((line) => line.includes(`(turn ${turn})`) && line.includes(name) && line.includes(title)), `${role} turn ${turn}`).toBe(true);
      }
    }
  });

  it('decides a team by its policy when the deadline passes or the instructor ends the turn, and the record and report say so', async () => {
    const dir = mkdtempSync(join(work, 'policy-'));
    const running = await host(['niger-2024', '--role', 'usa', '--role', 'russia', '--seed', '3', '--turns', '2', '--deadline', '0.05', '--listen', '127.0.0.1:0'], dir);
    const usa = await seat(running.port, running.links.usa!);
    const instructor = await seat(running.port, running.links.instructor!);
    const action = usa.teamView().actions[0]!;
    expect((await usa.request({ type: 'choose', turn: 1, action: action.id })).type).toBe('ack');
    // Russia never chooses: the three-second deadline plays the turn.
    await usa.untilTurn(1);
    // Nobody chooses turn 2: the instructor ends it.
    expect((await instructor.request({ type: 'end-turn', turn: 2 })).type).toBe('ack');
    await usa.until((message) => message.type === 'state' && message.view.over);

    const record = JSON.parse(readFileSync(running.record, 'utf8')) as { interventions: { kind: string; actor?: string; turn: number }[]; decidedByPolicy?: unknown };
    expect(record.decidedByPolicy).toEqual([
      { turn: 1, actor: 'russia', why: 'deadline' },
      { turn: 2, actor: 'usa', why: 'instructor' },
      { turn: 2, actor: 'russia', why: 'instructor' },
    ]);
    // Every team has its choice in the record, the policy's picks included.
    expect(record.interventions.filter((item) => item.kind === 'choose').map((item) => `${item.turn}:${item.actor}`)).toEqual(['1:usa', '1:russia', '2:usa', '2:russia']);
    expect(sandtable(['replay', '--verify', running.record]).code).toBe(0);
    const report = sandtable(['report', running.record, '--runs', '20']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/turn 1\): \*\*Russia\*\* \([^)]+\), the deadline passed/);
    expect(report.stdout).toMatch(/turn 2\): \*\*United States\*\* \([^)]+\), the instructor ended the turn/);
  });

  it('seats a team in the terminal with `sandtable join LINK`: its brief and actions, and a typed number chooses', async () => {
    const dir = mkdtempSync(join(work, 'join-'));
    const running = await host(['niger-2024', '--role', 'usa', '--role', 'russia', '--seed', '4', '--turns', '2', '--listen', '127.0.0.1:0'], dir);
    const join_ = spawn(process.execPath, [`${ROOT}bin/sandtable.js`, 'join', running.links.usa!], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    join_.stdout.on('data', (data: Buffer) => { out += data.toString(); });
    try {
      const deadline = Date.now() + WAIT_MS;
      while (!/Your actions/.test(out) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(out).toMatch(/You are United States\./);
      expect(out).toMatch(/ 2\. /);
      join_.stdin.write('2\n');
      while (!/chose/.test(out) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      const second = out.split('\n').find((line) => line.startsWith('  2. '))!;
      expect(out).toMatch(/United States chose /);
      const entries = readFileSync(running.journal, 'utf8').trim().split('\n').slice(1).map((line) => JSON.parse(line) as { t: string; actor?: string; action?: string });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ t: 'choose', actor: 'usa' });
      // The action typed is the second the team's view lists.
      const view = (await seat(running.port, running.links.usa!)).teamView();
      expect(second).toContain(view.actions[1]!.title);
      expect(entries[0]!.action).toBe(view.actions[1]!.id);
      expect(view.choice).toBe(view.actions[1]!.id);
    } finally {
      join_.kill('SIGKILL');
    }
  });
});
