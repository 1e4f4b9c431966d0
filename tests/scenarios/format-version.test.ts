import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenarios/compile.js';
import { FORMAT_2_CONSTRUCTS, type Format2Construct } from '../../src/scenarios/format-version.js';
import { builtinSpec, parseSpec } from '../../src/scenarios/load.js';
import { scenarioHash } from '../../src/scenarios/scenario-hash.js';
import { validateData } from '../../src/scenarios/validation.js';
import { parseSource } from '../../src/scenarios/source.js';
import { hashOf } from '../../src/engine/hash.js';
import { ROOT, sandtable } from '../helpers.js';
import { problemsOf, tempDir, writeFiles } from './fixtures.js';

// Every construct of format 2 needs `format: 2` in the file that uses it; a
// file of format 1 (no `format:`) reads as it always has.

/** niger-2024 version 2's run hash, as it was before the file declared `format: 2`. */
const NIGER_V2_HASH = '6b03dbc55af764fcbb2866fe56455c7c6f8274ccdc50b59c0375df4bbf1bd266';

/** A scenario of format 1: everything in it was already there before format 2. */
const PLAIN = `id: plain
title: Plain
version: "1"
start: "2024-01"
turns: 6
issues: []
params:
  p: 0.5
actors:
  - id: junta
    name: Junta
    attrs: { capability: 0.5 }
    actions:
      - id: wait
        title: Wait
        tends: Nothing happens.
        utility: 0
      - id: act
        title: Act
        tends: Something happens.
        utility: 0.1
indicators:
  - { id: x, title: X, initial: 0.2 }
cooperation: {}
flags: { f: false }
rules:
  - id: shock
    title: Shock
    chance: param.p
    effects:
      - add: { ind.x: 0.1 }
      - flag: { f: true }
      - schedule: { event: later, in: 2 }
    narrative: "A shock; {ind.x} stays as written in format 1."
    source: "Modelling assumption: a test."
  - id: later
    title: Later
    chance: 0
    narrative: Later.
    source: "Modelling assumption: a test."
metrics:
  - { id: final, title: Final, value: ind.x }
outcomes:
  - { id: high, title: High, when: ind.x > 0.5 }
  - { id: low, title: Low }
`;

/** Replace text that must be there. */
function edit(text: string, find: string, replace: string): string {
  if (!text.includes(find)) throw new Error(`no ${find} in the text`);
  return text.replace(find, replace);
}

/** Each construct of format 2, written into PLAIN, with the field its line names. */
const CASES: [Format2Construct, string, string][] = [
  ['startingExpression', edit(PLAIN, 'initial: 0.2 }', 'initial: "param.p / 2" }'), 'indicators[0].initial'],
  ['variantChanges', `${PLAIN}variants:\n  - id: v\n    title: V\n    changes:\n      indicators:\n        - { id: x, initial: 0.3 }\n`, 'variants[0].changes'],
  ['effectId', edit(PLAIN, '- add: { ind.x: 0.1 }', '- { id: bump, add: { ind.x: 0.1 } }'), 'rules[0].effects[0].id'],
  ['available', edit(PLAIN, 'utility: 0.1', 'utility: 0.1\n        available: "not flag.f"'), 'actors[0].actions[1].available'],
  ['fallback', edit(PLAIN, '    actions:', '    fallback: wait\n    actions:'), 'actors[0].fallback'],
  ['randomDelay', edit(PLAIN, 'in: 2 }', 'in: { uniform: [1, 3] } }'), 'rules[0].effects[2].schedule.in'],
  ['randomDelay', edit(PLAIN, 'in: 2 }', 'in: "1 + round(2 * ind.x)" }'), 'rules[0].effects[2].schedule.in'],
  ['month', `${PLAIN}interventions:\n  - { force: later, turn: "2024-03" }\n`, 'interventions[0].turn'],
  ['month', edit(PLAIN, 'in: 2 }', 'at: "2024-05" }'), 'rules[0].effects[2].schedule.at'],
  ['month', `${PLAIN}injects:\n  - { id: early, turn: "2024-02", event: later, brief: Early. }\n`, 'injects[0].turn'],
  ['effectIf', edit(PLAIN, '- add: { ind.x: 0.1 }', '- { add: { ind.x: 0.1 }, if: "ind.x < 0.9" }'), 'rules[0].effects[0].if'],
  ['flagExpression', edit(PLAIN, 'flag: { f: true }', 'flag: { f: "ind.x > 0.3" }'), 'rules[0].effects[1].flag.f'],
  ['randomSize', edit(PLAIN, 'add: { ind.x: 0.1 }', 'add: { ind.x: { uniform: [0, 0.1] } }'), 'rules[0].effects[0].add["ind.x"]'],
  ['runMetric', edit(PLAIN, 'value: ind.x }', 'max: ind.x }'), 'metrics[0].max'],
  ['metricName', edit(PLAIN, 'when: ind.x > 0.5', 'when: metric.final > 0.5'), 'outcomes[0].when'],
  ['dateName', edit(PLAIN, 'chance: param.p', 'chance: "param.p * (month >= 6 ? 1 : 0.5)"'), 'rules[0].chance'],
  ['scale', edit(PLAIN, 'initial: 0.2 }', 'initial: 20, range: [0, 100], unit: "%" }'), 'indicators[0].range'],
  ['scale', edit(PLAIN, 'attrs: { capability: 0.5 }', 'attrs: { capability: { initial: 50, range: [0, 100] } }'), 'actors[0].attrs.capability'],
  ['paramEntry', edit(PLAIN, 'p: 0.5', 'p: { value: 0.5, range: [0.2, 0.8] }'), 'params.p'],
  ['structuredSource', edit(PLAIN, 'source: "Modelling assumption: a test."', 'source: { note: "A test." }'), 'rules[0].source'],
  ['actionSource', edit(PLAIN, 'utility: 0\n', 'utility: 0\n        source: "Modelling assumption: a test."\n'), 'actors[0].actions[0].source'],
  ['indicatorSource', edit(PLAIN, 'initial: 0.2 }', 'initial: 0.2, source: "Modelling assumption: a test." }'), 'indicators[0].source'],
  ['sources', `${PLAIN}sources:\n  ind.x: "Modelling assumption: a test."\n`, 'sources'],
  ['article', `${PLAIN}article: plain.article.txt\n`, 'article'],
  ['expectations', `${PLAIN}expectations:\n  - { id: e, event: shock, range: [0, 1], source: "Reference class: a test." }\n`, 'expectations'],
];

