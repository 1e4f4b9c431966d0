import { EXIT, UsageError } from '../errors.js';

export interface TuiOptions {
  seed?: number;
  turns?: number;
  variant?: string;
}

/** `sandtable [tui]`: the terminal UI; it needs a terminal on both stdin and stdout. */
export async function tuiCommand(ref: string | undefined, options: TuiOptions): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError('the terminal UI needs an interactive terminal; use `sandtable run` for a run as text or JSON', EXIT.usage);
  }
  const { startTui } = await import('../../tui/start.js');
  return startTui(ref, options);
}
