// The host under a class: 40 WebSocket clients on loopback (five teams of
// eight laptops) play 24 turns of niger-2024. The instructor's clock is
// paused, so every client chooses every turn, all at once (a team's later
// choice replaces its earlier one); then the instructor ends the turn. The
// time from sending a choice to its acknowledgement (checked, journaled and
// flushed to disk) is measured, the instructor's end of turn (the turn
// played and the record written) apart; the host process's peak resident
// memory (VmHWM) is read at the end.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const ROOT = new URL('..', import.meta.url).pathname;
const WebSocket = createRequire(join(ROOT, 'package.json'))('ws');
const TEAMS = ['usa', 'russia', 'niger', 'iran', 'jnim'];
const PER_TEAM = 8;
const TURNS = 24;

function startHost(dir) {
  const args = [join(ROOT, 'bin/sandtable.js'), 'host', 'niger-2024', ...TEAMS.flatMap((team) => ['--role', team]), '--seed', '1', '--turns', String(TURNS), '--listen', '127.0.0.1:0'];
  const child = spawn(process.execPath, args, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the host did not start in 60 s')), 60_000);
    child.stdout.on('data', (data) => {
      out += data;
      if (!/\(turn 1 of/.test(out)) return;
      clearTimeout(timer);
      const links = Object.fromEntries([...out.matchAll(/\(([a-z0-9-]+)\): http:\/\/127\.0\.0\.1:(\d+)\/#(\S+)/g)].map((m) => [m[1], { port: Number(m[2]), code: m[3] }]));
      resolve({ child, links });
    });
    child.stderr.on('data', () => undefined);
    child.on('exit', (code) => reject(new Error(`the host exited (${code})`)));
  });
}

function connect(port, code) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    const client = { ws, view: null, pending: new Map(), onView: null };
    ws.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'state') {
        client.view = message.view;
        if (client.onView) client.onView();
        if (client.ready) { client.ready(); client.ready = null; }
      } else if (message.type === 'ack' || message.type === 'error') {
        const started = client.pending.get(message.id);
        client.pending.delete(message.id);
        if (message.type === 'error') process.stderr.write(`host bench: refused: ${message.message}\n`);
        else if (started !== undefined) started.resolve(performance.now() - started.at);
      }
    });
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', id: 0, token: code })));
    ws.on('error', reject);
    client.ready = () => resolve(client);
  });
}

function choose(client, id, turn, action) {
  return new Promise((resolve) => {
    client.pending.set(id, { at: performance.now(), resolve });
    client.ws.send(JSON.stringify({ type: 'choose', id, turn, action }));
  });
}

function request(client, message) {
  return new Promise((resolve) => {
    client.pending.set(message.id, { at: performance.now(), resolve });
    client.ws.send(JSON.stringify(message));
  });
}

function untilTurn(client, turn) {
  if (client.view.turn >= turn) return Promise.resolve();
  return new Promise((resolve) => {
    client.onView = () => {
      if (client.view.turn >= turn) { client.onView = null; resolve(); }
    };
  });
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

export async function measureHost({ log }) {
  const dir = mkdtempSync(join(tmpdir(), 'sandtable-bench-host-'));
  const { child, links } = await startHost(dir);
  try {
    const clients = [];
    for (const team of TEAMS) {
      for (let i = 0; i < PER_TEAM; i += 1) clients.push(await connect(links[team].port, links[team].code));
    }
    const instructor = await connect(links.instructor.port, links.instructor.code);
    await request(instructor, { type: 'pause', id: 1, paused: true });
    log(`host: ${clients.length} clients seated; playing ${TURNS} turns`);
    const times = [];
    const turnTimes = [];
    let id = 1;
    for (let turn = 1; turn <= TURNS; turn += 1) {
      const acks = clients.map((client, i) => {
        const actions = client.view.actions;
        return choose(client, id++, turn, actions[(turn + i) % actions.length].id);
      });
      times.push(...await Promise.all(acks));
      turnTimes.push(await request(instructor, { type: 'end-turn', id: id++, turn }));
      await Promise.all(clients.map((client) => untilTurn(client, turn)));
    }
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const peakKiB = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
    for (const client of clients) client.ws.terminate();
    const sorted = [...times].sort((a, b) => a - b);
    const result = {
      description: `${clients.length} clients (${TEAMS.length} teams × ${PER_TEAM}) on loopback, ${TURNS} turns of niger-2024, every client choosing every turn at once`,
      choices: sorted.length,
      medianMs: quantile(sorted, 0.5),
      p99Ms: quantile(sorted, 0.99),
      maxMs: sorted[sorted.length - 1],
      endTurnMedianMs: quantile([...turnTimes].sort((a, b) => a - b), 0.5),
      peakMiB: peakKiB / 1024,
    };
    result.targets = [
      { target: 'p99 choice to acknowledgement under 50 ms', met: result.p99Ms < 50, shown: `${result.p99Ms.toFixed(1)} ms` },
      { target: 'host peak memory under 150 MB', met: result.peakMiB * 1.048576 < 150, shown: `${(result.peakMiB * 1.048576).toFixed(0)} MB` },
    ];
    return result;
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
