import { createElement } from 'react';
import { startHistory } from '../../engine/history.js';
import type { Scenario } from '../../engine/types.js';
import type { WriteFile } from '../export.js';
import { runFullScreen } from '../full-screen.js';
import { ExerciseApp } from './ExerciseApp.js';
import { exportExercise } from './export.js';
import type { Inject, Role } from './types.js';

/** What the command line hands the exercise: a loaded scenario, the roles, the injects and the run's settings. */
export interface ExerciseStart {
  readonly scenario: Scenario;
  readonly roles: readonly Role[];
  readonly injects: readonly Inject[];
  /** Whether an inject file changed the scenario's inject timeline (records then embed the one played). */
  readonly injectFile?: boolean;
  readonly seed: number;
  readonly turns: number;
  /** Where `e` writes records. */
  readonly dir: string;
  readonly writeFile: WriteFile;
}

/** Run an exercise until the players quit; resolves to the exit code. */
export async function startExercise(start: ExerciseStart): Promise<number> {
  const history = startHistory(start.scenario, start.seed, start.turns);
  let code = 0;
  const services = {
    exportRecord: (played: typeof history, roles: readonly Role[]) => exportExercise(played, roles, start.dir, start.writeFile, start.injectFile === true ? start.injects : undefined),
    onExit: (value: number) => {
      code = value;
    },
  };
  const signalled = await runFullScreen(createElement(ExerciseApp, { history, roles: start.roles, injects: start.injects, services }));
  if (signalled !== null) code = signalled;
  process.stderr.write(`sandtable: exercise seed ${start.seed} (play it again with --seed ${start.seed})\n`);
  return code;
}
