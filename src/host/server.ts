// The host on the network: node:http serves the team page and the projector
// page from the package, and WebSockets (the `ws` library) carry every
// message. Nothing a client sends is trusted: each message is size-limited,
// rate-limited, checked against the protocol's schema and acted on only for
// the seat its token opened.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { Refusal } from './game.js';
import { clientMessage, MAX_MESSAGE_BYTES, type ClientMessage, type Seat, type ServerMessage, type View } from './protocol.js';
import type { HostRuntime } from './runtime.js';
import { instructorView, screenView, sharedView, teamView, type Live } from './views.js';

export interface Limits {
  /** Connections open at once, seated or not. */
  readonly connections: number;
  /** Connections one seat may hold (a team on several laptops). */
  readonly perSeat: number;
  /** Milliseconds a new connection has to send its token. */
  readonly helloMs: number;
  /** Messages a connection may send at once, and per second after that. */
  readonly burst: number;
  readonly perSecond: number;
  /** Refused messages after which a connection is closed. */
  readonly strikes: number;
}

/** Longest a change waits before the views are re-sent. */
const BROADCAST_MS = 50;

export const DEFAULT_LIMITS: Limits = { connections: 128, perSeat: 8, helloMs: 10_000, burst: 20, perSecond: 10, strikes: 50 };

/** The files of the page, read from the package once. */
export interface PageFiles {
  readonly script: string;
  readonly style: string;
}

export function readPage(dir: URL): PageFiles {
  return { script: readFileSync(new URL('app.js', dir), 'utf8'), style: readFileSync(new URL('app.css', dir), 'utf8') };
}

