import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandtable } from '../helpers.js';
import { at, tempDir, TINY, tinyWith, writeFiles } from './fixtures.js';

describe('sandtable validate FILE', () => {
  it('exits 0 and says what it checked when the file is valid', () => {
    const dir = writeFiles(tempDir(), { 'tiny.yaml': TINY });
    const { code, stdout, stderr } = sandtable(['validate', join(dir, 'tiny.yaml')]);
    expect(code, stderr).toBe(0);
    expect(stdout).toBe(`${join(dir, 'tiny.yaml')}: valid scenario \`tiny\` (2 actors, 1 rule, variants: fast)\n`);
    expect(stderr).toBe('');
  });

  it('exits 2 with one line per problem, FILE:LINE:COLUMN first, and a count', () => {
    const text = tinyWith('initial: 0.2', 'initial: 2').replace('coop.russia.usa"', 'coop.rusia.usa"');
    const dir = writeFiles(tempDir(), { 'bad.yaml': text });
    const file = join(dir, 'bad.yaml');
    const { code, stdout, stderr } = sandtable(['validate', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      `sandtable: error: ${at(text, '2 }', file)} indicators[0].initial: must be at most 1, not 2`,
      `sandtable: error: ${at(text, 'rusia', file)} rules[0].chance: unknown actor \`rusia\`; did you mean \`russia\`?`,
      `sandtable: error: 2 problems in ${file}; fix them and run \`sandtable validate ${file}\` again`,
      '',
    ]);
  });

  it('exits 2 for a file that does not exist', () => {
    const { code, stderr } = sandtable(['validate', 'no-such-file.yaml']);
    expect(code).toBe(2);
    expect(stderr).toBe('sandtable: error: cannot read scenario file no-such-file.yaml: no such file or directory\n');
  });

  it('makes every command that loads the file run the same checks', () => {
    const text = tinyWith('coop.russia.usa"', 'coop.rusia.usa"');
    const dir = writeFiles(tempDir(), { 'bad.yaml': text });
    const file = join(dir, 'bad.yaml');
    const line = `sandtable: error: ${at(text, 'rusia', file)} rules[0].chance: unknown actor \`rusia\`; did you mean \`russia\`?\n`;
    for (const args of [['run', file], ['show', file], ['batch', file, '--runs', '2']]) {
      const result = sandtable(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toBe(line);
    }
  });
});

describe('sandtable init FILE', () => {
  it('writes a file that validates and runs, from a fresh directory', () => {
    const dir = tempDir();
    const file = join(dir, 'my-course.yaml');
    const init = sandtable(['init', file]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain(`wrote ${file} (scenario \`my-course\`, a copy of niger-2024)`);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\S+schema\/scenario\.schema\.json\n/);
    expect(text).toMatch(/\n\$schema: \S+schema\/scenario\.schema\.json\nid: my-course\n/);
    expect(text).toContain('Every rule quotes the article it rests on');
    const run = sandtable(['run', file, '--seed', '5', '--turns', '4', '--variant', 'us-withdrawal']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('my-course/us-withdrawal');
    expect(sandtable(['run', `${file}/us-withdrawal`, '--seed', '5', '--turns', '4']).stdout).toBe(run.stdout);
    expect(sandtable(['validate', file]).code).toBe(0);
    const schema = text.match(/\$schema=(\S+)/)![1];
    expect(existsSync(join(dir, schema!))).toBe(true);
  });

  it('refuses to overwrite a file unless --force is given', () => {
    const dir = tempDir();
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, 'my own work\n');
    const refused = sandtable(['init', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`sandtable: error: ${file} already exists; choose another name, or add --force to overwrite it\n`);
    expect(readFileSync(file, 'utf8')).toBe('my own work\n');
    expect(sandtable(['init', file, '--force']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('id: mine');
  });

  it('writes a short file that extends a scenario with --extends', () => {
    const dir = tempDir();
    const file = join(dir, 'what-if.yaml');
    expect(sandtable(['init', '--extends', 'niger-2024', file]).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('\nextends: niger-2024\nid: what-if\n');
    expect(text.split('\n').length).toBeLessThan(60);
    expect(sandtable(['validate', file]).code).toBe(0);
    // niger-2024's first parameter, with its value (version 2: calibrated to 0.35, with a range).
    expect(text).toContain('# params:\n#   drawdownRate: { value: 0.35 }\n');
    writeFileSync(file, text.replace('# params:\n#   drawdownRate: { value: 0.35 }\n', 'params:\n  drawdownRate: 0.3\n'));
    expect(sandtable(['show', file, '--json']).stdout).toContain('"drawdownRate": 0.3');
  });

  it('copies a variant or a file, and writes JSON for a .json name', () => {
    const dir = tempDir();
    expect(sandtable(['init', '--from', 'niger-2024/us-withdrawal', join(dir, 'withdrawal.json')]).code).toBe(0);
    const data = JSON.parse(readFileSync(join(dir, 'withdrawal.json'), 'utf8'));
    expect(data).toMatchObject({ id: 'withdrawal', interventions: [{ force: 'us-withdrawal-announced', turn: 1 }] });
    expect(data.$schema).toMatch(/schema\/scenario\.schema\.json$/);
    expect(sandtable(['init', '--from', join(dir, 'withdrawal.json'), join(dir, 'again.yaml')]).code).toBe(0);
    expect(sandtable(['validate', join(dir, 'again.yaml')]).code).toBe(0);
  });

  it('refuses a name that is not .yaml, .yml or .json, and an unknown scenario', () => {
    expect(sandtable(['init', join(tempDir(), 'notes.txt')]).stderr).toMatch(/a scenario file's name must end in \.yaml, \.yml or \.json\n$/);
    const unknown = sandtable(['init', '--from', 'niger-2042', join(tempDir(), 'x.yaml')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('sandtable: error: unknown scenario `niger-2042`; did you mean `niger-2024`?; `sandtable list` shows the scenarios\n');
  });
});

describe('sandtable show SCENARIO', () => {
  it('refuses both --yaml and --json, and an unknown variant', () => {
    expect(sandtable(['show', 'niger-2024', '--yaml', '--json']).stderr).toBe('sandtable: error: choose one of --yaml and --json\n');
    expect(sandtable(['show', 'niger-2024/us-withdrawl']).stderr).toMatch(/no variant `us-withdrawl`; did you mean `us-withdrawal`\?/);
  });
});
