import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { sandtable } from '../helpers.js';
import { Client, codeOf, startHost, type RunningHost } from './helpers.js';

// Clients that do not belong, or misbehave: each is refused, the host stays
// up, and the exercise's record holds only what the teams and the instructor
// did.

const work = mkdtempSync(join(tmpdir(), 'sandtable-host-hostile-'));
let running: RunningHost;
const clients: Client[] = [];

afterAll(() => {
  for (const client of clients) client.close();
  running?.process.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

async function track(client: Promise<Client>): Promise<Client> {
  const opened = await client;
  clients.push(opened);
  return opened;
}

function errorOf(message: { type: string; message?: string }): string {
  expect(message.type).toBe('error');
  return message.message ?? '';
}

describe('a host under hostile clients', () => {
  it('refuses wrong tokens, seats acting out of turn, malformed, oversized and flooding clients, and stays up with its record unaffected', async () => {
    running = await startHost(['niger-2024', '--role', 'usa', '--role', 'russia', '--seed', '5', '--turns', '2', '--listen', '127.0.0.1:0'], work);
    const { port, links } = running;
    const usa = await track(Client.seat(port, codeOf(links.usa!)));
    const russia = await track(Client.seat(port, codeOf(links.russia!)));
    const screen = await track(Client.seat(port, codeOf(links.screen!)));
    const actions = usa.teamView().actions.map((action) => action.id);
    const russian = russia.teamView().actions.map((action) => action.id);

    // A wrong token: refused and disconnected.
    const stranger = await track(Client.open(port));
    expect(errorOf(await stranger.request({ type: 'hello', token: 'A'.repeat(22) }))).toMatch(/unknown token/);
    expect((await stranger.untilClosed()).code).toBe(4003);

    // A message before any token: refused and disconnected.
    const early = await track(Client.open(port));
    expect(errorOf(await early.request({ type: 'choose', turn: 1, action: actions[0] }))).toMatch(/token first/);
    await early.untilClosed();

    // A team's token used to act for another role (a field the protocol does not have), or to pace, inject or reveal.
    expect(errorOf(await usa.request({ type: 'choose', turn: 1, action: russian[0], actor: 'russia' }))).toMatch(/not a message/);
    expect(errorOf(await usa.request({ type: 'choose', turn: 1, action: 'no-such-action' }))).toMatch(/has no action/);
    for (const message of [
      { type: 'end-turn', turn: 1 },
      { type: 'pause', paused: true },
      { type: 'odds', shown: false },
      { type: 'fire', turn: 1, kind: 'rule', target: 'anything' },
    ]) {
      expect(errorOf(await usa.request(message))).toMatch(/only the instructor/);
    }
    // The projector's token sees, never chooses.
    expect(errorOf(await screen.request({ type: 'choose', turn: 1, action: actions[0] }))).toMatch(/only a team/);
    expect(screen.view().seat).toBe('screen');
    expect(JSON.stringify(screen.view())).not.toContain('"brief"');

    // Malformed messages: not JSON, binary, the wrong shape, a stale turn.
    const mark = usa.messages.length;
    usa.ws.send('{not json');
    usa.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    usa.ws.send(JSON.stringify([1, 2]));
    // Answered last (a connection's messages are answered in order).
    usa.ws.send(JSON.stringify({ type: 'choose', id: 99, turn: 'one', action: 7 }));
    await usa.until((message) => message.type === 'error' && message.id === 99, mark);
    expect(usa.messages.slice(mark).filter((message) => message.type === 'error')).toHaveLength(4);
    expect(errorOf(await usa.request({ type: 'choose', turn: 7, action: actions[0] }))).toMatch(/not the turn being decided/);

    // A flood of messages from one connection: the rate limit refuses the excess.
    const flood = await track(Client.seat(port, codeOf(links.usa!)));
    const before = flood.messages.length;
    for (let i = 0; i < 60; i += 1) flood.ws.send(JSON.stringify({ type: 'odds', id: 1000 + i, shown: true }));
    await flood.until((message) => message.type === 'error' && message.id === null && /too many/.test(message.message), before);

    // An oversized message: the connection is closed (1009), the host stays up.
    const big = await track(Client.seat(port, codeOf(links.russia!)));
    big.ws.send(JSON.stringify({ type: 'choose', id: 1, turn: 1, action: 'x'.repeat(10_000) }));
    expect((await big.untilClosed()).code).toBe(1009);

    // A flood of connections, bounded: past the cap the host answers 503; the seated teams keep their seats.
    const flooders: WebSocket[] = [];
    const outcomes = await Promise.all(Array.from({ length: 140 }, () => new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { handshakeTimeout: 20_000 });
      flooders.push(ws);
      ws.once('open', () => resolve('open'));
      ws.once('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
      ws.once('error', () => resolve('error'));
    })));
    expect(outcomes.filter((item) => item === '503').length).toBeGreaterThan(0);
    expect(outcomes.filter((item) => item === 'open').length).toBeLessThanOrEqual(128);
    for (const ws of flooders) ws.terminate();
    // A page of another site may not connect.
    const foreign = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { origin: 'http://evil.example' });
      ws.once('open', () => resolve('open'));
      ws.once('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
      ws.once('error', () => resolve('error'));
    });
    expect(foreign).toBe('403');

    // The host is up: the teams play both turns.
    expect((await usa.request({ type: 'choose', turn: 1, action: actions[0] })).type).toBe('ack');
    expect((await russia.request({ type: 'choose', turn: 1, action: russian[1] })).type).toBe('ack');
    await usa.untilTurn(1);
    expect((await usa.request({ type: 'choose', turn: 2, action: actions[1] })).type).toBe('ack');
    expect((await russia.request({ type: 'choose', turn: 2, action: russian[0] })).type).toBe('ack');
    await usa.until((message) => message.type === 'state' && message.view.over);

    const record = JSON.parse(readFileSync(running.record, 'utf8')) as { interventions: { kind: string }[] };
    // The choices are the teams' own; nothing else but the scenario's own inject timeline acted (no instructor action was accepted).
    expect(record.interventions.filter((item) => item.kind !== 'choose').every((item) => item.kind === 'force')).toBe(true);
    expect(record.interventions.filter((item) => item.kind === 'choose')).toEqual([
      { kind: 'choose', actor: 'usa', action: actions[0], turn: 1 },
      { kind: 'choose', actor: 'russia', action: russian[1], turn: 1 },
      { kind: 'choose', actor: 'usa', action: actions[1], turn: 2 },
      { kind: 'choose', actor: 'russia', action: russian[0], turn: 2 },
    ]);
    // The journal holds only the accepted entries: the four choices and the two turns played.
    const journal = readFileSync(running.journal, 'utf8').trim().split('\n').slice(1).map((line) => JSON.parse(line) as { t: string });
    expect(journal.map((entry) => entry.t)).toEqual(['choose', 'choose', 'play', 'choose', 'choose', 'play']);
    expect(sandtable(['replay', '--verify', running.record]).code).toBe(0);
    expect(running.process.exitCode).toBeNull();
  });
});
