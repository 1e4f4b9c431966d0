// The instructor's console in a terminal: the Ink screen of src/tui/host,
// wired to the hosted exercise. The line console (console.ts) is used instead
// when stdin or stdout is not a terminal.
import { render } from 'ink';
import { createElement } from 'react';
import { ColorContext, colorsEnabled } from '../tui/theme.js';
import { HostConsole, type ConsoleActions } from '../tui/host/HostConsole.js';
import type { ConsoleLink } from '../tui/host/HostConsole.js';
import { decidingTurn } from './game.js';
import type { HostRuntime } from './runtime.js';
import type { HostServer } from './server.js';
import { instructorView } from './views.js';

/** What the console's keys do to the exercise. */
export function consoleActions(runtime: HostRuntime, quit: (code: number) => void): ConsoleActions {
  return {
    pause: (paused) => runtime.submit({ t: 'pause', paused }),
    endTurn: () => runtime.submit({ t: 'play', turn: decidingTurn(runtime.game), reason: 'instructor' }),
    odds: (shown) => runtime.submit({ t: 'odds', shown }),
    instruct: (how, kind, id) => runtime.submit({ t: 'instruct', turn: decidingTurn(runtime.game), how, kind, id }),
    quit,
  };
}

/**
 * The runtime's changes as the console says them: a team's choice only as
 * "has decided", since the console may be seen by the room.
 */
export function consoleFeed(runtime: HostRuntime): (listener: (text: string) => void) => () => void {
  const listeners = new Set<(text: string) => void>();
  runtime.subscribe((text, entry) => {
    const said = entry.t === 'choose' ? `${runtime.game.session.roles.find((role) => role.actor === entry.actor)?.name ?? entry.actor} has decided.` : text;
    for (const listener of listeners) listener(said);
  });
  return (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
}

/** Run the Ink console until the instructor quits or the process is told to stop; resolves to the exit code. */
export function startInkConsole(options: { readonly runtime: HostRuntime; readonly server: HostServer; readonly links: readonly ConsoleLink[] }): Promise<number> {
  const { runtime, server } = options;
  return new Promise((resolve) => {
    const end = endOnce(options, () => app.unmount(), resolve);
    const element = createElement(HostConsole, {
      links: options.links,
      read: () => instructorView(runtime.game, { remaining: runtime.remaining(), online: server.online() }),
      remaining: () => runtime.remaining(),
      subscribe: consoleFeed(runtime),
      actions: consoleActions(runtime, end),
      recordPath: runtime.start.recordPath,
    });
    const app = render(createElement(ColorContext.Provider, { value: colorsEnabled(process.env) }, element), { exitOnCtrlC: false });
  });
}

/**
 * How either console ends: once, whatever asks first (its quit key, SIGINT,
 * SIGTERM): the console's own screen or input closed, then the server, then
 * the journal; then the promise resolves to the exit code.
 */
export function endOnce(
  options: { readonly runtime: HostRuntime; readonly server: HostServer },
  closeConsole: () => void,
  resolve: (code: number) => void,
): (code: number) => void {
  let done = false;
  const end = (code: number) => {
    if (done) return;
    done = true;
    closeConsole();
    void options.server.close().then(() => {
      options.runtime.close();
      resolve(code);
    });
  };
  process.once('SIGINT', () => end(130));
  process.once('SIGTERM', () => end(143));
  return end;
}
