import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { advanceTo, startHistory, type History } from '../../src/engine/history.js';
import type { Scenario } from '../../src/engine/types.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { App, type AppServices } from '../../src/tui/App.js';
import { variantOptions } from '../../src/tui/variants.js';

/** The built-in scenario every UI test runs on. */
export const scenario: Scenario = loadScenario('niger-2024');

/** A 24-turn run of niger-2024 computed up to `turn`. */
export function historyAt(seed: number, turn: number): History {
  return advanceTo(startHistory(scenario, seed, 24), turn);
}

/** Key presses as a terminal sends them. */
export const KEY = {
  right: '\u001b[C',
  left: '\u001b[D',
  up: '\u001b[A',
  down: '\u001b[B',
  home: '\u001b[H',
  end: '\u001b[F',
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  shiftTab: '\u001b[Z',
  ctrlC: '\u0003',
  pageDown: '\u001b[6~',
} as const;

/** Wait (bounded) until `check` holds; throws with the last frame if it never does. */
export async function waitUntil(check: () => boolean, describe: () => string, limit = 3000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limit) throw new Error(`gave up waiting; last frame:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A rendered element with helpers to type keys and wait for what the screen shows. */
export interface Mounted {
  /** The last frame drawn. */
  frame(): string;
  /** The test terminal's output stream (it emits `resize`). */
  readonly stdout: NodeJS.EventEmitter;
  unmount(): void;
  waitFor(text: string | RegExp): Promise<void>;
  waitUntilLines(lines: number): Promise<void>;
  press(...keys: string[]): Promise<void>;
}

export function mount(element: ReactElement): Mounted {
  const instance = render(element);
  const frame = () => instance.lastFrame() ?? '';
  return {
    stdout: instance.stdout,
    unmount: instance.unmount,
    frame,
    /** Wait until the screen contains `text`. */
    async waitFor(text: string | RegExp) {
      const has = () => (typeof text === 'string' ? frame().includes(text) : text.test(frame()));
      await waitUntil(has, frame);
    },
    /** Wait until the screen is `lines` lines tall. */
    async waitUntilLines(lines: number) {
      await waitUntil(() => frame().split('\n').length === lines, frame);
    },
    /** Type keys one at a time, letting the app render after each. */
    async press(...keys: string[]) {
      for (const key of keys) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        instance.stdin.write(key);
      }
      // A lone Escape is held back by Ink's parser for a moment, in case a sequence follows.
      await new Promise((resolve) => setTimeout(resolve, keys.includes(KEY.escape) ? 60 : 10));
    },
  };
}

/** Services for the app that record what it asked for instead of touching the system. */
export function fakeServices(overrides: Partial<AppServices> = {}) {
  const calls = { exits: [] as number[], seeds: [] as number[], exported: [] as string[] };
  const services: AppServices = {
    randomSeed: () => 777,
    variants: variantOptions('niger-2024', scenario),
    exportRecord: (branch) => {
      calls.exported.push(branch.name);
      return { path: `/tmp/${branch.name}.json`, turns: branch.history.turns };
    },
    onExit: (code, seed) => {
      calls.exits.push(code);
      calls.seeds.push(seed);
    },
    ...overrides,
  };
  return { services, calls };
}

/** The app on a fresh 24-turn run of niger-2024 with seed 123. */
export function mountApp(overrides: Partial<AppServices> = {}, autoplayInterval = 700): Mounted & { calls: ReturnType<typeof fakeServices>['calls'] } {
  const { services, calls } = fakeServices(overrides);
  const app = mount(<App history={startHistory(scenario, 123, 24)} services={services} autoplayInterval={autoplayInterval} />);
  return { ...app, calls };
}
