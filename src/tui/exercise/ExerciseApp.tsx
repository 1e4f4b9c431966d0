import type { History } from '../../engine/history.js';
import type { SavedExercise } from '../../engine/record.js';
import type { WrittenRecord } from '../export.js';
import { useCommands } from '../hooks/use-commands.js';
import { useSession } from '../hooks/use-session.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { cannotExport } from '../notice.js';
import { ExerciseScreen } from './components/ExerciseScreen.js';
import { exerciseCommandFor, type ExerciseCommand } from './keys.js';
import { resumedSession, savedExerciseOf, type ResumePoint } from './resume.js';
import { reduce, startExercise, type ExerciseAction, type ExerciseSession } from './session.js';
import type { Inject, Role } from './types.js';

/** What the exercise needs from outside: the file system, and where to report the end. */
export interface ExerciseServices {
  /**
   * Write the record of the turns played, with the exercise's state to resume
   * it from; returns where, or throws an error that says why it could not.
   */
  readonly exportRecord: (history: History, roles: readonly Role[], saved: SavedExercise) => WrittenRecord;
  /** Told the exit code just before the app unmounts, and a line to print then (where the record was saved), if any. */
  readonly onExit: (code: number, line?: string) => void;
}

export interface ExerciseAppProps {
  readonly history: History;
  readonly roles: readonly Role[];
  readonly injects: readonly Inject[];
  readonly services: ExerciseServices;
  /** An exercise continued from its record: the session starts there instead of at turn 0. */
  readonly resumed?: ResumePoint;
}

/** The exercise: keys to commands, commands to session actions and effects. */
export function ExerciseApp({ history, roles, injects, services, resumed }: ExerciseAppProps) {
  const { columns, rows } = useTerminalSize();
  const [session, dispatch, current] = useSession(reduce, () => (resumed === undefined ? startExercise(history, roles, injects) : resumedSession(resumed)));

  useCommands((input, key) => exerciseCommandFor(current().mode, input, key), (command) => {
    if (command === 'interrupt') {
      services.onExit(130);
      return 'end';
    }
    if (command === 'save') {
      // Save and quit: the record is written, or the notice says why not and the exercise goes on.
      const action = exportAction(current(), services);
      dispatch(action);
      if (action.type !== 'saved') return 'go on';
      services.onExit(0, savedLine(action.path, action.turns));
      return 'end';
    }
    const next = dispatch(command === 'export' ? exportAction(current(), services) : actionFor(command));
    if (!next.quit) return 'go on';
    services.onExit(0);
    return 'end';
  });

  return <ExerciseScreen session={session} columns={columns} rows={rows} />;
}

/** The session action of a command (export and interrupt are effects, handled by the app). */
export function actionFor(command: Exclude<ExerciseCommand, 'export' | 'save' | 'interrupt'>): ExerciseAction {
  switch (command) {
    case 'up': return { type: 'move', delta: -1 };
    case 'down': return { type: 'move', delta: 1 };
    case 'choose': return { type: 'choose' };
    case 'take-back': return { type: 'take-back' };
    case 'brief': return { type: 'open', mode: 'brief' };
    case 'instructor': return { type: 'open', mode: 'instructor' };
    case 'panels': return { type: 'open', mode: 'panels' };
    case 'help': return { type: 'open', mode: 'help' };
    case 'odds': return { type: 'toggle-odds' };
    case 'close': return { type: 'close' };
    case 'fire': return { type: 'fire' };
    case 'hold': return { type: 'hold' };
    case 'earlier': return { type: 'look', delta: -1 };
    case 'later': return { type: 'look', delta: 1 };
    case 'quit': return { type: 'quit' };
    default: return { type: 'select', index: Number(command.slice('select-'.length)) };
  }
}

function exportAction(session: ExerciseSession, services: ExerciseServices): ExerciseAction {
  try {
    const { path, turns } = services.exportRecord(session.history, session.roles, savedExerciseOf(session));
    return { type: 'saved', path, turns };
  } catch (error) {
    return { type: 'notice', notice: cannotExport(error) };
  }
}

/** The line printed as the exercise ends once saved: where, and how to continue. */
function savedLine(path: string, turns: number): string {
  return `sandtable: saved the exercise (${turns} turns) to ${path}; continue it with: sandtable exercise --resume ${shellWord(path)}`;
}

/** A path as a shell word: quoted when it holds anything but plain path characters. */
function shellWord(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
