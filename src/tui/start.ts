import { createElement } from 'react';
import { startHistory } from '../engine/history.js';
import { randomSeed } from '../engine/random.js';
import type { Scenario } from '../engine/types.js';
import { App } from './App.js';
import { exportRecord, type WriteFile } from './export.js';
import { runApp } from './full-screen.js';
import { variantOptions } from './variants.js';

/** What the command line hands the UI and the exercise: a loaded scenario and the run's settings. */
export interface AppStart {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly turns: number;
  /** Where `e` writes run records. */
  readonly dir: string;
  readonly writeFile: WriteFile;
}

/** What the UI needs besides: the reference the scenario was loaded from (a built-in id or a file), for its variants. */
export interface TuiStart extends AppStart {
  readonly ref: string;
}

/** Run the terminal UI until the user quits; resolves to the exit code. */
export async function startTui(start: TuiStart): Promise<number> {
  const history = startHistory(start.scenario, start.seed, start.turns);
  const note = (seed: number) => `sandtable: seed ${seed} (open this run again with --seed ${seed})`;
  return runApp((end) => createElement(App, {
    history,
    services: {
      randomSeed,
      variants: variantOptions(start.ref, start.scenario),
      exportRecord: (branch) => exportRecord(branch, start.dir, start.writeFile),
      onExit: (code, seed) => end(code, note(seed)),
    },
  }), note(start.seed));
}
