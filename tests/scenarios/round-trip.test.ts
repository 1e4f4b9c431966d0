import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultOf, run } from '../../src/engine/run.js';
import { scenarioHash } from '../../src/scenarios/scenario-hash.js';
import { builtinSpec, loadScenario, parseSpec } from '../../src/scenarios/load.js';
import { sandtable } from '../helpers.js';
import { tempDir, writeFiles } from './fixtures.js';

const SEEDS = [1, 7, 42, 2024];

/** The final hash of a run of each seed. */
function finals(scenario: ReturnType<typeof loadScenario>): string[] {
  return SEEDS.map((seed) => resultOf(run(scenario, { seed, turns: 24 })).finalHash);
}

describe('show, read back', () => {
  it('gives niger-2024 back from its YAML: the same scenario hash and the same runs', () => {
    const shown = sandtable(['show', 'niger-2024', '--yaml']);
    expect(shown.code).toBe(0);
    const file = join(tempDir(), 'niger-copy.yaml');
    writeFileSync(file, shown.stdout);
    const spec = parseSpec(shown.stdout, file);
    expect(scenarioHash(spec, null)).toBe(scenarioHash(builtinSpec('niger-2024'), null));
    const original = loadScenario('niger-2024');
    const copy = loadScenario(file);
    expect(copy.hash).toBe(original.hash);
    expect(finals(copy)).toEqual(finals(original));
    for (const variant of builtinSpec('niger-2024').variants) {
      expect(loadScenario(file, variant.id).hash).toBe(loadScenario('niger-2024', variant.id).hash);
    }
  });

  it('gives niger-2024 back from its JSON too', () => {
    const shown = sandtable(['show', 'niger-2024', '--json']);
    expect(shown.code).toBe(0);
    const file = join(tempDir(), 'niger-copy.json');
    writeFileSync(file, shown.stdout);
    expect(loadScenario(file).hash).toBe(loadScenario('niger-2024').hash);
  });

  it('shows a variant as a scenario of its own that runs exactly as the variant', () => {
    const shown = sandtable(['show', 'niger-2024/russian-expansion']);
    expect(shown.code).toBe(0);
    const file = join(tempDir(), 'expansion.yaml');
    writeFileSync(file, shown.stdout);
    const flat = loadScenario(file);
    expect(flat.id).toBe('niger-2024-russian-expansion');
    expect(flat.params).toEqual(loadScenario('niger-2024', 'russian-expansion').params);
    expect(finals(flat)).toEqual(finals(loadScenario('niger-2024', 'russian-expansion')));
    expect(sandtable(['show', 'niger-2024', '--variant', 'russian-expansion']).stdout).toBe(shown.stdout);
  });

  it('shows a file with extends: resolved, which reads back to the same scenario', () => {
    const dir = writeFiles(tempDir(), { 'slow.yaml': 'extends: niger-2024\nid: slow-russia\nparams: { russianGrowth: 0.01 }\n' });
    const shown = sandtable(['show', join(dir, 'slow.yaml')]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).not.toContain('extends');
    expect(shown.stdout).toContain('russianGrowth: 0.01');
    writeFileSync(join(dir, 'flat.yaml'), shown.stdout);
    expect(loadScenario(join(dir, 'flat.yaml')).hash).toBe(loadScenario(join(dir, 'slow.yaml')).hash);
  });

  it('leaves out values equal to their defaults', () => {
    const shown = sandtable(['show', 'niger-2024']).stdout;
    expect(shown).not.toMatch(/once: false|description: ""|effects: \[\]/);
    expect(shown).toMatch(/^format: 2\nid: niger-2024\ntitle: /);
  });
});
