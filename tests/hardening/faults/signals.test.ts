import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch } from '../../batch/cli.js';
import { ROOT } from '../../helpers.js';

// SIGINT (Ctrl+C) and SIGTERM while a command works: the batch commands stop
// their workers, write nothing (no output file, no temporary file, no half a
// summary on stdout) and exit 130 or 143 with one line; on a terminal their
// progress bar goes and the cursor comes back; the terminal UIs give the
// terminal back as they found it (main screen, cursor shown, line editing and
// echo on) and exit 130 or 143. (tests/batch covers batch --csv with
// SIGINT and SIGTERM, and tests/e2e Ctrl+C typed into the TUI.)

const WAIT_MS = 20_000;
const BIN = join(ROOT, 'bin', 'sandtable.js');

async function until(check: () => boolean, what: () => string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > WAIT_MS) throw new Error(`gave up after ${WAIT_MS} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The threads of a process (Node names them all `node`). */
function threads(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/task`).length;
  } catch {
    return 0;
  }
}

/**
 * How many threads Node has before it starts any worker, once it has used its
 * file-system thread pool (as every command has by then): measured, since it
 * differs between versions.
 */
async function baselineThreads(): Promise<number> {
  const script = 'require("fs").stat("/", () => console.log("ready")); setTimeout(() => {}, 60_000)';
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (chunk) => { out += chunk; });
  await until(() => out.includes('ready'), () => 'a plain node process');
  const count = threads(child.pid!);
  child.kill('SIGKILL');
  return count;
}

/**
 * Start a batch command, send `signal` once its worker threads run (so it is
 * well into its work, with its handlers in place), and give back how it ended.
 */
async function interrupted(args: string[], workers: number, signal: NodeJS.Signals, baseline: number) {
  const child = spawn(process.execPath, [BIN, ...args, '--workers', String(workers)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => { stdout += chunk; });
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, killedBy) => resolve({ code, signal: killedBy }));
  });
  await until(() => threads(child.pid!) >= baseline + workers, () => `${workers} worker threads in ${args.join(' ')}; stderr: ${stderr}`);
  child.kill(signal);
  const { code, signal: killedBy } = await ended;
  return { code, killedBy, stdout, stderr };
}

describe('a batch command stopped by a signal', () => {
  let baseline = 0;
  beforeAll(async () => {
    baseline = await baselineThreads();
  });

  const long = (command: string[], csv: string | null) => [...command, '--runs', '5000000', '--seed', '1', ...(csv === null ? [] : ['--csv', csv])];
  const cases: [string, string[], boolean][] = [
    ['sweep', ['sweep', 'niger-2024', '--set', 'talksChance=0:0.4:3'], true],
    ['batch', ['batch', 'niger-2024'], false],
    ['compare', ['compare', 'niger-2024', 'niger-2024/us-withdrawal'], false],
  ];
  for (const [name, command, writesCsv] of cases) {
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      it(`${name} on ${signal}: stops its workers, writes nothing, exits ${code}`, async () => {
        const dir = scratch(`signal-${name}`);
        const result = await interrupted(long(command, writesCsv ? join(dir, 'out.csv') : null), 2, signal, baseline);
        expect(result.killedBy, result.stderr).toBeNull();
        expect(result.code, result.stderr).toBe(code);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe(`sandtable: error: interrupted by ${signal}: the workers were stopped and no output file was written\n`);
        expect(readdirSync(dir)).toEqual([]);
      });
    }
  }
});

// On a terminal, in tmux: the pane outlives the program (the shell waits on),
// so the state the program left the terminal in can be read afterwards.
describe('a command on a terminal stopped by a signal', () => {
  const socket = `sandtable-signals-${process.pid}-${randomBytes(4).toString('hex')}`;
  const work = scratch('signal-tui');
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  let sessions = 0;

  beforeAll(() => {
    tmux('new-session', '-d', '-s', 'keeper', 'sleep 600');
  });
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  /** Run `sandtable ARGS` in a fresh pane; the shell records its exit code and stays. */
  function open(args: string) {
    sessions += 1;
    const name = `s${sessions}`;
    const exitFile = join(work, `${name}.exit`);
    tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '30',
      `cd '${work}' && env CI=false '${process.execPath}' '${BIN}' ${args}; echo $? > '${exitFile}'; exec sleep 600`);
    const screen = () => tmux('capture-pane', '-p', '-t', name);
    const shell = Number(tmux('display', '-p', '-t', name, '#{pane_pid}').trim());
    return {
      screen,
      /** The sandtable process: the shell's child. */
      pid: () => Number(readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(/\s+/)[0]),
      state: () => {
        const [alternate = '', cursor = '', tty = ''] = tmux('display', '-p', '-t', name, '#{alternate_on} #{cursor_flag} #{pane_tty}').trim().split(' ');
        return [alternate, cursor, tty] as const;
      },
      async exitCode() {
        await until(() => existsSync(exitFile) && readFileSync(exitFile, 'utf8').trim() !== '', () => `the exit of ${args}:\n${screen()}`);
        return Number(readFileSync(exitFile, 'utf8').trim());
      },
      waitFor: (text: string) => until(() => screen().includes(text), () => `"${text}" on the screen:\n${screen()}`),
    };
  }

  // A batch command on a terminal draws a progress bar and hides the cursor while it does.
  const batches: [string, string][] = [
    ['batch', 'batch niger-2024 --runs 5000000 --workers 2 --seed 1'],
    ['sweep', 'sweep niger-2024 --set talksChance=0:0.4:3 --runs 5000000 --workers 2 --seed 1'],
  ];
  for (const [name, args] of batches) {
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      it(`${name} with its progress bar on ${signal}: clears the bar, shows the cursor, says why on a line of its own, exits ${code}`, async () => {
        const term = open(args);
        await term.waitFor('runs/s');
        process.kill(term.pid(), signal);
        expect(await term.exitCode()).toBe(code);
        const [alternate, cursor, tty] = term.state();
        expect(alternate).toBe('0');
        expect(cursor, 'cursor shown').toBe('1');
        expect(execFileSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' })).toMatch(/(^|\s)icanon(\s|$)/);
        const screen = term.screen();
        expect(screen).toMatch(new RegExp(`^sandtable: error: interrupted by ${signal}: the workers were stopped and no output file was written$`, 'm'));
        expect(screen, 'no trace of the bar').not.toMatch(/░|█|runs\/s/);
      });
    }
  }

  const uis: [string, string, string][] = [
    ['tui', 'tui --seed 3', 'Turn 0/24'],
    ['exercise', 'exercise niger-2024 --role usa --seed 3', 'usa'],
  ];
  for (const [name, args, shown] of uis) {
    for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
      it(`${name} on ${signal}: gives the terminal back as it was and exits ${code}`, async () => {
        const term = open(args);
        await term.waitFor(shown);
        expect(term.state()[0], 'in the alternate screen while it runs').toBe('1');
        process.kill(term.pid(), signal);
        expect(await term.exitCode()).toBe(code);
        const [alternate, cursor, tty] = term.state();
        expect(alternate, 'back on the main screen').toBe('0');
        expect(cursor, 'cursor shown').toBe('1');
        const modes = execFileSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' });
        expect(modes, 'line editing and echo on again').toMatch(/(^|\s)icanon(\s|$)/);
        expect(modes).toMatch(/(^|\s)echo(\s|$)/);
        expect(term.screen(), 'the seed, printed on the main screen').toMatch(/^sandtable: .*seed 3\b/m);
      });
    }
  }
});
