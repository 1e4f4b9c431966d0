import { spawn, type ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import type { ServerMessage, TeamView, View } from '../../src/host/protocol.js';
import { ROOT } from '../helpers.js';

// A host process as a user starts it, and WebSocket clients that talk to it
// as the team page does. Every wait is bounded.

export const WAIT_MS = 60_000;

export interface RunningHost {
  readonly process: ChildProcess;
  /** Each seat's link, by actor id, `instructor` and `screen`. */
  readonly links: Record<string, string>;
  readonly port: number;
  readonly journal: string;
  readonly record: string;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has ended. */
  readonly exited: Promise<number | null>;
}

/** Start `sandtable host ARGS` in `cwd`; resolves once it has printed its links. */
export function startHost(args: readonly string[], cwd: string): Promise<RunningHost> {
  const child = spawn(process.execPath, [`${ROOT}bin/sandtable.js`, 'host', ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the host printed no links in time:\n${out}\n${err}`));
    }, WAIT_MS);
    const check = () => {
      const journal = /journal (\S+\.journal\.jsonl);/.exec(err)?.[1];
      const record = /the record is written to (\S+\.json) after/.exec(err)?.[1];
      if (journal === undefined || record === undefined || !/\(turn \d+ of \d+\)|The exercise is over/.test(out)) return;
      clearTimeout(timer);
      const links: Record<string, string> = {};
      for (const match of out.matchAll(/\(([a-z0-9-]+)\): (http:\/\/\S+)/g)) links[match[1]!] = match[2]!;
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(out)?.[1]);
      resolve({ process: child, links, port, journal, record, stdout: () => out, stderr: () => err, exited });
    };
    child.stdout.on('data', (data: Buffer) => { out += data.toString(); check(); });
    child.stderr.on('data', (data: Buffer) => { err += data.toString(); check(); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}) before printing its links:\n${out}\n${err}`));
    });
  });
}

/** The code of a link (the part after #). */
export function codeOf(link: string): string {
  return link.slice(link.indexOf('#') + 1);
}

/** A WebSocket client of a host: every message it got, and waits on them. */
export class Client {
  readonly messages: ServerMessage[] = [];
  private next = 1;
  private waiters: (() => void)[] = [];
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as ServerMessage);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
    ws.on('error', () => undefined);
  }

  static open(port: number): Promise<Client> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { handshakeTimeout: 10_000 });
      const client = new Client(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
      ws.once('unexpected-response', (_request, response) => reject(new Error(`refused: ${response.statusCode}`)));
    });
  }

  /** Open a connection and take the seat of `token`; resolves once its first view came. */
  static async seat(port: number, token: string): Promise<Client> {
    const client = await Client.open(port);
    client.send({ type: 'hello', token });
    await client.until((message) => message.type === 'state');
    return client;
  }

  /** Send a message with the next id (unless it has one); returns the id. */
  send(message: Record<string, unknown>): number {
    const id = typeof message.id === 'number' ? message.id : this.next++;
    this.ws.send(JSON.stringify({ id, ...message }));
    return id;
  }

  /** Send and wait for the answer to it (ack or error). */
  async request(message: Record<string, unknown>): Promise<ServerMessage> {
    const id = this.send(message);
    return this.until((item) => (item.type === 'ack' || item.type === 'error') && item.id === id);
  }

  /** The latest view. */
  view(): View {
    const states = this.messages.filter((item) => item.type === 'state');
    const last = states[states.length - 1];
    if (last === undefined || last.type !== 'state') throw new Error('no view yet');
    return last.view;
  }

  teamView(): TeamView {
    const view = this.view();
    if (view.seat !== 'team') throw new Error('not a team');
    return view;
  }

  /** Wait (bounded) for a message matching `test`, among those already got or to come. */
  async until(test: (message: ServerMessage) => boolean, from = 0): Promise<ServerMessage> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = this.messages.slice(from).find(test);
      if (found !== undefined) return found;
      if (this.closed !== null) throw new Error(`closed (${this.closed.code} ${this.closed.reason}) while waiting`);
      if (Date.now() > deadline) throw new Error('no such message in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  /** Wait for a view of turn `turn` played (or later). */
  untilTurn(turn: number): Promise<ServerMessage> {
    return this.until((item) => item.type === 'state' && item.view.turn >= turn);
  }

  /** Wait for the connection to close. */
  async untilClosed(): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + WAIT_MS;
    while (this.closed === null) {
      if (Date.now() > deadline) throw new Error('not closed in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
    return this.closed;
  }

  close(): void {
    this.ws.terminate();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
