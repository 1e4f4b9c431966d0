// The time to render one frame of the terminal UI: the real App on niger-2024,
// rendered by Ink into an in-memory terminal of 120 × 40 cells, timed from a
// key press to the frame that answers it. Ink runs in debug mode here (every
// render written at once, no frame-rate throttle), so the time is the UI's own
// work: the session update, React's render and Ink's layout and output.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = new URL('..', import.meta.url).pathname;
const COLUMNS = 120;
const ROWS = 40;

/** Is the terminal UI there to measure? Returns null when it is, else why not. */
export async function tuiMissing() {
  if (!existsSync(join(ROOT, 'dist', 'tui', 'App.js'))) return 'the terminal UI is not built yet (no src/tui/App.tsx)';
  return null;
}

// React and Ink from the product's own dependencies (one React for Ink and the App).
const fromRoot = createRequire(join(ROOT, 'package.json'));
const load = (name) => import(pathToFileURL(fromRoot.resolve(name)).href);

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = COLUMNS;
  rows = ROWS;
  frames = 0;
  last = '';
  waiting = null;
  write = (frame) => {
    this.frames += 1;
    this.last = frame;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(process.hrtime.bigint());
    }
    return true;
  };
  /** Resolves at the next write. */
  next() {
    return new Promise((resolve) => { this.waiting = resolve; });
  }
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  data = null;
  write(data) {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

const KEYS = { forward: '\u001b[C', back: '\u001b[D' };

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Mount the App, step to the end and back `cycles` times; per-frame times in ms. */
export async function measureTuiFrame({ mounts = 5, cycles = 3, log = () => {} } = {}) {
  const { createElement } = await load('react');
  const { render } = await load('ink');
  const { App } = await import('../dist/tui/App.js');
  const { ColorContext } = await import('../dist/tui/theme.js');
  const { loadScenario } = await import('../dist/index.js');
  const { startHistory } = await import('../dist/engine/index.js');
  const scenario = loadScenario('niger-2024');
  const turns = scenario.defaultTurns;
  const services = {
    randomSeed: () => 1,
    variants: [],
    exportRecord: () => { throw new Error('no export in the benchmark'); },
    onExit: () => {},
  };

  const times = { mount: [], computed: [], kept: [], back: [] };
  for (let mount = 0; mount < mounts; mount += 1) {
    const stdout = new FakeStdout();
    const stdin = new FakeStdin();
    const history = startHistory(scenario, 1000 + mount, turns);
    const started = process.hrtime.bigint();
    const firstFrame = stdout.next();
    const instance = render(
      createElement(ColorContext.Provider, { value: true }, createElement(App, { history, services })),
      { stdout, stderr: new FakeStdout(), stdin, debug: true, exitOnCtrlC: false, patchConsole: false },
    );
    times.mount.push(Number((await firstFrame) - started) / 1e6);
    const press = async (key) => {
      const frame = stdout.next();
      const start = process.hrtime.bigint();
      stdin.write(key);
      return Number((await frame) - start) / 1e6;
    };
    for (let cycle = 0; cycle < cycles; cycle += 1) {
      for (let turn = 1; turn <= turns; turn += 1) {
        // The first pass computes each turn on the interactive path; later passes show kept turns.
        (cycle === 0 ? times.computed : times.kept).push(await press(KEYS.forward));
      }
      if (!stdout.last.includes(`${turns}/${turns}`)) throw new Error(`the UI did not reach turn ${turns}: ${stdout.last.split('\n')[0]}`);
      for (let turn = turns; turn >= 1; turn -= 1) times.back.push(await press(KEYS.back));
    }
    instance.unmount();
    instance.cleanup();
    log(`tui: mount ${mount + 1}/${mounts} done`);
  }
  const row = (what, values) => ({ what, frames: values.length, medianMs: percentile(values, 50), p95Ms: percentile(values, 95) });
  return {
    available: true,
    description: `the App on niger-2024 (${turns} turns) in a ${COLUMNS} × ${ROWS} terminal, key press to frame, Ink debug mode (no throttle)`,
    results: [
      row('first frame (mount)', times.mount),
      row('step forward, computing the turn', times.computed),
      row('step forward, kept turn', times.kept),
      row('step back, kept turn', times.back),
    ],
  };
}
