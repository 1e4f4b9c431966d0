import type { TuiOptions } from '../cli/commands/tui.js';

/** Start the terminal UI. */
export async function startTui(_ref: string | undefined, _options: TuiOptions): Promise<number> {
  process.stderr.write('sandtable: the terminal UI is not built yet; use `sandtable run`\n');
  return 2;
}
