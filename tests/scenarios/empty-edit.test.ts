import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/engine/run.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { scenarioJsonSchema } from '../../src/scenarios/json-schema.js';
import { readScenarioFile } from '../../src/scenarios/load.js';
import { expectUsageError, hashes } from '../helpers.js';
import { tempDir, TINY, writeFiles } from './fixtures.js';

// `{}` written for a list in an extending file or a variant's `changes:` is
// the edit that changes nothing, as the JSON Schema for editors says; it used
// to replace the list with a map and be refused ("must be a list, not a map").

const BASE = `format: 2\n${TINY.replace('rules:\n', 'dynamics:\n  - { id: drift, add: { ind.presence: 0.01 } }\nrules:\n')}`;
const EMPTY = 'rules: {}\ndynamics: {}\nindicators: {}\nactors:\n  - id: russia\n    actions: {}\n';

describe('an empty edit of a list', () => {
  it('leaves the base\'s lists, hash and runs as they are, and the JSON Schema accepts it', () => {
    const dir = writeFiles(tempDir(), {
      'base.yaml': BASE,
      'same.yaml': 'format: 2\nextends: base.yaml\nid: child\n',
      'empty.yaml': `format: 2\nextends: base.yaml\nid: child\n${EMPTY}`,
    });
    const same = readScenarioFile(join(dir, 'same.yaml'));
    const empty = readScenarioFile(join(dir, 'empty.yaml'));
    expect(empty).toEqual(same);
    expect(empty.dynamics.map((line) => line.id)).toEqual(['drift']);
    expect(compileScenario(empty).hash).toBe(compileScenario(same).hash);
    expect(hashes(run(compileScenario(empty), { seed: 3, turns: 6 }))).toEqual(hashes(run(compileScenario(same), { seed: 3, turns: 6 })));
    const validate = new Ajv2020({ strict: false }).compile(scenarioJsonSchema());
    expect(validate({ format: 2, extends: 'base.yaml', id: 'child', rules: {}, dynamics: {}, actors: [{ id: 'russia', actions: {} }] })).toBe(true);
  });

  it('in a variant\'s changes, runs as the base does', () => {
    const text = BASE.replace('variants:\n', 'variants:\n  - id: same\n    title: Same\n    changes: { rules: {}, dynamics: {} }\n');
    const spec = readScenarioFile(join(writeFiles(tempDir(), { 'v.yaml': text }), 'v.yaml'));
    expect(hashes(run(compileScenario(spec, 'same'), { seed: 5, turns: 6 }))).toEqual(hashes(run(compileScenario(spec), { seed: 5, turns: 6 })));
  });

  it('is the edit form, so a file without `format: 2` is asked for it in one line', () => {
    const dir = writeFiles(tempDir(), { 'base.yaml': BASE, 'child.yaml': 'extends: base.yaml\nid: child\nrules: {}\n' });
    expectUsageError(['run', join(dir, 'child.yaml'), '--seed', '1'], /child\.yaml:3:8: rules: edits the list with `\{ add, change, remove \}`, which needs `format: 2` at the top of the file$/);
  });
});
