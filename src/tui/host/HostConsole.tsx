// The instructor's console of a hosted exercise, in Ink: the seats' links and
// codes, who has decided this turn (never what), the turn's countdown, the
// paused state, and the list of injects and rules to fire or hold. It knows
// nothing of the server: it reads a snapshot and calls the actions it is given,
// so a test can drive it with a fake clock and a fake runtime.
import { Box, Text, useInput } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { stripControl } from '../../engine/text.js';
import type { InstructorView } from '../../host/protocol.js';
import { Footer } from '../components/Footer.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import type { Notice } from '../notice.js';
import { usePaint } from '../theme.js';

/** What the console shows: the host's instructor view, less the teams' choices. */
export type ConsoleSnapshot = Pick<InstructorView, 'title' | 'deciding' | 'turn' | 'turns' | 'over' | 'outcome' | 'paused' | 'odds' | 'teams' | 'items'>;

export interface ConsoleLink {
  readonly who: string;
  readonly name: string;
  readonly url: string;
  readonly code: string;
}

/** What the keys do. Each returns the sentence to show; a refused one throws an error with the reason. */
export interface ConsoleActions {
  readonly pause: (paused: boolean) => string;
  readonly endTurn: () => string;
  readonly odds: (shown: boolean) => string;
  readonly instruct: (how: 'fire' | 'hold', kind: 'inject' | 'rule', id: string) => string;
  readonly quit: (code: number) => void;
}

export interface HostConsoleProps {
  readonly links: readonly ConsoleLink[];
  readonly read: () => ConsoleSnapshot;
  /** Milliseconds left of the turn's deadline, or null with none (or paused). */
  readonly remaining: () => number | null;
  /** Be told of every change (a team chose, the deadline played the turn); returns how to stop. */
  readonly subscribe: (listener: (text: string) => void) => () => void;
  readonly actions: ConsoleActions;
  /** Call `tick` every `ms` until the returned function is called; a test's clock can stand in. */
  readonly every?: (tick: () => void, ms: number) => () => void;
  /** The path the record is written to, said once the exercise is over. */
  readonly recordPath?: string;
}

export const CONSOLE_KEYS = ['↑↓ choose', 'f fire', 'h hold', 'p pause/resume', 'e end turn', 'o odds', 'q quit'];

/** The keys while ending the turn waits for a second `e`. */
export const CONFIRM_KEYS = ['e end the turn', 'Esc keep it going'];

/** How many rows of the inject and rule list are shown at most, and at least however small the terminal. */
const LIST_ROWS = 10;
const MIN_LIST_ROWS = 3;

/**
 * The list's rows that fit in `rows`: the console keeps below the terminal's
 * height (a taller frame scrolls its title away and is redrawn from the top),
 * beside its 12 fixed lines (title, clock, headings, margins, two of message,
 * the keys), a line per seat and a line per team.
 */
export function listRows(rows: number, seats: number, teams: number): number {
  return Math.max(MIN_LIST_ROWS, Math.min(LIST_ROWS, rows - 1 - 12 - seats - teams));
}

/** A seat's line: its link, and its code when the width leaves room (the code is the link's part after #). */
export function seatLine(link: ConsoleLink, width: number): string {
  const line = `  ${stripControl(link.name)} (${stripControl(link.who)}): ${stripControl(link.url)}`;
  const code = `  code ${stripControl(link.code)}`;
  return line.length + code.length <= width ? line + code : line;
}

/** The sentence asking to confirm the end of a turn some teams have not chosen for. */
export function confirmText(waiting: readonly string[]): string {
  const who = waiting.length === 1 ? `${waiting[0]} has not chosen and will be decided by its policy` : `${waiting.join(', ')} have not chosen and will be decided by their policies`;
  return `End the turn now? ${who}. Press e again to end it, Esc to keep it going.`;
}

function realEvery(tick: () => void, ms: number): () => void {
  const timer = setInterval(tick, ms);
  return () => clearInterval(timer);
}

