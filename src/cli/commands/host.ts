import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { startHistory } from '../../engine/history.js';
import { randomSeed } from '../../engine/random.js';
import { stripControl } from '../../engine/text.js';
import { exerciseFileName } from '../../tui/export.js';
import { pathArgument, shellCommand } from '../../render/shell.js';
import { startConsole } from '../../host/console.js';
import { isOver } from '../../host/game.js';
import { JournalError, Journal } from '../../host/journal.js';
import type { StartEntry } from '../../host/journal-entry.js';
import { HostRuntime, scenarioOfStart, startEntryOf } from '../../host/runtime.js';
import { HostServer, readPage } from '../../host/server.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { note, printData } from '../terminal.js';
import { exerciseSetup } from './exercise.js';

export interface HostOptions {
  role?: string[];
  seed?: number;
  turns?: number;
  variant?: string;
  injects?: string;
  listen?: string;
  deadline?: number;
  resume?: string;
  links?: string;
}

/** What `--links FILE` holds. */
export const LINKS_FORMAT = 'sandtable-host-links';
export const LINKS_VERSION = 1;

/** The built team page, beside the compiled host in the package. */
const PAGE = new URL('../../page/', import.meta.url);

/** `--listen ADDR:PORT`: an IPv4 address, a host name or `[IPv6]`, and a port (0: a free port the system picks). */
export function parseListen(value: string): { host: string; port: number } {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(value);
  const port = Number(match?.[3]);
  if (match === null || port > 65535) throw new UsageError(stripControl(`--listen must be ADDR:PORT, e.g. 127.0.0.1:8080 or 0.0.0.0:8080 (got \`${value}\`)`));
  return { host: match[1] ?? match[2]!, port };
}

/** `sandtable host [SCENARIO] --role R...`: an exercise served to teams on their own laptops, paced from this terminal. */
export async function hostCommand(ref: string | undefined, options: HostOptions): Promise<number> {
  const page = existsSync(new URL('app.js', PAGE)) ? readPage(PAGE) : null;
  const server = new HostServer(page);
  const { runtime, resumed } = options.resume === undefined ? await fresh(ref, options, server) : await resume(options.resume, options, server);
  if (page === null) note('note: the team page is not built (npm run build makes it); browsers get nothing, `sandtable join LINK` works');
  server.attach(runtime);
  const links = linksOf(runtime.start);
  if (options.links !== undefined) writeLinks(options.links, runtime, links);
  note(`${resumed ? 'resumed' : 'hosting'} ${runtime.game.session.history.scenario.id}, seed ${runtime.start.seed} (journal ${runtime.journal.path}; the record is written to ${runtime.start.recordPath} after every turn)`);
  const code = await startConsole({ runtime, server, links, print: printData, note });
  // Quitting part-way loses nothing: say how to go on, as a saved exercise does.
  if (!isOver(runtime.game)) {
    note(`the exercise stopped with ${runtime.game.session.history.kept.length - 1} of ${runtime.start.turns} months played; ` +
      `go on with ${shellCommand(['sandtable', 'host', '--resume', pathArgument(runtime.journal.path)])}`);
  }
  return code;
}

async function fresh(ref: string | undefined, options: HostOptions, server: HostServer) {
  const { scenario, roles, turns, injects, injectFile } = exerciseSetup(ref, options);
  const seed = options.seed ?? randomSeed();
  const listen = await bind(server, options.listen ?? '127.0.0.1:0');
  note(`host seed ${seed} (play it again with --seed ${seed})`);
  const { record, journal } = freshPaths(exerciseFileName(startHistory(scenario, seed, turns), roles));
  const tokens: Record<string, string> = {};
  for (const role of roles) tokens[role.actor] = token();
  tokens.instructor = token();
  tokens.screen = token();
  const start = startEntryOf({ scenario, seed, turns, roles, injects, injectFile, deadline: options.deadline ?? null, tokens, recordPath: record, listen });
  const runtime = new HostRuntime(start, scenario, Journal.create(journal, start), [], { writeFile: writeFileAtomic, onChange: () => server.changed() });
  return { runtime, resumed: false };
}

