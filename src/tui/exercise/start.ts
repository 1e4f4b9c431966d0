import { createElement } from 'react';
import { startHistory } from '../../engine/history.js';
import { exportExercise } from '../export.js';
import { runApp } from '../full-screen.js';
import type { AppStart } from '../start.js';
import { ExerciseApp } from './ExerciseApp.js';
import type { ResumePoint } from './resume.js';
import type { Inject, Role } from './types.js';

/** What the exercise needs besides: the roles and the injects. */
export interface ExerciseStart extends AppStart {
  readonly roles: readonly Role[];
  readonly injects: readonly Inject[];
  /** Whether an inject file changed the scenario's inject timeline (records then embed the one played). */
  readonly injectFile?: boolean;
  /** An exercise continued from its record (`--resume`): it starts at the record's last turn. */
  readonly resumed?: ResumePoint;
}

/** Run an exercise until the players quit; resolves to the exit code. */
export async function startExercise(start: ExerciseStart): Promise<number> {
  const history = start.resumed?.history ?? startHistory(start.scenario, start.seed, start.turns);
  const note = start.resumed === undefined
    ? `sandtable: exercise seed ${start.seed} (play it again with --seed ${start.seed})`
    : `sandtable: exercise seed ${start.seed}, resumed after turn ${start.resumed.history.kept.length - 1}`;
  const injects = start.injectFile === true ? start.injects : undefined;
  return runApp((end) => createElement(ExerciseApp, {
    history,
    roles: start.roles,
    injects: start.injects,
    ...(start.resumed === undefined ? {} : { resumed: start.resumed }),
    services: {
      exportRecord: (played, roles, saved) => exportExercise(played, roles, start.dir, start.writeFile, injects, saved),
      onExit: (code, line) => end(code, line === undefined ? note : `${note}\n${line}`),
    },
  }), note);
}
