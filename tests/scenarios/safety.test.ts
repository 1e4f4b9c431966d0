import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from '../../src/scenarios/expression.js';
import { LIMITS } from '../../src/scenarios/format.js';
import { loadScenario, MAX_FILE_BYTES, readScenarioFile } from '../../src/scenarios/load.js';
import { MAX_ALIASES, MAX_DEPTH } from '../../src/scenarios/source.js';
import { ROOT, sandtable } from '../helpers.js';
import { at, problemsOf, tempDir, TINY, tinyWith } from './fixtures.js';

describe('a scenario file from a stranger', () => {
  it('cannot reach object prototypes through __proto__, constructor or prototype keys', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = tinyWith('params:\n  growth: 0.1', `params:\n  growth: 0.1\n  ${key}: { polluted: 1 }`);
      expect(problemsOf(text)).toEqual([
        `${at(text, key)} uses the key \`${key}\`, which is not allowed anywhere in a scenario (it could tamper with the program's objects); rename it`,
      ]);
    }
    expect(problemsOf(`{"__proto__": {"polluted": 1}, "id": "x"}`, 'scenario.json')[0]).toMatch(/^scenario\.json:1:2: uses the key `__proto__`/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is refused when it is larger than the limit', () => {
    const file = join(tempDir(), 'big.yaml');
    writeFileSync(file, `${TINY}# ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    expect(() => readScenarioFile(file)).toThrow(`${file} is ${MAX_FILE_BYTES + TINY.length + 3} bytes; scenario files are limited to ${MAX_FILE_BYTES} bytes (4 MiB)`);
  });

  it('is read only from a regular file, never from a device or pipe', () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    expect(() => readScenarioFile(join(dir, 'zero.yaml'))).toThrow(`${join(dir, 'zero.yaml')} is not a regular file; name a scenario file`);
    writeFileSync(join(dir, 'child.yaml'), 'extends: zero.yaml\nid: x\n');
    expect(() => readScenarioFile(join(dir, 'child.yaml'))).toThrow(/child\.yaml:1:10: extends: cannot extend zero\.yaml: .*is not a regular file/);
  });

  it('is reported in at most a hundred lines, however broken it is', () => {
    const broken = `${TINY.replace('rules:\n', `rules:\n${Array.from({ length: 150 }, (_, i) => `  - { id: r${i} }`).join('\n')}\n`)}`;
    const file = join(tempDir(), 'broken.yaml');
    writeFileSync(file, broken);
    const lines = sandtable(['validate', file]).stderr.trim().split('\n');
    expect(lines).toHaveLength(102);
    expect(lines[100]).toMatch(/^sandtable: error: \.\.\. and \d+ more problems in /);
    expect(lines[101]).toMatch(/^sandtable: error: \d+ problems in /);
  });

  it('is refused when its YAML aliases would blow up in memory', () => {
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd']]) {
      rows.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const text = `${rows.join('\n')}\n`;
    expect(problemsOf(text)).toEqual([
      `${at(text, '*a')} uses YAML aliases (*name) so often that the data would explode in size; at most ${MAX_ALIASES} uses of an alias are allowed`,
    ]);
  });

  it('is refused when it is nested too deeply, quickly and without exhausting the stack', () => {
    const started = Date.now();
    const flow = `id: x\ndeep: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`;
    expect(problemsOf(flow)).toEqual([`scenario.yaml:2:${7 + MAX_DEPTH}: is nested more than ${MAX_DEPTH} levels deep; a scenario needs far fewer`]);
    const block = `id: x\ndeep:\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`;
    expect(problemsOf(block)).toEqual([
      `${at(block, 'k31:')} deep.${Array.from({ length: MAX_DEPTH - 1 }, (_, i) => `k${i}`).join('.')}: is nested more than ${MAX_DEPTH} levels deep; a scenario needs far fewer`,
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('is refused when an expression is too long or too deep', () => {
    const long = tinyWith('"0.2 + param.growth * coop.russia.usa"', `"${'1 + '.repeat(600)}1"`);
    expect(problemsOf(long)).toEqual([`${at(long, '"1 + 1')} rules[0].chance: is 2401 characters long; the limit is ${MAX_EXPRESSION_LENGTH}`]);
    const deep = tinyWith('"0.2 + param.growth * coop.russia.usa"', `"${'-('.repeat(60)}1${')'.repeat(60)}"`);
    expect(problemsOf(deep)).toEqual([`${at(deep, '"-(-(')} rules[0].chance: expression is nested more than ${MAX_EXPRESSION_DEPTH} levels deep`]);
  });

  it('is refused when it has too many actors or rules', () => {
    const actors = Array.from({ length: LIMITS.actors - 1 }, (_, i) => `  - { id: actor${i}, name: Actor ${i} }`).join('\n');
    const manyActors = tinyWith('  - id: usa\n', `${actors}\n  - id: usa\n`);
    expect(problemsOf(manyActors)).toEqual([`${at(manyActors, '  - id: russia').replace(/:\d+:$/, ':3:')} actors: has ${LIMITS.actors + 1} actors; the limit is ${LIMITS.actors}`]);
    const rule = (i: number) => `  - { id: rule${i}, title: R, chance: 0, narrative: n, source: s }`;
    const manyRules = tinyWith('outcomes:', `${Array.from({ length: LIMITS.rules }, (_, i) => rule(i)).join('\n')}\noutcomes:`);
    expect(problemsOf(manyRules)).toEqual([`${at(manyRules, '  - id: expansion').replace(/:\d+:$/, ':3:')} rules: has ${LIMITS.rules + 1} rules; the limit is ${LIMITS.rules}`]);
  });

  it('never runs code from an expression: there is no way to name JavaScript', () => {
    for (const attempt of ['constructor.constructor(\\"return process\\")()', 'this.process', '[1].map(x)', 'require(\\"fs\\")', 'a = 1']) {
      const text = tinyWith('"0.2 + param.growth * coop.russia.usa"', `"${attempt}"`);
      const problems = problemsOf(text);
      expect(problems, attempt).toHaveLength(1);
      expect(problems[0], attempt).toMatch(/rules\[0\]\.chance: /);
    }
  });

  it('is loaded by code that never evaluates text or imports what a file names', () => {
    const dir = join(ROOT, 'src', 'scenarios');
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
      const code = readFileSync(join(dir, name), 'utf8');
      expect(code, name).not.toMatch(/\beval\s*\(|new\s+Function\b|\bimport\s*\(|\brequire\s*\(/);
    }
  });

  it('keeps its text as given but never sends control sequences to the terminal', () => {
    const title = 'Tiny \u001b[2J\u001b]0;owned\u0007 \u009b31m scenario';
    const text = tinyWith('title: Tiny', `title: ${JSON.stringify(title)}`).replace('narrative: Russia expands.', 'narrative: "Russia \\e[31mexpands."');
    const dir = tempDir();
    const file = join(dir, 'escape.yaml');
    writeFileSync(file, text);
    expect(readScenarioFile(file).title).toBe(title);
    expect(loadScenario(file).title).toBe(title);
    const runText = sandtable(['run', file, '--seed', '3', '--turns', '6']);
    expect(runText.code).toBe(0);
    expect(runText.stdout).toContain('tiny: Tiny  31m scenario');
    const show = sandtable(['show', file]);
    expect(show.stdout).toContain('title: "Tiny \\e[2J\\e]0;owned\\a \\u009b31m scenario"');
    for (const output of [runText.stdout, runText.stderr, show.stdout, sandtable(['show', file, '--json']).stdout]) {
      expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    writeFileSync(file, text.replace('coop.russia.usa"', 'coop.ru\u001b[2Jssia.usa"'));
    const validate = sandtable(['validate', file]);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain('rules[0].chance: cannot parse "0.2 + param.growth * coop.russia.usa"');
    expect(validate.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
