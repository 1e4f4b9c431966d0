import { createElement } from 'react';
import { startHistory } from '../engine/history.js';
import { randomSeed } from '../engine/random.js';
import type { Scenario } from '../engine/types.js';
import { App } from './App.js';
import { exportRecord, type WriteFile } from './export.js';
import { runFullScreen } from './full-screen.js';
import { variantOptions } from './variants.js';

/** What the command line hands the UI: a loaded scenario and the run's settings. */
export interface TuiStart {
  /** The reference the scenario was loaded from (a built-in id or a file), for its variants. */
  readonly ref: string;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly turns: number;
  /** Where `e` writes run records. */
  readonly dir: string;
  readonly writeFile: WriteFile;
}

/** Run the terminal UI until the user quits; resolves to the exit code. */
export async function startTui(start: TuiStart): Promise<number> {
  const history = startHistory(start.scenario, start.seed, start.turns);
  const variants = variantOptions(start.ref, start.scenario);
  let code = 0;
  let lastSeed = start.seed;
  const services = {
    randomSeed,
    variants,
    exportRecord: (branch: Parameters<typeof exportRecord>[0]) => exportRecord(branch, start.dir, start.writeFile),
    onExit: (value: number, seed: number) => {
      code = value;
      lastSeed = seed;
    },
  };
  const signalled = await runFullScreen(createElement(App, { history, services }));
  if (signalled !== null) code = signalled;
  process.stderr.write(`sandtable: seed ${lastSeed} (open this run again with --seed ${lastSeed})\n`);
  return code;
}
