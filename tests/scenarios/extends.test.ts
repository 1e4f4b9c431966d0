import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, ScenarioError } from '../../src/scenarios/problem.js';
import { builtinSpec, loadScenario, readScenarioFile } from '../../src/scenarios/load.js';
import { resultOf, run } from '../../src/engine/run.js';
import { at, tempDir, TINY, writeFiles } from './fixtures.js';

/** Every problem of a scenario file, as the user sees them. */
function problemsOfFile(path: string): string[] {
  try {
    readScenarioFile(path);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems.map((problem) => formatProblem(problem, error.file));
    throw error;
  }
  return [];
}

const niger = builtinSpec('niger-2024');

describe('extends:', () => {
  it('expresses "niger-2024, but Russia is slower to expand" in a few lines', () => {
    const dir = writeFiles(tempDir(), {
      'slow.yaml': 'extends: niger-2024\nid: slow-russia\nparams:\n  russianExpansionBase: 0.005\n  russianGrowth: 0.01\n',
    });
    const spec = readScenarioFile(join(dir, 'slow.yaml'));
    expect(spec.id).toBe('slow-russia');
    expect(spec.title).toBe(niger.title);
    expect(spec.params).toEqual({ ...niger.params, russianExpansionBase: 0.005, russianGrowth: 0.01 });
    expect(spec.rules).toEqual(niger.rules);
    expect(spec.actors).toEqual(niger.actors);
    expect(spec.variants).toEqual(niger.variants);
    const slow = loadScenario(join(dir, 'slow.yaml'));
    const base = loadScenario('niger-2024');
    const presence = (scenario: typeof base) =>
      Array.from({ length: 20 }, (_, seed) => resultOf(run(scenario, { seed, turns: 24 })).outcome.metrics.russianPresence!)
        .reduce((sum, value) => sum + value, 0);
    expect(presence(slow)).toBeLessThan(presence(base));
  });

  it('merges actors, actions, rules and variants by id, field by field', () => {
    const dir = writeFiles(tempDir(), {
      'changed.yaml': [
        'extends: niger-2024',
        'id: changed',
        'actors:',
        '  - id: russia',
        '    rationality: 1',
        '    actions:',
        '      - id: consolidate',
        '        utility: "0.6"',
        'rules:',
        '  - id: russian-expansion',
        '    chance: "0.01"',
        'variants:',
        '  - id: us-withdrawal',
        '    params: { drawdownRate: 0.3 }',
        '',
      ].join('\n'),
    });
    const spec = readScenarioFile(join(dir, 'changed.yaml'));
    const russia = spec.actors.find((actor) => actor.id === 'russia')!;
    const baseRussia = niger.actors.find((actor) => actor.id === 'russia')!;
    expect(russia.rationality).toBe(1);
    expect(russia.name).toBe(baseRussia.name);
    expect(russia.actions.map((action) => action.id)).toEqual(baseRussia.actions.map((action) => action.id));
    expect(russia.actions.find((action) => action.id === 'consolidate')).toMatchObject({ utility: '0.6', title: 'Consolidate what is in place' });
    const rule = spec.rules.find((item) => item.id === 'russian-expansion')!;
    expect(rule.chance).toBe('0.01');
    expect(rule.effects).toEqual(niger.rules.find((item) => item.id === 'russian-expansion')!.effects);
    expect(spec.rules.map((item) => item.id)).toEqual(niger.rules.map((item) => item.id));
    const variant = spec.variants.find((item) => item.id === 'us-withdrawal')!;
    expect(variant.params).toEqual({ drawdownRate: 0.3 });
    expect(variant.interventions).toEqual(niger.variants[0]!.interventions);
  });

  it('merges maps key by key at every depth and replaces lists without ids', () => {
    const dir = writeFiles(tempDir(), {
      'maps.yaml': [
        'extends: niger-2024',
        'id: maps',
        'cooperation:',
        '  initial:',
        '    niger: { russia: 0.2 }',
        'dynamics:',
        '  - toward: { target: ind.ctSupport, goal: 0.5, rate: 0.1 }',
        '',
      ].join('\n'),
    });
    const spec = readScenarioFile(join(dir, 'maps.yaml'));
    expect(spec.cooperation.initial.niger).toEqual({ ...niger.cooperation.initial.niger, russia: 0.2 });
    expect(spec.cooperation.initial.usa).toEqual(niger.cooperation.initial.usa);
    expect(spec.cooperation.default).toBe(niger.cooperation.default);
    expect(spec.dynamics).toEqual([{ toward: { target: 'ind.ctSupport', goal: 0.5, rate: 0.1 } }]);
  });

  it('adds new items, removes items with remove: true, and removes a field with null', () => {
    const dir = writeFiles(tempDir(), {
      'added.yaml': [
        'extends: niger-2024',
        'id: added',
        'rules:',
        '  - id: us-russia-cooperation',
        '    remove: true',
        '  - id: iran-ties',
        '    when: null',
        '  - id: wagner-scandal',
        '    title: A scandal about Russian contractors',
        '    chance: 0.05',
        '    effects:',
        '      - add: { coop.niger.russia: -0.05 }',
        '    narrative: Reports of abuses by Russian contractors spread.',
        '    source: "Modelling assumption: a classroom what-if."',
        'outcomes:',
        '  - id: stalemate',
        '    title: Stalemate',
        '    when: "ind.insurgency > 0.6"',
        '',
      ].join('\n'),
    });
    const spec = readScenarioFile(join(dir, 'added.yaml'));
    const ids = spec.rules.map((rule) => rule.id);
    expect(ids).not.toContain('us-russia-cooperation');
    expect(ids[ids.length - 1]).toBe('wagner-scandal');
    expect(spec.rules.find((rule) => rule.id === 'iran-ties')!.when).toBeUndefined();
    // A new outcome goes before the base's catch-all, which must stay last.
    expect(spec.outcomes.map((outcome) => outcome.id).slice(-2)).toEqual(['stalemate', 'multipolar-hedge']);
    expect(() => loadScenario(join(dir, 'added.yaml'))).not.toThrow();
  });

  it('extends another file, named relative to the extending file, through a chain', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'course'));
    writeFiles(dir, {
      'tiny.yaml': TINY,
      'course/week1.yaml': 'extends: ../tiny.yaml\nid: week-one\nparams: { growth: 0.2 }\n',
      'course/week2.yaml': 'extends: week1.yaml\nid: week-two\nturns: 12\n',
    });
    const spec = readScenarioFile(join(dir, 'course/week2.yaml'));
    expect(spec).toMatchObject({ id: 'week-two', title: 'Tiny', turns: 12, params: { growth: 0.2 } });
  });

  it('reports a problem in the changes at the line of the extending file', () => {
    const dir = tempDir();
    const text = 'extends: niger-2024\nid: typo\nrules:\n  - id: russian-expansion\n    chance: "0.1 * coop.niger.rusia"\n';
    writeFiles(dir, { 'typo.yaml': text });
    const file = join(dir, 'typo.yaml');
    expect(problemsOfFile(file)).toEqual([
      `${at(text, 'rusia', file)} rules[0].chance: unknown actor \`rusia\`; did you mean \`russia\`?`,
    ]);
  });

  it('reports a problem that the changes cause in the base at the line of the base file', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'base.yaml': TINY,
      'child.yaml': 'extends: base.yaml\nid: child\nindicators:\n  - id: presence\n    remove: true\n',
    });
    const base = join(dir, 'base.yaml');
    expect(problemsOfFile(join(dir, 'child.yaml'))).toEqual([
      `${at(TINY, 'presence"', base)} actors[0].actions[0].utility: unknown indicator \`presence\``,
      `${at(TINY, 'ind.presence: param', base)} rules[0].effects[0].add["ind.presence"]: unknown indicator \`presence\``,
    ]);
  });

  it('refuses a cycle and names the chain', () => {
    const dir = writeFiles(tempDir(), {
      'a.yaml': 'extends: b.yaml\nid: a\n',
      'b.yaml': 'extends: c.yaml\nid: b\n',
      'c.yaml': 'extends: a.yaml\nid: c\n',
    });
    const [a, b, c] = ['a', 'b', 'c'].map((name) => join(dir, `${name}.yaml`));
    expect(problemsOfFile(a!)).toEqual([
      `${c}:1:10: extends: forms a cycle: ${a} → ${b} → ${c} → ${a}; a scenario cannot extend itself, directly or through others`,
    ]);
  });

  it('refuses an unknown base, a missing file, a variant, and a file without its own id', () => {
    const dir = writeFiles(tempDir(), {
      'unknown.yaml': 'extends: niger-2042\nid: x\n',
      'missing.yaml': 'extends: nowhere.yaml\nid: x\n',
      'variant.yaml': 'extends: niger-2024/us-withdrawal\nid: x\n',
      'no-id.yaml': 'extends: niger-2024\nturns: 12\n',
      'same-id.yaml': 'extends: niger-2024\nid: niger-2024\n',
    });
    const file = (name: string) => join(dir, `${name}.yaml`);
    expect(problemsOfFile(file('unknown'))).toEqual([
      `${file('unknown')}:1:10: extends: unknown scenario \`niger-2042\`; did you mean \`niger-2024\`?; extend a built-in scenario (niger-2024) or a file ending in .yaml, .yml or .json`,
    ]);
    expect(problemsOfFile(file('missing'))).toEqual([
      `${file('missing')}:1:10: extends: cannot extend nowhere.yaml: cannot read scenario file ${join(dir, 'nowhere.yaml')}: no such file or directory`,
    ]);
    expect(problemsOfFile(file('variant'))[0]).toMatch(/variant\.yaml:1:10: extends: `niger-2024\/us-withdrawal` names a variant/);
    expect(problemsOfFile(file('no-id'))).toEqual([
      `${file('no-id')}:1:1: needs its own \`id:\` (such as \`niger-2024-changed\`), so that its runs are never mistaken for those of niger-2024`,
    ]);
    expect(problemsOfFile(file('same-id'))[0]).toMatch(/same-id\.yaml:2:5: id: is `niger-2024`, the id of the scenario it extends/);
  });

  it('refuses to remove an item the base does not have, and an item without an id', () => {
    const text = 'extends: niger-2024\nid: x\nrules:\n  - id: russian-expanson\n    remove: true\n  - chance: 0.5\n';
    const dir = writeFiles(tempDir(), { 'x.yaml': text });
    const file = join(dir, 'x.yaml');
    expect(problemsOfFile(file)).toEqual([
      `${at(text, 'russian-expanson', file)} rules[0].id: cannot remove \`russian-expanson\`: the base has no such rule; did you mean \`russian-expansion\`?`,
      `${at(text, 'chance: 0.5', file)} rules[1]: needs an \`id\`: the id of the base item it changes or removes, or a new id to add an item`,
    ]);
  });
});
