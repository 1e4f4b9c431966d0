import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenarios/compile.js';
import { readScenarioFile, warningsOf } from '../../src/scenarios/load.js';
import { formatProblem } from '../../src/scenarios/problem.js';
import { run } from '../../src/engine/run.js';
import { expectUsageError, hashes, sandtable } from '../helpers.js';
import { problemsOf, tempDir, TINY, writeFiles } from './fixtures.js';

const BASE = TINY.replace('rules:\n', `dynamics:
  - { id: drift, add: { ind.presence: 0.01 } }
  - { id: decay, toward: { target: coop.russia.usa, goal: 0.5, rate: 0.1 } }
rules:
`).replace('id: tiny\n', 'format: 2\nid: tiny\n');

/** The merged scenario of an overlay of BASE, and its warnings as a user reads them. */
function overlay(text: string) {
  const dir = writeFiles(tempDir(), { 'base.yaml': BASE, 'child.yaml': `format: 2\nextends: base.yaml\nid: child\n${text}` });
  const spec = readScenarioFile(join(dir, 'child.yaml'));
  return { spec, warnings: warningsOf(spec).map((warning) => formatProblem(warning)), dir };
}

describe('overlays that add, change or remove single entries', () => {
  it('adds a line of dynamics and keeps the base\'s', () => {
    const { spec, warnings } = overlay('dynamics:\n  add:\n    - { id: fade, add: { ind.presence: -0.02 } }\n');
    expect(spec.dynamics.map((effect) => effect.id)).toEqual(['drift', 'decay', 'fade']);
    expect(warnings).toEqual([]);
  });

  it('changes one entry and removes another by id', () => {
    const { spec } = overlay('dynamics:\n  change:\n    drift: { add: { ind.presence: 0.05 } }\n  remove: [decay]\n'
      + 'rules:\n  change:\n    expansion: { chance: 0.9 }\n');
    expect(spec.dynamics).toEqual([{ id: 'drift', add: { 'ind.presence': 0.05 } }]);
    expect(spec.rules[0]!.chance).toBe(0.9);
    expect(spec.rules[0]!.title).toBe('Russia expands');
  });

  it('removes an action of an actor and one effect of a rule', () => {
    const base = BASE.replace('      - add: { ind.presence: param.growth }', '      - { id: grow, add: { ind.presence: param.growth } }')
      .replace('        utility: "0.5 + ind.presence"', '        utility: "0.5 + ind.presence"\n      - { id: wait, title: Wait, tends: Nothing., utility: 0 }');
    const dir = writeFiles(tempDir(), {
      'base.yaml': base,
      'child.yaml': 'format: 2\nextends: base.yaml\nid: child\nactors:\n  - id: russia\n    actions: { remove: [expand] }\n'
        + 'rules:\n  - id: expansion\n    effects: { remove: [grow] }\n',
    });
    const spec = readScenarioFile(join(dir, 'child.yaml'));
    expect(spec.actors[0]!.actions.map((action) => action.id)).toEqual(['wait']);
    expect(spec.rules[0]!.effects).toEqual([{ flag: { expanded: true } }]);
  });

  it('refuses to change an id the base does not have, with a suggestion', () => {
    const dir = writeFiles(tempDir(), { 'base.yaml': BASE, 'child.yaml': 'format: 2\nextends: base.yaml\nid: child\nrules:\n  change:\n    expanson: { chance: 0.9 }\n' });
    expect(() => readScenarioFile(join(dir, 'child.yaml'))).toThrow(/rules\.change\.expanson\.id: cannot change `expanson`: the base has no such rule; did you mean `expansion`\?/);
  });

  it('warns when a plain list replaces the base\'s and drops entries, as niger-2024\'s dynamics', () => {
    const dir = writeFiles(tempDir(), {
      'child.yaml': 'extends: niger-2024\nid: child\ndynamics:\n  - add: { ind.insurgency: 0.01 }\n',
    });
    const result = sandtable(['validate', join(dir, 'child.yaml')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^sandtable: warning: .*child\.yaml:4:3: dynamics: replaces the base's dynamics \(5 items\) and drops 5 of them; to add, change or remove single entries write `dynamics: \{ add: \[\.\.\.\], change: \{\.\.\.\}, remove: \[\.\.\.\] \}` \(format 2\)\n$/);
  });

  it('warns with "did you mean" for a new id close to a base id and a parameter the base lacks', () => {
    const { warnings } = overlay('params: { growht: 0.2 }\nrules:\n  - id: expansions\n    title: More\n    chance: 0.1\n    narrative: More.\n    source: "Modelling assumption: a test."\n');
    expect(warnings).toEqual([
      expect.stringMatching(/child\.yaml:4:11: params\.growht: the base has no parameter `growht`, so this adds one; did you mean `growth`\?$/),
      expect.stringMatching(/child\.yaml:6:9: rules\[0\]\.id: adds a new rule `expansions`, as the base has none with this id; did you mean `expansion`\?$/),
    ]);
  });
});

describe('variants that change the scenario', () => {
  const WITH_VARIANT = BASE.replace('variants:\n', `variants:
  - id: no-expansion
    title: Russia cannot expand
    changes:
      actors:
        - id: russia
          actions:
            remove: [expand]
            add:
              - { id: wait, title: Wait, tends: Nothing., utility: 0 }
      dynamics: { remove: [drift] }
      indicators:
        - { id: presence, initial: 0.05 }
`);

  it('removes an action for the variant only; runs are a function of scenario, variant and seed', () => {
    const dir = writeFiles(tempDir(), { 'v.yaml': WITH_VARIANT });
    const spec = readScenarioFile(join(dir, 'v.yaml'));
    const base = compileScenario(spec);
    const changed = compileScenario(spec, 'no-expansion');
    expect(base.actors[0]!.actions.map((action) => action.id)).toEqual(['expand']);
    expect(changed.actors[0]!.actions.map((action) => action.id)).toEqual(['wait']);
    expect(changed.dynamics).toHaveLength(1);
    expect(changed.initial.indicators.presence).toBe(0.05);
    expect(changed.hash).not.toBe(base.hash);
    expect(changed.data).toBe(spec);
    const one = run(changed, { seed: 4, turns: 6 });
    expect(hashes(run(compileScenario(spec, 'no-expansion'), { seed: 4, turns: 6 }))).toEqual(hashes(one));
    expect(one.kept.slice(1).map((turn) => turn.state.actions.russia)).toEqual(Array(6).fill('wait'));
  });

  it('reports a problem in a variant\'s changes at the variant', () => {
    const text = WITH_VARIANT.replace('remove: [drift]', 'remove: [drfit]');
    expect(problemsOf(text)).toEqual([expect.stringMatching(/variants\[0\]\.changes\.dynamics\.remove\[0\]\.id: cannot remove `drfit`: the base has no such line of dynamics; did you mean `drift`\?$/)]);
  });
});

describe('effect ids', () => {
  it('are used once in a list', () => {
    const text = BASE.replace('{ id: decay,', '{ id: drift,');
    expect(problemsOf(text)).toEqual([expect.stringMatching(/dynamics\[1\]\.id: effect id `drift` is used twice$/)]);
  });
});

describe('the format an edit of a list needs', () => {
  it('refuses an extending file that edits a list without declaring format 2, in one line', () => {
    const dir = writeFiles(tempDir(), {
      'base.yaml': BASE,
      'child.yaml': 'extends: base.yaml\nid: child\nrules:\n  change:\n    expansion: { chance: 0.9 }\n',
    });
    expectUsageError(['run', join(dir, 'child.yaml'), '--seed', '1'],
      /child\.yaml:4:3: rules: edits the list with `\{ add, change, remove \}`, which needs `format: 2` at the top of the file$/);
  });

  it('finds an edit nested in an actor\'s actions, and accepts the same file with format 2', () => {
    const text = 'extends: base.yaml\nid: child\nactors:\n  - id: russia\n    actions: { remove: [expand] }\n';
    const dir = writeFiles(tempDir(), { 'base.yaml': BASE, 'child.yaml': text, 'declared.yaml': `format: 2\n${text}` });
    expectUsageError(['run', join(dir, 'child.yaml'), '--seed', '1'], /child\.yaml:5:14: actors\[0\]\.actions: edits the list with .*needs `format: 2`/);
    expect(() => readScenarioFile(join(dir, 'child.yaml'))).toThrow(/needs `format: 2`/);
    expect(readScenarioFile(join(dir, 'declared.yaml')).actors[0]!.actions).toEqual([]);
  });

  it('keeps a plain list of changes by id readable without format 2', () => {
    const dir = writeFiles(tempDir(), {
      'base.yaml': BASE,
      'child.yaml': 'extends: base.yaml\nid: child\nrules:\n  - { id: expansion, chance: 0.9 }\n',
    });
    expect(readScenarioFile(join(dir, 'child.yaml')).rules[0]!.chance).toBe(0.9);
  });

  it('asks a variant with `changes:` for format 2 in one line', () => {
    const text = TINY.replace('variants:\n', 'variants:\n  - id: calm\n    title: Calm\n    changes:\n      rules: { change: { expansion: { chance: 0 } } }\n');
    expect(problemsOf(text)).toEqual([expect.stringMatching(/uses a variant with `changes:`, which needs `format: 2` at the top of the file$/)]);
  });
});

describe('an overlay that changes a variant\'s `changes:`', () => {
  const base = BASE.replace('variants:\n', 'variants:\n  - id: calm\n    title: Calm\n    changes:\n      rules:\n        add:\n          - { id: one, title: One, chance: 0.5, effects: [], narrative: One., source: "Modelling assumption: a test." }\n');

  it('warns that its list replaces the base variant\'s, naming what is dropped', () => {
    const dir = writeFiles(tempDir(), {
      'base.yaml': base,
      'child.yaml': 'format: 2\nextends: base.yaml\nid: child\nvariants:\n  change:\n    calm:\n      changes:\n        rules:\n          add:\n'
        + '            - { id: two, title: Two, chance: 0.5, effects: [], narrative: Two., source: "Modelling assumption: a test." }\n',
    });
    const spec = readScenarioFile(join(dir, 'child.yaml'));
    const warnings = warningsOf(spec).map((warning) => formatProblem(warning));
    expect(warnings).toEqual([expect.stringMatching(/variants\.change\.calm\.changes\.rules\.add: replaces the base variant's `changes\.rules\.add` and drops `one`: edits in a variant's `changes:` do not combine across files; write the whole list here$/)]);
  });

  it('says nothing when the overlay keeps what the base variant\'s list had', () => {
    const dir = writeFiles(tempDir(), {
      'base.yaml': base,
      'child.yaml': 'format: 2\nextends: base.yaml\nid: child\nvariants:\n  change:\n    calm:\n      changes:\n        rules:\n          add:\n'
        + '            - { id: one, title: One, chance: 0.5, effects: [], narrative: One., source: "Modelling assumption: a test." }\n'
        + '            - { id: two, title: Two, chance: 0.5, effects: [], narrative: Two., source: "Modelling assumption: a test." }\n',
    });
    expect(warningsOf(readScenarioFile(join(dir, 'child.yaml')))).toEqual([]);
  });
});

describe('effect ids', () => {
  it('name niger-2024\'s lines of dynamics, so an overlay removes one alone', () => {
    const dir = writeFiles(tempDir(), { 'child.yaml': 'format: 2\nextends: niger-2024\nid: child\ndynamics:\n  remove: [iran-ties-drift]\n' });
    const spec = readScenarioFile(join(dir, 'child.yaml'));
    expect(spec.dynamics.map((effect) => effect.id)).toEqual(['ct-support-drift', 'insurgency-momentum', 'civilian-security-drift', 'niger-alignment-drift']);
    expect(warningsOf(spec)).toEqual([]);
  });

  it('do not enter the hash: a base whose effects gain ids hashes and runs as before', () => {
    const withIds = BASE.replace('      - add: { ind.presence: param.growth }', '      - { id: grow, add: { ind.presence: param.growth } }')
      .replace('  - { id: drift, add:', '  - { id: drift-renamed, add:');
    const dir = writeFiles(tempDir(), { 'a.yaml': BASE, 'b.yaml': withIds });
    const a = compileScenario(readScenarioFile(join(dir, 'a.yaml')), null);
    const b = compileScenario(readScenarioFile(join(dir, 'b.yaml')), null);
    expect(b.hash).toBe(a.hash);
    expect(hashes(run(b, { seed: 3, turns: 6 }))).toEqual(hashes(run(a, { seed: 3, turns: 6 })));
  });

  it('say why nothing can be named when the base\'s entries have none', () => {
    const dir = writeFiles(tempDir(), { 'base.yaml': BASE, 'child.yaml': 'format: 2\nextends: base.yaml\nid: child\nrules:\n  - id: expansion\n    effects: { remove: [grow] }\n' });
    expect(() => readScenarioFile(join(dir, 'child.yaml'))).toThrow(
      /cannot remove `grow`: the base has no such effect: none of its 2 entries has an `id` to name it by; give ids in the base, or write the whole list here \(it replaces the base's\)/,
    );
  });
});