/** Only the host's own script, style and WebSocket; nothing inline, no frames, no forms elsewhere. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

interface Client {
  readonly ws: WebSocket;
  seat: Seat | null;
  tokens: number;
  refilled: number;
  strikes: number;
  hello: NodeJS.Timeout | null;
}

export class HostServer {
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly clients = new Set<Client>();
  private seats: { readonly seat: Seat; readonly digest: Buffer }[] = [];
  private readonly limits: Limits;
  private pending = false;
  private runtimeValue: HostRuntime | null = null;

  /** A server that listens before it has an exercise (the journal records the address bound): `attach` gives it one. */
  constructor(private readonly page: PageFiles | null, limits: Partial<Limits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.http = createServer((request, response) => this.serve(request, response));
    this.http.headersTimeout = 10_000;
    this.http.requestTimeout = 15_000;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, clientTracking: false, perMessageDeflate: false });
    this.http.on('upgrade', (request, socket, head) => this.upgrade(request, socket, head));
    this.http.on('clientError', (_error, socket) => socket.destroy());
  }

  /** The exercise served; its tokens open the seats. Until then every token is unknown. */
  attach(runtime: HostRuntime): void {
    this.runtimeValue = runtime;
    this.seats = Object.entries(runtime.start.tokens).map(([who, token]) => ({
      seat: who === 'instructor' ? { kind: 'instructor' } : who === 'screen' ? { kind: 'screen' } : { kind: 'team', actor: who },
      digest: digest(token),
    }));
  }

  private get runtime(): HostRuntime {
    if (this.runtimeValue === null) throw new Error('the host has no exercise yet');
    return this.runtimeValue;
  }

  /** Listen on `host:port` (port 0: a free port the system picks); resolves to the address bound. */
  listen(host: string, port: number): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, host, () => {
        this.http.off('error', reject);
        resolve(this.http.address() as AddressInfo);
      });
    });
  }

  /**
   * Re-send every seat its view after a change. Changes within BROADCAST_MS
   * are coalesced into one send, so a class choosing at once costs a few
   * sends, not one per choice (each choice's acknowledgement goes at once).
   */
  changed(): void {
    if (this.pending) return;
    this.pending = true;
    setTimeout(() => {
      this.pending = false;
      if (this.runtimeValue !== null) this.broadcast();
    }, BROADCAST_MS).unref();
  }

  /** Connections of each seat now: a team's actor id, `instructor` or `screen`. */
  online(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const client of this.clients) {
      if (client.seat === null) continue;
      const key = seatKey(client.seat);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  close(): Promise<void> {
    for (const client of this.clients) client.ws.terminate();
    this.wss.close();
    return new Promise((resolve) => this.http.close(() => resolve()));
  }

  private serve(request: IncomingMessage, response: ServerResponse): void {
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
    };
    const path = (request.url ?? '/').split(/[?#]/)[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    const send = (type: string, body: string) => {
      response.writeHead(200, { ...headers, 'Content-Type': type });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (this.page !== null && (path === '/' || path === '/screen')) return send('text/html; charset=utf-8', pageHtml(path === '/screen' ? 'screen' : 'team'));
    if (this.page !== null && path === '/app.js') return send('text/javascript; charset=utf-8', this.page.script);
    if (this.page !== null && path === '/app.css') return send('text/css; charset=utf-8', this.page.style);
    // Browsers ask for an icon; there is none, and that is no error.
    if (path === '/favicon.ico') return void response.writeHead(204, headers).end();
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refuse = (status: number, why: string) => {
      socket.end(`HTTP/1.1 ${status} ${why}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if ((request.url ?? '').split('?')[0] !== '/ws') return refuse(404, 'Not Found');
    if (this.clients.size >= this.limits.connections) return refuse(503, 'Service Unavailable');
    // A page of another site may not open a connection here (a browser always sends its origin).
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${request.headers.host ?? ''}`) return refuse(403, 'Forbidden');
    this.wss.handleUpgrade(request, socket, head, (ws) => this.connected(ws));
  }

  private connected(ws: WebSocket): void {
    const client: Client = { ws, seat: null, tokens: this.limits.burst, refilled: Date.now(), strikes: 0, hello: null };
    client.hello = setTimeout(() => ws.close(4008, 'no token in time'), this.limits.helloMs);
    this.clients.add(client);
    ws.on('message', (data, isBinary) => this.received(client, data, isBinary));
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      if (client.hello !== null) clearTimeout(client.hello);
      this.clients.delete(client);
      if (client.seat !== null) this.changed();
    });
  }

  /** Messages received and not yet taken: taken together, with one flush of the journal, before any is answered. */
  private queue: { client: Client; data: RawData; isBinary: boolean }[] = [];

  private received(client: Client, data: RawData, isBinary: boolean): void {
    this.queue.push({ client, data, isBinary });
    if (this.queue.length === 1) setImmediate(() => this.takeQueue());
  }

  private takeQueue(): void {
    const taken = this.queue;
    this.queue = [];
    const answers: { client: Client; message: ServerMessage }[] = [];
    const take = () => {
      for (const item of taken) if (item.client.ws.readyState === item.client.ws.OPEN) this.handle(item.client, item.data, item.isBinary, answers);
    };
    try {
      if (this.runtimeValue === null) take();
      else this.runtimeValue.journal.group(take);
    } catch (error) {
      // The journal could not be flushed: nothing taken may be acknowledged, and the host cannot keep its promise.
      process.stderr.write(`sandtable: error: the journal cannot be written (${error instanceof Error ? error.message : String(error)}); host --resume continues from what it holds\n`);
      process.exit(70);
    }
    for (const { client, message } of answers) this.send(client, message);
  }

  /** Take one message: errors are answered at once; an acknowledgement is added to `acks`, sent once the journal is flushed. */
  private handle(client: Client, data: RawData, isBinary: boolean, acks: { client: Client; message: ServerMessage }[]): void {
    if (!this.allowed(client)) return this.refuse(client, null, 'too many messages: slow down');
    if (isBinary) return this.refuse(client, null, 'messages are JSON text');
    let value: unknown;
    try {
      value = JSON.parse(rawText(data));
    } catch {
      return this.refuse(client, null, 'a message is one JSON object');
    }
    const id = typeof value === 'object' && value !== null && Number.isSafeInteger((value as { id?: unknown }).id) ? (value as { id: number }).id : null;
    const parsed = clientMessage.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue === undefined || issue.path.length === 0 ? '' : ` field ${issue.path.map(String).join('.')}`;
      return this.refuse(client, id, `not a message of this host:${field} ${issue?.message ?? ''}`.trim());
    }
    const message = parsed.data;
    if (message.type === 'hello') return this.hello(client, message.id, message.token);
    if (client.seat === null) {
      this.refuse(client, message.id, 'send your token first');
      client.ws.close(4001, 'no token');
      return;
    }
    try {
      const text = this.act(client.seat, message);
      acks.push({ client, message: { type: 'ack', id: message.id, text } });
    } catch (error) {
      if (error instanceof Refusal) return this.refuse(client, message.id, error.message);
      // A failure of the host itself (the journal's disk, a bug): said to the client, the host stays up, nothing was applied.
      process.stderr.write(`sandtable: host: ${error instanceof Error ? error.message : String(error)}\n`);
      this.send(client, { type: 'error', id: message.id, message: 'the host could not take this; nothing changed' });
    }
  }

  /** What a seat may do: a team chooses for its own actor; only the instructor paces, fires, holds and reveals. */
  private act(seat: Seat, message: Exclude<ClientMessage, { type: 'hello' }>): string {
    if (message.type === 'choose') {
      if (seat.kind !== 'team') throw new Refusal('only a team chooses an action');
      return this.runtime.submit({ t: 'choose', turn: message.turn, actor: seat.actor, action: message.action });
    }
    if (seat.kind !== 'instructor') throw new Refusal('only the instructor can do that');
    switch (message.type) {
      case 'fire':
      case 'hold':
        return this.runtime.submit({ t: 'instruct', turn: message.turn, how: message.type, kind: message.kind, id: message.target });
      case 'odds':
        return this.runtime.submit({ t: 'odds', shown: message.shown });
      case 'pause':
        return this.runtime.submit({ t: 'pause', paused: message.paused });
      case 'end-turn':
        return this.runtime.submit({ t: 'play', turn: message.turn, reason: 'instructor' });
    }
  }

  private hello(client: Client, id: number, token: string): void {
    if (client.seat !== null) return this.refuse(client, id, 'this connection already has its seat');
    const seat = this.seatOf(token);
    if (seat === null) {
      this.send(client, { type: 'error', id, message: 'unknown token: check the link or code' });
      client.ws.close(4003, 'unknown token');
      return;
    }
    if ((this.online()[seatKey(seat)] ?? 0) >= this.limits.perSeat) {
      this.send(client, { type: 'error', id, message: `this seat already has ${this.limits.perSeat} connections` });
      client.ws.close(4009, 'seat full');
      return;
    }
    if (client.hello !== null) clearTimeout(client.hello);
    client.hello = null;
    client.seat = seat;
    this.send(client, { type: 'welcome', id, seat });
    this.send(client, { type: 'state', view: this.viewOf(seat, this.live()) });
    this.changed();
  }

  /** The seat of a token, compared in constant time against every seat's. */
  private seatOf(token: string): Seat | null {
    const given = digest(token);
    let found: Seat | null = null;
    for (const item of this.seats) if (timingSafeEqual(item.digest, given)) found = item.seat;
    return found;
  }

  private allowed(client: Client): boolean {
    const now = Date.now();
    client.tokens = Math.min(this.limits.burst, client.tokens + ((now - client.refilled) / 1000) * this.limits.perSecond);
    client.refilled = now;
    if (client.tokens < 1) return false;
    client.tokens -= 1;
    return true;
  }

  private refuse(client: Client, id: number | null, message: string): void {
    this.send(client, { type: 'error', id, message });
    client.strikes += 1;
    if (client.strikes >= this.limits.strikes) client.ws.close(4029, 'too many bad messages');
  }

  private send(client: Client, message: ServerMessage): void {
    if (client.ws.readyState === client.ws.OPEN) client.ws.send(JSON.stringify(message));
  }

  private live(): Live {
    return { remaining: this.runtime.remaining(), online: this.online() };
  }

  private viewOf(seat: Seat, live: Live, shared = sharedView(this.runtime.game, live)): View {
    const game = this.runtime.game;
    switch (seat.kind) {
      case 'team': return teamView(game, live, seat.actor, shared);
      case 'instructor': return instructorView(game, live, shared);
      case 'screen': return screenView(game, live);
    }
  }

  private broadcast(): void {
    const live = this.live();
    const shared = sharedView(this.runtime.game, live);
    const sent = new Map<string, string>();
    for (const client of this.clients) {
      if (client.seat === null) continue;
      const key = seatKey(client.seat);
      let text = sent.get(key);
      if (text === undefined) {
        text = JSON.stringify({ type: 'state', view: this.viewOf(client.seat, live, shared) } satisfies ServerMessage);
        sent.set(key, text);
      }
      if (client.ws.readyState === client.ws.OPEN) client.ws.send(text);
    }
  }
}

function seatKey(seat: Seat): string {
  return seat.kind === 'team' ? seat.actor : seat.kind;
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

/** The page: no inline script or style, the seat it opens as a data attribute. */
function pageHtml(seat: 'team' | 'screen'): string {
  const title = seat === 'screen' ? 'sandtable: projector' : 'sandtable: team';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/app.css">
</head>
<body>
<div id="root" data-seat="${seat}"></div>
<script type="module" src="/app.js"></script>
</body>
</html>
`;
}
