import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll } from 'vitest';
import { MAX_SEED } from '../../src/engine/random.js';
import type { Scenario } from '../../src/engine/types.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { scenarioSchema, type ScenarioSpec } from '../../src/scenarios/format.js';
import { readScenarioFile } from '../../src/scenarios/load.js';
import type { Data } from './overlay-arbitraries.js';

// Generated overlays are read the way a user's are: as files that extend a
// base file, through the loader, in a temporary directory of their own.

/** Fixed seeds and bounded case counts keep CI reproducible. */
export const SETTINGS = { seed: 20261201, numRuns: 40 };
export const anySeed = fc.integer({ min: 0, max: MAX_SEED });
export const someTurns = fc.integer({ min: 1, max: 10 });

/** A base's data, or the id of a built-in scenario to extend (then no base file is written). */
type Write = (base: Data | string, ...overlays: Data[]) => string[];

/**
 * A directory for the files of one test file (removed after its tests), a way
 * to write a base and a chain of files extending it, and the merged scenario of
 * a base extended by one file.
 */
export function overlayFiles(): { write: Write; merged: (base: Data, overlay: Data) => { spec: ScenarioSpec; baseSpec: ScenarioSpec } } {
  const dir = mkdtempSync(join(tmpdir(), 'sandtable-overlay-properties-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let count = 0;
  /** The paths of the base and of each extending file (the i-th has id `child-i`). */
  const write: Write = (base, ...overlays) => {
    count += 1;
    const names = [typeof base === 'string' ? base : `base-${count}.json`, ...overlays.map((_, i) => `child-${count}-${i}.json`)];
    if (typeof base !== 'string') writeFileSync(join(dir, names[0]!), JSON.stringify(base));
    overlays.forEach((overlay, i) => {
      writeFileSync(join(dir, names[i + 1]!), JSON.stringify({ format: 2, extends: names[i], id: `child-${i}`, ...overlay }));
    });
    return names.map((name) => (name === base ? name : join(dir, name)));
  };
  return {
    write,
    merged(base, overlay) {
      const [basePath, childPath] = write(base, overlay);
      return { spec: readScenarioFile(childPath!), baseSpec: readScenarioFile(basePath!) };
    },
  };
}

/** The hash the base has under another id (and a variant): what a file extending it that changes nothing must have. */
export function renamedHash(base: Data, id: string, variant: string | null = null): string {
  return compileScenario(scenarioSchema.parse({ ...base, id }), variant).hash;
}

/** Every compiled form of a scenario: as written and under each variant. */
export function everyVariant(spec: ScenarioSpec): Scenario[] {
  return [null, ...spec.variants.map((variant) => variant.id)].map((id) => compileScenario(spec, id));
}

/** The item of a list with this id. */
export const byId = <T extends { id?: unknown }>(list: readonly T[], id: string): T | undefined => list.find((item) => item.id === id);