/** `4:12`: minutes and seconds, rounded up to the second. */
export function clockOf(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function HostConsole({ links, read, remaining, subscribe, actions, every = realEvery, recordPath }: HostConsoleProps) {
  const paint = usePaint();
  const { columns, rows } = useTerminalSize();
  const [snapshot, setSnapshot] = useState(read);
  const [left, setLeft] = useState(remaining);
  const [row, setRow] = useState(0);
  // Keys typed faster than a render each see the row the last one moved to.
  const rowNow = useRef(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The turn (by turns played) an `e` asked to end, waiting for a second `e`; a ref, so a key right after sees it.
  const confirming = useRef<number | null>(null);
  const [asking, setAsking] = useState(false);
  const ask = (turn: number | null) => {
    confirming.current = turn;
    setAsking(turn !== null);
  };

  useEffect(() => subscribe((text) => {
    setSnapshot(read());
    setLeft(remaining());
    setNotice({ text: stripControl(text), tone: 'info' });
  }), [subscribe, read, remaining]);
  // Each second: the countdown, and who is online (a page joining or leaving is no change of the exercise).
  useEffect(() => every(() => {
    setLeft(remaining());
    setSnapshot(read());
  }, 1000), [every, remaining, read]);

  const items = snapshot.items;
  const clamp = (value: number) => Math.max(0, Math.min(value, items.length - 1));
  const at = clamp(row);
  const move = (by: number) => {
    rowNow.current = clamp(rowNow.current + by);
    setRow(rowNow.current);
  };
  const act = (run: () => string) => {
    try {
      setNotice({ text: stripControl(run()), tone: 'info' });
    } catch (error) {
      setNotice({ text: stripControl(`Refused: ${(error as Error).message}`), tone: 'error' });
    }
    setSnapshot(read());
    setLeft(remaining());
  };

  useInput((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c')) {
      actions.quit(input === 'q' ? 0 : 130);
      return;
    }
    const asked = confirming.current;
    if (asked !== null) {
      ask(null);
      if (input === 'e' && read().turn !== asked) {
        setNotice({ text: 'The turn was played meanwhile; the next one goes on.', tone: 'info' });
        setSnapshot(read());
        return;
      }
      if (input === 'e') {
        act(() => actions.endTurn());
        return;
      }
      if (key.escape) {
        setNotice({ text: 'The turn goes on.', tone: 'info' });
        return;
      }
    }
    if (key.upArrow) move(-1);
    else if (key.downArrow) move(1);
    else if (input === 'p') act(() => actions.pause(!read().paused));
    else if (input === 'e') {
      const now = read();
      const waiting = now.over ? [] : now.teams.filter((team) => !team.decided).map((team) => stripControl(team.name));
      if (waiting.length === 0) {
        act(() => actions.endTurn());
      } else {
        ask(now.turn);
        setSnapshot(now);
        setNotice({ text: confirmText(waiting), tone: 'info' });
      }
    }
    else if (input === 'o') act(() => actions.odds(!read().odds));
    else if (input === 'f' || input === 'h') {
      const item = items[clamp(rowNow.current)];
      if (item !== undefined) act(() => actions.instruct(input === 'f' ? 'fire' : 'hold', item.kind, item.id));
    }
  });

  const clock = left === null ? 'no deadline' : `${clockOf(left)} left`;
  const listed = listRows(rows, links.length, snapshot.teams.length);
  const first = Math.max(0, Math.min(at - Math.floor(listed / 2), items.length - listed));
  const shown = items.slice(first, first + listed);
  const width = Math.max(20, columns);
  const keys = (snapshot.over ? ['q quit'] : asking ? CONFIRM_KEYS : CONSOLE_KEYS).join(' · ');
  return (
    <Box flexDirection="column" width={width}>
      {/* The turn first: a narrow terminal cuts the scenario's title, not where the exercise is. */}
      <Text bold wrap="truncate-end">
        {snapshot.over
          ? `Over after ${snapshot.turns} turns: ${stripControl(snapshot.outcome ?? '')}`
          : `Deciding ${stripControl(snapshot.deciding)} (turn ${snapshot.turn + 1} of ${snapshot.turns})`}
        {` · ${stripControl(snapshot.title)}`}
      </Text>
      {!snapshot.over && (
        <Text wrap="truncate-end">
          <Text bold color={paint(snapshot.paused ? 'yellow' : 'cyan')}>{snapshot.paused ? `❚❚ paused${left === null ? '' : `, ${clock} (the clock is stopped)`}` : `⏱ ${clock}`}</Text>
          {` · model's odds ${snapshot.odds ? 'shown to the teams' : 'hidden from the teams'}`}
        </Text>
      )}
      {/* Wrapped, not cut: the instructor copies the command. */}
      {snapshot.over && recordPath !== undefined && <Text wrap="wrap">{`The record is written: sandtable report ${stripControl(recordPath)}`}</Text>}
      <Box flexDirection="column" marginTop={1}>
        <Text bold>{links.every((link) => seatLine(link, width).endsWith(`code ${stripControl(link.code)}`)) ? 'Seats' : 'Seats (a join code is the part of its link after #)'}</Text>
        {links.map((link) => (
          <Text key={link.who} wrap="truncate-end">{seatLine(link, width)}</Text>
        ))}
      </Box>
      {!snapshot.over && (<Box flexDirection="column" marginTop={1}>
        <Text bold>This turn</Text>
        {snapshot.teams.map((team) => (
          <Text key={team.actor} wrap="truncate-end">
            <Text color={paint(team.decided ? 'green' : 'yellow')}>{team.decided ? '  ✓ ' : '  · '}</Text>
            {`${stripControl(team.name)}: ${team.decided ? 'decided' : 'waiting'}${team.online === 0 ? ' (offline)' : ''}`}
          </Text>
        ))}
      </Box>)}
      {items.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>{`Injects and rules (${at + 1} of ${items.length})`}</Text>
          {shown.map((item, index) => {
            const selected = first + index === at;
            return (
              <Text key={`${item.kind}:${item.id}`} inverse={selected} wrap="truncate-end">
                {`${selected ? '›' : ' '} ${item.kind === 'inject' ? 'inject' : 'rule  '} ${stripControl(item.id)} [${stripControl(item.status)}]: ${stripControl(item.title)}`}
              </Text>
            );
          })}
        </Box>
      )}
      <Box marginTop={1}>
        <Footer notice={notice} width={width} hints={keys} />
      </Box>
      {notice !== null && <Text dimColor wrap="truncate-end">{keys}</Text>}
    </Box>
  );
}
