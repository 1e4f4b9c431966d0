import { randomSeed } from '../../engine/random.js';
import { DEFAULT_SCENARIO } from '../../scenarios/load.js';
import { EXIT, UsageError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { loadForCommand } from '../scenario.js';

export interface TuiOptions {
  seed?: number;
  turns?: number;
  variant?: string;
}

/**
 * The UI and the exercise take over a terminal: refuse without one on both
 * stdin and stdout. React and Ink read NODE_ENV when they load, which is the
 * dynamic import that follows this check.
 */
export function needTerminal(): void {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError('the terminal UI needs an interactive terminal; use `sandtable run` for a run as text or JSON', EXIT.usage);
  }
  process.env.NODE_ENV ??= 'production';
}

/** `sandtable [tui]`: the terminal UI; it needs a terminal on both stdin and stdout. */
export async function tuiCommand(ref: string | undefined, options: TuiOptions): Promise<number> {
  needTerminal();
  // Loading errors are reported as one line before the screen is taken over.
  const scenario = loadForCommand(ref, options.variant);
  const { startTui } = await import('../../tui/start.js');
  return startTui({
    ref: ref ?? DEFAULT_SCENARIO,
    scenario,
    seed: options.seed ?? randomSeed(),
    turns: options.turns ?? scenario.defaultTurns,
    dir: process.cwd(),
    writeFile: writeFileAtomic,
  });
}
