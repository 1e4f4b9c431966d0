import { render } from 'ink';
import { createElement } from 'react';
import { startHistory } from '../engine/history.js';
import { randomSeed } from '../engine/random.js';
import type { Scenario } from '../engine/types.js';
import { App } from './App.js';
import { exportRecord, type WriteFile } from './export.js';
import { colorsEnabled, ColorContext } from './theme.js';
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

// The alternate screen keeps the user's scrollback as it was: quitting puts the
// terminal back the way it was before the UI opened.
const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

/** Exit codes for signals that end the UI: 128 + the signal number. */
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

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
  process.stdout.write(ENTER_ALTERNATE_SCREEN);
  const instance = render(
    createElement(ColorContext.Provider, { value: colorsEnabled(process.env) }, createElement(App, { history, services })),
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
  process.stderr.write(`sandtable: seed ${lastSeed} (open this run again with --seed ${lastSeed})\n`);
  return code;
}
