import { useCallback, useMemo } from 'react';
import { monthLabel } from '../engine/calendar.js';
import type { History } from '../engine/history.js';
import { Screen } from './components/Screen.js';
import { useAutoplay } from './hooks/use-autoplay.js';
import { useCommands } from './hooks/use-commands.js';
import { useSession } from './hooks/use-session.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { commandFor, type Command } from './keys.js';
import { cannotExport, type Notice } from './notice.js';
import { activeBranch, reduce, startSession, whatIfsOf, type Session, type SessionAction } from './session.js';
import type { Branch } from './branches.js';
import type { WrittenRecord } from './export.js';
import type { VariantOption } from './what-ifs.js';

/** What the app needs from outside: randomness, the variants, and the file system. */
export interface AppServices {
  /** A fresh seed for `s`. */
  readonly randomSeed: () => number;
  /** The variants a what-if branch can switch to. */
  readonly variants: readonly VariantOption[];
  /** Write a branch's run record; returns where, or throws an error that says why it could not. */
  readonly exportRecord: (branch: Branch) => WrittenRecord;
  /** Told the exit code, and the seed of the run on screen, just before the app unmounts. */
  readonly onExit: (code: number, seed: number) => void;
}

export interface AppProps {
  readonly history: History;
  readonly services: AppServices;
  /** Milliseconds between autoplay steps. */
  readonly autoplayInterval?: number;
}

const PAGE = 10;

/** The interactive app: keys to commands, commands to session actions and effects. */
export function App({ history, services, autoplayInterval = 700 }: AppProps) {
  const { columns, rows } = useTerminalSize();
  const [session, dispatch, current] = useSession(reduce, () => startSession(history, services.variants));
  const tick = useCallback(() => dispatch({ type: 'tick' }), [dispatch]);
  useAutoplay(session.playing, tick, autoplayInterval);

  useCommands((input, key) => commandFor(current().mode, input, key), (command) => {
    if (command === 'quit' || command === 'interrupt') {
      services.onExit(command === 'quit' ? 0 : 130, current().branches[0]!.history.seed);
      return 'end';
    }
    const action = command === 'export' ? { type: 'notice' as const, notice: exportNotice(current(), services) } : actionFor(command, current(), services);
    if (action !== null) dispatch(action);
    return 'go on';
  });

  const whatIfs = useMemo(() => (session.mode === 'what-if' ? whatIfsOf(session) : []), [session]);
  return <Screen session={session} columns={columns} rows={rows} whatIfs={whatIfs} />;
}

/** The session action of a command (quit and export are effects, handled by the app). */
export function actionFor(command: Command, session: Session, services: Pick<AppServices, 'randomSeed'>): SessionAction | null {
  switch (command) {
    case 'forward': return { type: 'forward' };
    case 'back': return { type: 'back' };
    case 'first': return { type: 'first' };
    case 'last': return { type: 'last' };
    case 'play': return { type: 'toggle-play' };
    case 'previous-event': return { type: 'select-event', delta: -1 };
    case 'next-event': return { type: 'select-event', delta: 1 };
    case 'event-details': return { type: 'open', mode: 'event' };
    case 'what-if': return { type: 'open', mode: 'what-if' };
    case 'branches': return { type: 'open', mode: 'branches' };
    case 'next-branch': return { type: 'switch', to: session.active + 1 };
    case 'previous-branch': return { type: 'switch', to: session.active - 1 };
    case 'compare': return { type: 'compare' };
    case 'new-seed': return { type: 'new-seed', seed: services.randomSeed() };
    case 'help': return { type: 'open', mode: 'help' };
    case 'up': return { type: 'move', delta: -1 };
    case 'down': return { type: 'move', delta: 1 };
    case 'page-up': return { type: 'move', delta: -PAGE };
    case 'page-down': return { type: 'move', delta: PAGE };
    case 'top': return { type: 'move', delta: -Number.MAX_SAFE_INTEGER };
    case 'bottom': return { type: 'move', delta: Number.MAX_SAFE_INTEGER };
    case 'next-section': return { type: 'section', delta: 1 };
    case 'previous-section': return { type: 'section', delta: -1 };
    case 'choose': return { type: 'choose' };
    case 'close': return { type: 'close' };
    case 'export':
    case 'quit':
    case 'interrupt':
      return null;
  }
}

function exportNotice(session: Session, services: AppServices): Notice {
  const branch = activeBranch(session);
  try {
    const { path, turns } = services.exportRecord(branch);
    const until = monthLabel(branch.history.scenario.start, turns);
    return { tone: 'info', text: `Wrote the run record of ${branch.name} (${turns} turns, to ${until}) to ${path}` };
  } catch (error) {
    return cannotExport(error);
  }
}
