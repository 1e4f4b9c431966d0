// The time to render one frame of the terminal UI.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

/** Is the terminal UI there to measure? Returns null when it is, else why not. */
export async function tuiMissing() {
  const start = join(ROOT, 'dist', 'tui', 'start.js');
  if (!existsSync(start) || readFileSync(start, 'utf8').includes('not built yet')) {
    return 'the terminal UI is not built yet (src/tui/start.ts is still a stub)';
  }
  return 'the terminal UI has no frame measurement here yet';
}

export async function measureTuiFrame() {
  throw new Error('not available');
}
