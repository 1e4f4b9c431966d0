import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import type { ServerMessage, TeamView, View } from '../../host/protocol.js';
import { MAX_MESSAGE_BYTES } from '../../host/protocol.js';
import { UsageError } from '../errors.js';
import { note, printData } from '../terminal.js';

/** The host's WebSocket address and the code of a link `http://ADDR:PORT/#CODE`. */
export function parseLink(link: string): { url: string; code: string } {
  const match = /^https?:\/\/([^/#?\s]+)(?:\/[^#\s]*)?#([A-Za-z0-9_-]{16,100})$/.exec(link.trim());
  if (match === null) throw new UsageError('the link must be the one host printed, http://ADDR:PORT/#CODE');
  return { url: `ws://${match[1]}/ws`, code: match[2]! };
}

/** `sandtable join LINK`: a team's seat in the terminal. Type an action's number and Enter to choose it. */
export function joinCommand(link: string): Promise<number> {
  const { url, code } = parseLink(link);
  return new Promise((resolve) => {
    let view: View | null = null;
    let next = 1;
    let retries = 0;
    let closed = false;
    const lines = createInterface({ input: process.stdin, terminal: false });
    let socket: WebSocket;
    const connect = () => {
      socket = new WebSocket(url, { maxPayload: 16 * 1024 * 1024, handshakeTimeout: 10_000 });
      socket.on('open', () => {
        retries = 0;
        socket.send(JSON.stringify({ type: 'hello', id: next++, token: code }));
      });
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as ServerMessage;
        if (message.type === 'state') {
          view = message.view;
          printData(wrapText(render(view), process.stdout.isTTY === true ? process.stdout.columns : 0));
        } else if (message.type === 'ack') {
          printData(`${message.text}\n`);
        } else if (message.type === 'error') {
          printData(`Refused: ${message.message}\n`);
        }
      });
      socket.on('close', (status) => {
        if (closed) return;
        if (status === 4003 || retries >= 30) {
          closed = true;
          lines.close();
          note(status === 4003 ? 'error: the host does not know this code' : 'error: the host is gone');
          resolve(2);
          return;
        }
        retries += 1;
        // The host restarts after a crash (host --resume): try again, and get the seat back.
        setTimeout(connect, 1000).unref();
      });
      socket.on('error', () => undefined);
    };
    connect();
    lines.on('line', (line) => {
      const text = line.trim();
      if (text === 'q') {
        closed = true;
        lines.close();
        socket.close();
        resolve(0);
        return;
      }
      if (view === null || view.seat !== 'team') return;
      const action = view.actions[Number(text) - 1];
      if (action === undefined) {
        printData(`Type an action's number (1 to ${view.actions.length}) and Enter, or q to leave.\n`);
        return;
      }
      const message = JSON.stringify({ type: 'choose', id: next++, turn: view.turn + 1, action: action.id });
      if (Buffer.byteLength(message) <= MAX_MESSAGE_BYTES) socket.send(message);
    });
  });
}

/**
 * Lines longer than `width` broken between words (a terminal would break them
 * inside one); a continued line is indented as far as its text starts (past a
 * list's `  1. ` or `  - `). A width of 0 (not a terminal) leaves the text as it is.
 */
export function wrapText(text: string, width: number): string {
  if (width <= 0) return text;
  return text.split('\n').map((line) => {
    if (line.length <= width) return line;
    const indent = ' '.repeat(Math.min(/^\s*(?:\d+\. |- )?/.exec(line)![0].length, Math.floor(width / 2)));
    const lead = /^\s*/.exec(line)![0];
    const [head = '', ...words] = line.slice(lead.length).split(' ');
    const out: string[] = [];
    let current = `${lead}${head}`;
    for (const word of words) {
      if (current.length + 1 + word.length <= width || current.trim() === '') {
        current = `${current} ${word}`;
        continue;
      }
      out.push(current);
      current = `${indent}${word}`;
    }
    out.push(current);
    return out.join('\n');
  }).join('\n');
}

/** A view as plain text: the situation, last month, and the team's brief and actions. */
export function render(view: View): string {
  const out: string[] = ['', `== ${view.title}: ${view.month} (turn ${view.turn} of ${view.turns}) ==`];
  if (view.over) out.push(`The exercise is over: ${view.outcome ?? ''}.`);
  else out.push(`Deciding ${view.deciding}${view.paused ? ' (paused)' : ''}${view.remaining === null ? '' : `, ${Math.ceil(view.remaining / 1000)} s left`}`);
  out.push(view.posture, 'Situation:');
  for (const row of view.situation) out.push(`  ${row.title}: ${row.value.toFixed(2)} (${row.change >= 0 ? '+' : ''}${row.change.toFixed(2)})`);
  if (view.happened.length > 0) {
    out.push('Last month:');
    for (const item of view.happened) out.push(`  ${item.title === '' ? '' : `${item.title}: `}${item.text}`);
  }
  out.push(`Teams: ${view.teams.map((team) => `${team.name} ${team.decided ? '(decided)' : '(deciding)'}`).join(', ')}`);
  if (view.seat === 'team') out.push(...teamLines(view));
  return `${out.join('\n')}\n`;
}

function teamLines(view: TeamView): string[] {
  const out = [`You are ${view.role.name}. ${view.role.brief}`];
  if (view.role.goals.length > 0) out.push('Goals:', ...view.role.goals.map((goal) => `  - ${goal}`));
  if (view.over) return out;
  out.push('Your actions (type the number and Enter; you can change until the turn ends):');
  view.actions.forEach((action, i) => {
    const odds = action.probability === null ? '' : ` [model: ${Math.round(action.probability * 100)}%]`;
    out.push(`  ${i + 1}. ${action.title}${view.choice === action.id ? '  <- your choice' : ''}${odds}: ${action.tends}`);
  });
  return out;
}
