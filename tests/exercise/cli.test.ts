import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandtable } from '../helpers.js';
import { asVersion1 } from '../records/version1.js';

const dir = mkdtempSync(join(tmpdir(), 'sandtable-exercise-cli-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** One line on stderr, `sandtable: error: ...`, matching `pattern`. */
function oneLine(stderr: string, pattern: RegExp): void {
  expect(stderr).toMatch(/^sandtable: error: [^\n]*\n$/);
  expect(stderr).toMatch(pattern);
}

function recordOf(args: string[], name: string): string {
  const path = join(dir, name);
  const result = sandtable(['run', ...args, '--record', path]);
  expect(result.code, result.stderr).toBe(0);
  return path;
}

describe('sandtable report', () => {
  const record = recordOf(['niger-2024', '--seed', '5', '--turns', '4'], 'plain.json');

  it('prints a Markdown report to stdout by default', () => {
    const result = sandtable(['report', record, '--runs', '20']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^# After-action report: Niger 2024/);
    expect(result.stdout).toContain('## What the choices changed, over 20 paired runs');
    expect(result.stderr).toBe('');
  });

  it('writes the HTML report to --out, and says where on stderr', () => {
    const out = join(dir, 'report.html');
    const result = sandtable(['report', record, '--runs', '20', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`sandtable: wrote the HTML report to ${out}\n`);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('refuses a format other than md, html or csv', () => {
    const result = sandtable(['report', record, '--format', 'pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sandtable: error: option '--format <F>' argument 'pdf' is invalid\. the report format must be md, html or csv, not "pdf"\.\n$/);
  });

  it('refuses a number of runs that is not a positive whole number', () => {
    const result = sandtable(['report', record, '--runs', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the number of runs must be a whole number from 1 to 100000, not "0"/);
  });

  it('says in one line when the file is missing or not a run record', () => {
    const missing = sandtable(['report', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    oneLine(missing.stderr, /cannot read run record .*nope\.json: no such file or directory/);
    const other = sandtable(['report', file('other.json', '{"hello": 1}')]);
    expect(other.code).toBe(2);
    oneLine(other.stderr, /other\.json is not a sandtable run record/);
  });

  it('refuses a record of another scenario in one line', () => {
    const course = file('course.yaml', 'extends: niger-2024\nid: course\nparams: { talksChance: 0.3 }\n');
    const seminar = file('seminar.yaml', 'extends: niger-2024\nid: seminar\n');
    // A version 1 record names its scenario (a record of version 2 embeds it: tests/records).
    const made = file('course-run.json', JSON.stringify(asVersion1(JSON.parse(readFileSync(recordOf([course, '--seed', '3', '--turns', '3'], 'course-run.json'), 'utf8')))));
    const unnamed = sandtable(['report', made]);
    expect(unnamed.code).toBe(2);
    oneLine(unnamed.stderr, /version 1 record of scenario course, which is not built in; .*--scenario FILE/);
    const wrong = sandtable(['report', made, '--scenario', seminar]);
    expect(wrong.code).toBe(2);
    oneLine(wrong.stderr, /course-run\.json was made for scenario course, not seminar/);
    const changed = file('course-changed.yaml', 'extends: niger-2024\nid: course\nparams: { talksChance: 0.35 }\n');
    const version = sandtable(['report', made, '--scenario', changed]);
    expect(version.code).toBe(2);
    oneLine(version.stderr, /was made for another version of course/);
    expect(sandtable(['report', made, '--scenario', course, '--runs', '5']).code).toBe(0);
  });

  it('refuses a record that does not replay, with exit code 1', () => {
    const data = JSON.parse(readFileSync(record, 'utf8'));
    data.hashes[2] = '0'.repeat(64);
    const result = sandtable(['report', file('tampered.json', JSON.stringify(data)), '--runs', '5']);
    expect(result.code).toBe(1);
    oneLine(result.stderr, /tampered\.json does not replay \(turn 2 differs\)/);
  });
});

describe('sandtable exercise, bad input', () => {
  it('refuses an unknown role in one line, suggesting the right one', () => {
    const result = sandtable(['exercise', '--role', 'usaa']);
    expect(result.code).toBe(2);
    oneLine(result.stderr, /unknown role `usaa`: niger-2024 has no actor of that id; did you mean `usa`\? \(roles: niger, usa, russia,/);
  });

  it('asks for a role when none is given', () => {
    const result = sandtable(['exercise']);
    expect(result.code).toBe(2);
    oneLine(result.stderr, /name the role to play with --role ACTOR/);
  });

  it('refuses an inject of an unknown event, at its line in the inject file', () => {
    const injects = file('bad-event.yaml', 'injects:\n  - id: talks\n    turn: 2\n    event: us-talks\n    brief: Talks.\n');
    const result = sandtable(['exercise', '--role', 'usa', '--injects', injects]);
    expect(result.code).toBe(2);
    oneLine(result.stderr, /bad-event\.yaml:4:12: injects\[0\]\.event: unknown event `us-talks`/);
  });

  it('refuses an inject at a turn after the exercise\'s last', () => {
    const injects = file('late.yaml', 'injects:\n  - { id: late, turn: 9, event: iran-ties, brief: Late. }\n');
    const result = sandtable(['exercise', '--role', 'usa', '--turns', '6', '--injects', injects]);
    expect(result.code).toBe(2);
    oneLine(result.stderr, /late\.yaml:2:\d+: injects\[0\]\.turn: turn 9 is after the exercise's last turn \(6\)/);
  });

  it('refuses an inject file of the wrong shape', () => {
    const injects = file('shape.yaml', 'inject:\n  - { id: a, turn: 1, event: iran-ties, brief: A. }\n');
    const result = sandtable(['exercise', '--role', 'usa', '--injects', injects]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/shape\.yaml:1:1: .*unknown field `inject`/);
  });

  it('needs a terminal, and says so in one line like the terminal UI', () => {
    const injects = file('good.yaml', 'replace: true\ninjects:\n  - { id: a, turn: 1, event: iran-ties, brief: A. }\n');
    const result = sandtable(['exercise', '--role', 'usa', '--injects', injects]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    oneLine(result.stderr, /^sandtable: error: the terminal UI needs an interactive terminal; use `sandtable run`/);
  });
});
