import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../helpers.js';

// The built binary in a real terminal: tmux gives it a pseudo-terminal of a
// fixed size, takes keys, and shows what is on the screen. Every wait is
// bounded (generously: a busy machine with every test file running can take
// many seconds to draw a screen); each test file's server has a socket of its own.
const WAIT_MS = 30_000;

/** A word quoted for the shell. */
export function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

async function until(check: () => boolean, describe: () => string, limit = WAIT_MS): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limit) throw new Error(`gave up after ${limit} ms; ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A tmux server of its own, and terminals running `sandtable` in a working directory. */
export function tmuxServer(work: string) {
  const socket = `sandtable-e2e-${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  let sessions = 0;
  return {
    /** Keep the server up between terminals (it would shut down with its last session). */
    start() {
      tmux('new-session', '-d', '-s', 'keeper', 'sleep 600');
    },
    stop() {
      spawnSync('tmux', ['-L', socket, 'kill-server']);
    },
    /** A terminal running `sandtable ARGS`; its exit code is written to a file when it ends. */
    terminal(args: string, options: { columns?: number; rows?: number; env?: string; pidFile?: string; waitMs?: number } = {}) {
      sessions += 1;
      const name = `s${sessions}`;
      const exitFile = join(work, `${name}.exit`);
      // With a pid file, a shell writes its pid and becomes the program (to be sent a signal).
      const pid = options.pidFile === undefined ? '' : `sh -c ${quote(`echo $$ > ${quote(options.pidFile)}; exec "$@"`)} sh `;
      // CI=false: Ink renders nothing until exit when it believes it runs in CI.
      const command = `cd ${quote(work)} && ${pid}env CI=false ${options.env ?? ''} ${quote(process.execPath)} ${quote(join(ROOT, 'bin/sandtable.js'))} ${args}; ` +
        `echo $? > ${quote(exitFile)}`;
      tmux('new-session', '-d', '-s', name, '-x', String(options.columns ?? 100), '-y', String(options.rows ?? 30), command);
      /** What is on the screen; with `escapes`, with its colour codes. */
      const screen = (escapes = false) => {
        try {
          return tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', name);
        } catch {
          return '';
        }
      };
      return {
        screen,
        keys(...keys: string[]) {
          tmux('send-keys', '-t', name, ...keys);
        },
        resize(columns: number, rows: number) {
          tmux('resize-window', '-t', name, '-x', String(columns), '-y', String(rows));
        },
        /** Wait until the screen shows `text`. */
        async waitFor(text: string | RegExp) {
          await until(() => (typeof text === 'string' ? screen().includes(text) : text.test(screen())), () => `screen:\n${screen()}`, options.waitMs);
        },
        /** Wait for the program to end; resolves to its exit code. */
        async exitCode(): Promise<number> {
          await until(() => existsSync(exitFile) && readFileSync(exitFile, 'utf8').trim() !== '', () => `still running:\n${screen()}`, options.waitMs);
          return Number(readFileSync(exitFile, 'utf8').trim());
        },
      };
    },
  };
}

/**
 * For one test file: a fresh working directory (named from `prefix`) and a tmux
 * server, started before its tests; both are removed after them.
 */
export function terminalsIn(prefix: string) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const server = tmuxServer(work);
  beforeAll(() => server.start());
  afterAll(() => {
    server.stop();
    rmSync(work, { recursive: true, force: true });
  });
  return { work, terminal: server.terminal };
}
