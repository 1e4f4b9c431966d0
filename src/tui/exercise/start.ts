import { render } from 'ink';
import { createElement } from 'react';
import { startHistory } from '../../engine/history.js';
import type { Scenario } from '../../engine/types.js';
import type { WriteFile } from '../export.js';
import { colorsEnabled, ColorContext } from '../theme.js';
import { ExerciseApp } from './ExerciseApp.js';
import { exportExercise } from './export.js';
import type { Inject, Role } from './types.js';

/** What the command line hands the exercise: a loaded scenario, the roles, the injects and the run's settings. */
export interface ExerciseStart {
  readonly scenario: Scenario;
  readonly roles: readonly Role[];
  readonly injects: readonly Inject[];
  readonly seed: number;
  readonly turns: number;
  /** Where `e` writes records. */
  readonly dir: string;
  readonly writeFile: WriteFile;
}

// The alternate screen keeps the user's scrollback as it was.
const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

/** Exit codes for signals that end the exercise: 128 + the signal number. */
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** Run an exercise until the players quit; resolves to the exit code. */
export async function startExercise(start: ExerciseStart): Promise<number> {
  const history = startHistory(start.scenario, start.seed, start.turns);
  let code = 0;
  const services = {
    exportRecord: (played: typeof history, roles: readonly Role[]) => exportExercise(played, roles, start.dir, start.writeFile),
    onExit: (value: number) => {
      code = value;
    },
  };
  process.stdout.write(ENTER_ALTERNATE_SCREEN);
  const instance = render(
    createElement(ColorContext.Provider, { value: colorsEnabled(process.env) },
      createElement(ExerciseApp, { history, roles: start.roles, injects: start.injects, services })),
    { exitOnCtrlC: false },
  );
  const handlers = Object.entries(SIGNALS).map(([signal, value]) => {
    const handler = () => {
      code = value;
      instance.unmount();
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  try {
    await instance.waitUntilExit();
  } finally {
    for (const remove of handlers) remove();
    process.stdout.write(LEAVE_ALTERNATE_SCREEN + SHOW_CURSOR);
  }
  process.stderr.write(`sandtable: exercise seed ${start.seed} (play it again with --seed ${start.seed})\n`);
  return code;
}