async function resume(path: string, options: HostOptions, server: HostServer) {
  if (options.role !== undefined || options.seed !== undefined || options.turns !== undefined || options.variant !== undefined || options.injects !== undefined) {
    throw new UsageError('--resume continues the journal\'s exercise: its roles, seed, turns, variant and injects come from the journal; leave out --role, --seed, --turns, --variant and --injects');
  }
  if (!existsSync(path)) throw new UsageError(stripControl(`--resume ${path}: no such journal`));
  let read: ReturnType<typeof Journal.resume>;
  let runtime: HostRuntime;
  try {
    read = Journal.resume(path);
    const scenario = scenarioOfStart(read.start);
    const start = options.deadline === undefined ? read.start : { ...read.start, deadline: options.deadline };
    runtime = new HostRuntime(start, scenario, read.journal, read.entries, { writeFile: writeFileAtomic, onChange: () => server.changed() });
  } catch (error) {
    if (error instanceof JournalError) throw new UsageError(stripControl(`--resume ${path} ${error.message}`));
    throw error;
  }
  if (read.dropped) note('note: the journal\'s last line was cut off by the crash before it was acknowledged; it is dropped');
  await bind(server, options.listen ?? read.start.listen);
  note(`resumed from ${path}: ${read.entries.length} entries replayed, turn ${runtime.game.session.history.kept.length - 1} of ${runtime.start.turns} played`);
  return { runtime, resumed: true };
}

async function bind(server: HostServer, listen: string): Promise<string> {
  const { host, port } = parseListen(listen);
  try {
    const address = await server.listen(host, port);
    return address.family === 'IPv6' ? `[${address.address}]:${address.port}` : `${address.address}:${address.port}`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(stripControl(`--listen ${listen}: the port is in use; choose another`));
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES') throw new UsageError(stripControl(`--listen ${listen}: cannot listen there (${code})`));
    throw error;
  }
}

/**
 * `--links FILE`: the seats' links and codes with the journal's and the
 * record's paths, as JSON, for a script that mails each team its link or
 * opens the projector. Readable by its owner only, as the journal is: it holds
 * the tokens. Written whole before the console starts (again on every resume).
 */
function writeLinks(path: string, runtime: HostRuntime, links: readonly SeatLink[]): void {
  const content = { format: LINKS_FORMAT, version: LINKS_VERSION, journal: runtime.journal.path, record: runtime.start.recordPath, links };
  writeFileAtomic(resolve(path), `${JSON.stringify(content, null, 2)}\n`, 0o600);
  note(`the links are written to ${resolve(path)} (readable by its owner only)`);
}

/** 128 bits from the system's random source, as 22 URL-safe characters. */
function token(): string {
  return randomBytes(16).toString('base64url');
}

/** The record and journal of a new exercise in the working directory; a name in use gets a `-2`, `-3`... suffix. */
function freshPaths(name: string): { record: string; journal: string } {
  for (let copy = 1; ; copy += 1) {
    const record = resolve(join(process.cwd(), copy === 1 ? name : name.replace(/\.json$/, `-${copy}.json`)));
    const journal = record.replace(/\.json$/, '.journal.jsonl');
    if (!existsSync(record) && !existsSync(journal)) return { record, journal };
  }
}

/** A seat's link and code. */
export interface SeatLink {
  readonly who: string;
  readonly name: string;
  readonly url: string;
  readonly code: string;
}

/** The links: each team's, the projector's and the instructor's, with an address other laptops can reach when listening on every interface. */
export function linksOf(start: StartEntry): SeatLink[] {
  const base = `http://${reachable(start.listen)}`;
  const names = new Map(start.roles.map((role) => [role.actor, role.name]));
  return Object.entries(start.tokens).map(([who, code]) => ({
    who,
    name: names.get(who) ?? (who === 'screen' ? 'Projector' : 'Instructor'),
    url: who === 'screen' ? `${base}/screen#${code}` : `${base}/#${code}`,
    code,
  }));
}

function reachable(listen: string): string {
  const port = listen.slice(listen.lastIndexOf(':') + 1);
  const host = listen.slice(0, listen.lastIndexOf(':'));
  if (host !== '0.0.0.0' && host !== '[::]') return listen;
  const lan = Object.values(networkInterfaces()).flat().find((item) => item !== undefined && item.family === 'IPv4' && !item.internal);
  return `${lan?.address ?? '127.0.0.1'}:${port}`;
}

