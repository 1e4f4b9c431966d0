import { render } from 'ink';
import { createElement, type ReactElement } from 'react';
import { colorsEnabled, ColorContext } from './theme.js';

// The alternate screen keeps the user's scrollback as it was: quitting puts the
// terminal back the way it was before the UI opened.
const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

/** Exit codes for signals that end the UI: 128 + the signal number. */
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * Render an app on the alternate screen, with colours as the environment
 * allows, until it exits or a signal ends it; the terminal is put back either
 * way. Resolves to the signal's exit code, or null when the app exited itself.
 */
export async function runFullScreen(app: ReactElement): Promise<number | null> {
  let signalled: number | null = null;
  process.stdout.write(ENTER_ALTERNATE_SCREEN);
  const instance = render(createElement(ColorContext.Provider, { value: colorsEnabled(process.env) }, app), { exitOnCtrlC: false });
  const handlers = Object.entries(SIGNALS).map(([signal, value]) => {
    const handler = () => {
      signalled = value;
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
  return signalled;
}

/**
 * Run an app full screen until it ends, and resolve to its exit code (or the
 * signal's). `app` is handed the function it calls as it ends, with its exit
 * code and the line to print on stderr then; `note` is that line if it ends
 * by a signal.
 */
export async function runApp(app: (end: (code: number, note: string) => void) => ReactElement, note: string): Promise<number> {
  let code = 0;
  let last = note;
  const signalled = await runFullScreen(app((value, line) => {
    code = value;
    last = line;
  }));
  process.stderr.write(`${last}\n`);
  return signalled ?? code;
}
