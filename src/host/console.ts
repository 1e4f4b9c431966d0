// The instructor's console on the host. In a terminal (stdin and stdout both
// one) it is the Ink screen of ink-console.ts, after the seats' QR codes; else
// a line-based one that works anywhere (a pipe, a file): it prints each seat's
// link and code, then who has decided after every change; the instructor types
// a command and Enter.
import { createInterface } from 'node:readline';
import qrcode from 'qrcode-terminal';
import { monthLabel } from '../engine/calendar.js';
import { decidingTurn, isOver, Refusal } from './game.js';
import { clockOf } from '../tui/host/HostConsole.js';
import { endOnce, startInkConsole } from './ink-console.js';
import type { HostRuntime } from './runtime.js';
import type { HostServer } from './server.js';
import { instructorView } from './views.js';

export interface ConsoleOptions {
  readonly runtime: HostRuntime;
  readonly server: HostServer;
  readonly links: readonly { readonly who: string; readonly name: string; readonly url: string; readonly code: string }[];
  /** Write text for the terminal (sanitised there). */
  readonly print: (text: string) => void;
  readonly note: (text: string) => void;
}

export const CONSOLE_HELP = [
  'Commands (type one and press Enter):',
  '  s          status: who has decided, the time left',
  '  l          list the injects and rules with what is queued',
  '  f ID       fire an inject or rule next turn (again: undo)',
  '  h ID       hold an inject or rule back (again: undo)',
  '  o          show or hide the model\'s odds to the teams',
  '  p          pause or resume the clock',
  '  e          end the turn now (teams that have not chosen are decided by their policy)',
  '  k          print the links and codes again',
  '  q          quit (the journal keeps everything: host --resume JOURNAL continues)',
].join('\n');

/** Run the console until the instructor quits or the process is told to stop; resolves to the exit code. */
export function startConsole(options: ConsoleOptions): Promise<number> {
  const { runtime, server, print } = options;
  const qr = process.stdout.isTTY === true;
  if (qr && process.stdin.isTTY === true) {
    printQrCodes(options);
    return startInkConsole(options);
  }
  printLinks(options, qr);
  print(`${CONSOLE_HELP}\n`);
  print(`${statusLine(options)}\n`);
  runtime.subscribe((text) => {
    print(`${text}\n`);
    if (isOver(runtime.game)) print(`The record is written: sandtable report ${runtime.start.recordPath}\n`);
    print(`${statusLine(options)}\n`);
  });
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin, terminal: false });
    const end = endOnce(options, () => {
      lines.close();
      // A pipe still open (a supervisor, a script that quit with `q`) would keep the process up.
      process.stdin.destroy();
    }, resolve);
    lines.on('line', (line) => {
      const result = command(options, line.trim());
      if (result === 'quit') end(0);
    });
  });
}

function command(options: ConsoleOptions, line: string): 'quit' | 'go on' {
  const { runtime, print } = options;
  const [word = '', id = ''] = line.split(/\s+/);
  const game = runtime.game;
  const turn = decidingTurn(game);
  try {
    switch (word) {
      case '': return 'go on';
      case 'q': return 'quit';
      case 's': print(`${statusLine(options)}\n`); return 'go on';
      case 'k': printLinks(options, false); return 'go on';
      case 'l': print(`${itemLines(options)}\n`); return 'go on';
      case 'o': runtime.submit({ t: 'odds', shown: !game.session.odds }); return 'go on';
      case 'p': runtime.submit({ t: 'pause', paused: !game.paused }); return 'go on';
      case 'e': runtime.submit({ t: 'play', turn, reason: 'instructor' }); return 'go on';
      case 'f':
      case 'h': {
        const how = word === 'f' ? 'fire' : 'hold';
        const kind = game.session.injects.some((inject) => inject.id === id) ? 'inject' : 'rule';
        runtime.submit({ t: 'instruct', turn, how, kind, id });
        return 'go on';
      }
      default:
        print(`Unknown command \`${word}\`.\n${CONSOLE_HELP}\n`);
        return 'go on';
    }
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    print(`Refused: ${error.message}\n`);
    return 'go on';
  }
}

/** Each team's and the projector's link with a QR code to scan, above the Ink console. */
function printQrCodes(options: ConsoleOptions): void {
  for (const link of options.links) {
    if (link.who === 'instructor') continue;
    options.print(`${link.name} (${link.who}): ${link.url}\n`);
    qrcode.generate(link.url, { small: true }, (code) => options.print(`${code}\n`));
  }
}

function printLinks(options: ConsoleOptions, qr: boolean): void {
  for (const link of options.links) {
    options.print(`${link.name} (${link.who}): ${link.url}\n  code: ${link.code}\n`);
    if (qr && link.who !== 'instructor') qrcode.generate(link.url, { small: true }, (code) => options.print(`${code}\n`));
  }
  options.print('The instructor\'s link is for a second screen or a co-instructor; keep it private. The join code is the part after #.\n');
}

/** `March 2024 (turn 3 of 12) · decided: USA · waiting: Russia · 4:12 left`. */
export function statusLine(options: Pick<ConsoleOptions, 'runtime' | 'server'>): string {
  const { runtime, server } = options;
  const view = instructorView(runtime.game, { remaining: runtime.remaining(), online: server.online() });
  if (view.over) return `The exercise is over (${view.turns} turns): ${view.outcome ?? ''}.`;
  const decided = view.teams.filter((team) => team.decided).map((team) => team.name);
  const waiting = view.teams.filter((team) => !team.decided).map((team) => `${team.name}${team.online === 0 ? ' (offline)' : ''}`);
  const clock = view.paused ? 'paused' : view.remaining === null ? 'no deadline' : `${clockOf(view.remaining)} left`;
  const month = monthLabel(runtime.game.session.history.scenario.start, decidingTurn(runtime.game));
  return `${month} (turn ${decidingTurn(runtime.game)} of ${view.turns}) · decided: ${decided.join(', ') || 'nobody'} · waiting: ${waiting.join(', ') || 'nobody'} · ${clock} · odds ${view.odds ? 'shown' : 'hidden'}`;
}

function itemLines(options: ConsoleOptions): string {
  const view = instructorView(options.runtime.game, { remaining: null, online: {} });
  return view.items.map((item) => `  ${item.kind === 'inject' ? 'inject' : 'rule  '} ${item.id}: ${item.title} [${item.status}]`).join('\n');
}
