import type { History } from '../../engine/history.js';
import type { WrittenRecord } from '../export.js';
import { useCommands } from '../hooks/use-commands.js';
import { useSession } from '../hooks/use-session.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { cannotExport } from '../notice.js';
import { ExerciseScreen } from './components/ExerciseScreen.js';
import { exerciseCommandFor, type ExerciseCommand } from './keys.js';
import { reduce, startExercise, type ExerciseAction, type ExerciseSession } from './session.js';
import type { Inject, Role } from './types.js';

/** What the exercise needs from outside: the file system, and where to report the end. */
export interface ExerciseServices {
  /** Write the record of the turns played; returns where, or throws an error that says why it could not. */
  readonly exportRecord: (history: History, roles: readonly Role[]) => WrittenRecord;
  /** Told the exit code just before the app unmounts. */
  readonly onExit: (code: number) => void;
}

export interface ExerciseAppProps {
  readonly history: History;
  readonly roles: readonly Role[];
  readonly injects: readonly Inject[];
  readonly services: ExerciseServices;
}

/** The exercise: keys to commands, commands to session actions and effects. */
export function ExerciseApp({ history, roles, injects, services }: ExerciseAppProps) {
  const { columns, rows } = useTerminalSize();
  const [session, dispatch, current] = useSession(reduce, () => startExercise(history, roles, injects));

  useCommands((input, key) => exerciseCommandFor(current().mode, input, key), (command) => {
    if (command === 'interrupt') {
      services.onExit(130);
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
export function actionFor(command: Exclude<ExerciseCommand, 'export' | 'interrupt'>): ExerciseAction {
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
    const { path, turns } = services.exportRecord(session.history, session.roles);
    return { type: 'saved', path, turns };
  } catch (error) {
    return { type: 'notice', notice: cannotExport(error) };
  }
}