describe('the format a construct needs', () => {
  it('reads a file of format 1 without `format:`, its braces in narratives as text', () => {
    expect(problemsOf(PLAIN)).toEqual([]);
    const rule = compileScenario(parseSpec(PLAIN, 'plain.yaml')).rules[0]!;
    expect(rule.narrativeAt).toBeUndefined();
    expect(rule.narrative).toBe('A shock; {ind.x} stays as written in format 1.');
    // The same narrative fills in its value in a file of format 2.
    expect(compileScenario(parseSpec(`format: 2\n${PLAIN}`, 'plain.yaml')).rules[0]!.narrativeAt).toBeTypeOf('function');
  });

  it('covers every construct it names', () => {
    expect(new Set(CASES.map(([what]) => what))).toEqual(new Set(Object.keys(FORMAT_2_CONSTRUCTS)));
  });

  it.each(CASES)('refuses %s without `format: 2` in one line naming it (%#)', (what, text, field) => {
    const lines = problemsOf(text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^scenario\.yaml:\d+:\d+: /);
    expect(lines[0]).toContain(`: ${field}: uses ${FORMAT_2_CONSTRUCTS[what]}, which needs \`format: 2\` at the top of the file`);
  });

  it.each(CASES)('reads %s with `format: 2` (%#)', (_what, text) => {
    expect(problemsOf(`format: 2\n${text}`)).toEqual([]);
  });

  it.each(CASES)('refuses %s under `format: 3` with the one line of a newer format (%#)', (_what, text) => {
    expect(problemsOf(`format: 3\n${text}`)).toEqual([
      'scenario.yaml:1:9: format: needs version 3 of the scenario format; this sandtable reads versions 1 to 2: install a newer sandtable',
    ]);
  });

  it('names each construct a file uses once, at its first use', () => {
    const text = edit(edit(PLAIN, '- add: { ind.x: 0.1 }', '- { add: { ind.x: 0.1 }, if: "ind.x < 0.9" }'), '- flag: { f: true }', '- { flag: { f: true }, if: "ind.x < 0.5" }');
    const lines = problemsOf(edit(text, 'value: ind.x }', 'max: ind.x }'));
    expect(lines).toEqual([
      expect.stringMatching(/^scenario\.yaml:\d+:\d+: rules\[0\]\.effects\[0\]\.if: uses an effect with `if:`/),
      expect.stringMatching(/^scenario\.yaml:\d+:\d+: metrics\[0\]\.max: uses a metric over the whole run/),
    ]);
  });

  it('does not mistake quoted ids or longer names for `month` and `year`', () => {
    const text = edit(PLAIN, 'chance: param.p', 'chance: "param.p * fired(\'later\')"')
      .replace('  - id: later', '  - id: month-year')
      .replace('event: later', 'event: month-year')
      .replace("fired('later')", "fired('month-year')");
    expect(problemsOf(text)).toEqual([]);
  });

  it('exits 2 from `sandtable validate` with the one line', () => {
    const dir = writeFiles(tempDir(), { 'plain.yaml': edit(PLAIN, 'utility: 0.1', 'utility: 0.1\n        available: "not flag.f"') });
    const result = sandtable(['validate', join(dir, 'plain.yaml')]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    const errors = result.stderr.trim().split('\n').filter((line) => !/ problems? in /.test(line));
    expect(errors).toEqual([
      expect.stringMatching(/^sandtable: error: .*plain\.yaml:\d+:20: actors\[0\]\.actions\[1\]\.available: uses an action available only sometimes \(`available:`\), which needs `format: 2` at the top of the file$/),
    ]);
    writeFileSync(join(dir, 'declared.yaml'), `format: 2\n${readFileSync(join(dir, 'plain.yaml'), 'utf8')}`);
    expect(sandtable(['validate', join(dir, 'declared.yaml')]).code).toBe(0);
  });
});

describe('the format of each file of an extends: chain', () => {
  it('asks the extending file for format 2 when it uses a construct, even when its base declares it', () => {
    const dir = writeFiles(tempDir(), {
      'base.yaml': `format: 2\n${edit(PLAIN, 'utility: 0.1', 'utility: 0.1\n        available: "not flag.f"')}`,
      'child.yaml': 'extends: base.yaml\nid: child\nmetrics:\n  - { id: peak, title: Peak, max: ind.x }\n',
      'plain-child.yaml': 'extends: base.yaml\nid: plain-child\nparams: { p: 0.4 }\n',
    });
    expect(problemsOf(readFileSync(join(dir, 'child.yaml'), 'utf8'), join(dir, 'child.yaml')).length).toBeGreaterThan(0);
    const result = sandtable(['validate', join(dir, 'child.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/child\.yaml:4:\d+: metrics\[0\]\.max: uses a metric over the whole run .*which needs `format: 2`/);
    // A file that uses nothing of format 2 needs no `format:`, whatever its base declares.
    expect(sandtable(['validate', join(dir, 'plain-child.yaml')]).code).toBe(0);
  });

  it('asks a base of format 1 for format 2 when it uses a construct, whatever the file extending it declares', () => {
    const dir = writeFiles(tempDir(), {
      'base.yaml': edit(PLAIN, 'p: 0.5', 'p: { value: 0.5, range: [0.2, 0.8] }'),
      'child.yaml': 'format: 2\nextends: base.yaml\nid: child\n',
    });
    const result = sandtable(['validate', join(dir, 'child.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/base\.yaml:\d+:\d+: params\.p: uses a parameter written as/);
  });
});

describe('niger-2024 declares format 2', () => {
  it('keeps its scenario hash: `format` is not part of it', () => {
    const spec = builtinSpec('niger-2024');
    expect(spec.format).toBe(2);
    // The file as it was before it declared its format, read without the file's check.
    const text = readFileSync(`${ROOT}src/scenarios/builtin/niger-2024.yaml`, 'utf8');
    const without = validateData(parseSource(text.replace(/^format: 2\n/m, ''), 'niger-2024.yaml').data);
    expect(without.spec).not.toBeNull();
    expect(without.spec!.format).toBeUndefined();
    for (const variant of [null, ...spec.variants.map((item) => item.id)]) {
      expect(scenarioHash(spec, variant)).toBe(scenarioHash(without.spec!, variant));
    }
    expect(compileScenario(spec).hash).toBe(NIGER_V2_HASH);
  });

  it('keeps version 1 hashing as its records name it', () => {
    const text = readFileSync(`${ROOT}src/scenarios/builtin/versions/niger-2024@1.yaml`, 'utf8');
    const spec = parseSpec(text, 'niger-2024@1.yaml');
    expect(compileScenario(spec).hash).toBe('6a5d9097e2caae39b455d160d1492149c8f9de0d5ffbef20922ea7fe54c4d3a1');
  });
});

describe('records made before niger-2024 declared its format', () => {
  it('replay and verify, and the file is the same scenario as the one they embed', () => {
    const dir = tempDir();
    const made = join(dir, 'made.json');
    const run = sandtable(['run', 'niger-2024', '--seed', '2', '--turns', '4', '--record', made]);
    expect(run.code, run.stderr).toBe(0);
    // As the sandtable before this change wrote it: the embedded scenario without `format`.
    const record = JSON.parse(readFileSync(made, 'utf8'));
    expect(record.scenarioData.format).toBe(2);
    delete record.scenarioData.format;
    record.scenario.dataHash = hashOf(record.scenarioData);
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify(record));
    const replay = sandtable(['replay', old, '--verify', '--scenario', `${ROOT}src/scenarios/builtin/niger-2024.yaml`]);
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stderr).toMatch(/is the same as the scenario .*old\.json embeds\n$/);
  });
});
