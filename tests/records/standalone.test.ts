import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../../src/engine/hash.js';
import { advanceTo, branch, startHistory } from '../../src/engine/history.js';
import { parseRecord, RecordError, recordOf, replay } from '../../src/engine/record.js';
import { loadScenario, readScenarioFile } from '../../src/scenarios/load.js';
import { exportExercise } from '../../src/tui/export.js';
import { ROOT, sandtable } from '../helpers.js';
import { asVersion1 } from './version1.js';

// A run record stands alone: it embeds the resolved scenario it was made
// with, so it replays and reports after its scenario file is reworded,
// changed or deleted, and vouches for the briefs and injects players read.

const dir = mkdtempSync(join(tmpdir(), 'sandtable-records-'));
/** These tests run the command line a dozen times each; on a busy machine that takes a while. */
const SLOW = { timeout: 180_000 };
let count = 0;

/** A fresh directory holding `mali.yaml`, a full copy of niger-2024 written by `init`. */
function workspace(): { dir: string; scenario: string } {
  count += 1;
  const here = join(dir, `w${count}`);
  mkdirSync(here);
  const scenario = join(here, 'mali.yaml');
  const made = sandtable(['init', scenario]);
  expect(made.code, made.stderr).toBe(0);
  return { dir: here, scenario };
}

function ok(args: string[]): { stdout: string; stderr: string } {
  const result = sandtable(args);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

const NARRATIVE = 'A Russian plane lands with trainers and air-defence equipment, shown on state television.';
const BRIEF = "You are Niger's ruling military council";

describe('a record of a file scenario', SLOW, () => {
  it('replays and reports after a narrative sentence of the file is reworded, and after the file is deleted', () => {
    const { dir: here, scenario } = workspace();
    const record = join(here, 'run.json');
    ok(['run', scenario, '--seed', '3', '--turns', '6', '--record', record]);
    edit(scenario, NARRATIVE, 'A Russian aircraft lands with trainers and air-defence equipment.');
    const verified = ok(['replay', record, '--verify']);
    expect(verified.stdout).toMatch(/^verified: .*run\.json replays exactly \(6 turns/);
    expect(verified.stderr).toBe('');
    expect(ok(['report', record, '--runs', '5']).stdout).toMatch(/^# After-action report: /);
    rmSync(scenario);
    expect(ok(['replay', record, '--verify']).stdout).toMatch(/^verified: /);
    const report = ok(['report', record, '--runs', '5']);
    expect(report.stdout).toContain('Scenario `mali`');
    expect(report.stderr).not.toMatch(/unknown scenario/);
    expect(ok(['replay', record]).stdout).toMatch(/mali/);
  });

  it('says, with --scenario, whether the file now differs from the embedded scenario only in text or in what changes runs', () => {
    const { dir: here, scenario } = workspace();
    const record = join(here, 'run.json');
    ok(['run', scenario, '--seed', '4', '--turns', '5', '--record', record]);
    expect(ok(['replay', record, '--verify', '--scenario', scenario]).stderr).toMatch(/^sandtable: note: .*mali\.yaml is the same as the scenario .*run\.json embeds\n$/);

    const text = join(here, 'text.yaml');
    writeFileSync(text, readFileSync(scenario, 'utf8').replace(NARRATIVE, 'Reworded.').replace(BRIEF, "You are Niger's military council"));
    const textNote = ok(['replay', record, '--verify', '--scenario', text]);
    expect(textNote.stderr).toMatch(/^sandtable: note: .*text\.yaml differs from the scenario .*run\.json embeds only in text .*runs are the same/);
    expect(textNote.stdout).toMatch(/^verified: /);
    // The claim holds: the reworded file gives the same runs.
    expect(ok(['run', text, '--seed', '4', '--turns', '5', '--json']).stdout).toContain(JSON.parse(readFileSync(record, 'utf8')).finalHash);

    const numbers = join(here, 'numbers.yaml');
    writeFileSync(numbers, readFileSync(scenario, 'utf8').replace('talksChance: 0.2\n', 'talksChance: 0.25\n'));
    expect(readFileSync(numbers, 'utf8')).not.toBe(readFileSync(scenario, 'utf8'));
    const runsNote = ok(['report', record, '--runs', '5', '--scenario', numbers]);
    expect(runsNote.stderr).toMatch(/^sandtable: note: .*numbers\.yaml differs from the scenario .*run\.json embeds in what changes runs/);
    // The report is still of the recorded run, made with the scenario the record embeds.
    expect(runsNote.stdout).toMatch(/^# After-action report: /);

    const unused = join(here, 'unused.yaml');
    writeFileSync(unused, readFileSync(scenario, 'utf8').replace('injects:\n  - id: flights-declared-illegal\n    turn: 1\n', 'injects:\n  - id: flights-declared-illegal\n    turn: 2\n'));
    expect(ok(['replay', record, '--verify', '--scenario', unused]).stderr).toMatch(/differs .* only in text and in parts this run does not use/);
  });

  it('of an exercise quotes the briefs and injects the players read, not those of the file as it is now', () => {
    const { dir: here, scenario } = workspace();
    const compiled = loadScenario(scenario);
    const spec = readScenarioFile(scenario);
    const niger = spec.roles.find((role) => role.actor === 'niger')!;
    const history = advanceTo(startHistory(compiled, 9, 3, [
      { kind: 'choose', actor: 'niger', action: compiled.actors.find((actor) => actor.id === 'niger')!.actions[1]!.id, turn: 1 },
      { kind: 'force', event: spec.injects[0]!.event, turn: Number(spec.injects[0]!.turn) },
    ]));
    const roles = [{ actor: 'niger', name: 'Niger', brief: niger.brief, goals: niger.goals }];
    const { path } = exportExercise(history, roles, here, (file, content) => writeFileSync(file, content));
    expect(niger.brief).toContain(BRIEF);
    edit(scenario, BRIEF, 'You are a council that was never briefed');
    const report = ok(['report', path, '--runs', '5']);
    expect(report.stdout).toContain(BRIEF);
    expect(report.stdout).not.toContain('never briefed');
    expect(report.stdout).toContain(spec.injects[0]!.id);

    // What the players read is vouched for: a brief changed in the record is refused.
    const data = JSON.parse(readFileSync(path, 'utf8'));
    data.scenarioData.roles[0].brief = 'You were told something else.';
    const tampered = join(here, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(data));
    const refused = sandtable(['report', tampered, '--runs', '5']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^sandtable: error: .*tampered\.json has an embedded scenario that does not match its hash .*changed after the record was written\n$/);
  });

  it('of an exercise played with an inject file embeds the inject timeline played, and a brief made up for a role without one', () => {
    const scenario = loadScenario('niger-2024');
    const history = advanceTo(startHistory(scenario, 2, 2));
    const injects = [{ id: 'from-the-file', turn: 1, event: 'russian-supplies', title: 'Russian supplies', brief: 'Told from the inject file.' }];
    const roles = [{ actor: 'iran', name: 'Iran', brief: 'Made up for Iran.', goals: [] }];
    const here = mkdtempSync(join(dir, 'inject-file-'));
    const { path } = exportExercise(history, roles, here, (file, content) => writeFileSync(file, content), injects);
    const record = parseRecord(readFileSync(path, 'utf8'));
    expect(record.scenarioData?.injects).toEqual([{ id: 'from-the-file', turn: 1, event: 'russian-supplies', brief: 'Told from the inject file.' }]);
    expect(record.scenarioData?.roles).toContainEqual({ actor: 'iran', brief: 'Made up for Iran.', goals: [] });
    expect(ok(['replay', path, '--verify']).stdout).toMatch(/^verified: /);
  });
});

describe('the embedded scenario', SLOW, () => {
  const scenario = loadScenario('niger-2024');
  const record = recordOf(advanceTo(startHistory(scenario, 1, 4)));

  it('is stored once, whatever the number of turns', () => {
    const long = recordOf(advanceTo(startHistory(scenario, 1, 200)));
    const size = (value: unknown) => JSON.stringify(value).length;
    expect(size(long.scenarioData)).toBe(size(record.scenarioData));
    expect(JSON.stringify(long).split('"scenarioData"')).toHaveLength(2);
  });

  it('must hash to its recorded hashes: a changed number is refused even when its data hash is made to match', () => {
    const data = structuredClone(record.scenarioData) as { params: Record<string, number> };
    data.params.talksChance = 0.9;
    const forged = { ...record, scenario: { ...record.scenario, dataHash: hashOf(data) }, scenarioData: data };
    const file = join(dir, 'forged.json');
    writeFileSync(file, JSON.stringify(forged));
    const result = sandtable(['replay', file, '--verify']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sandtable: error: .*forged\.json has an embedded scenario that does not give its run hash \(scenario\.hash /);
  });

  it('must be a valid scenario', () => {
    const data = { ...record.scenarioData, actors: 'none' };
    const file = join(dir, 'invalid.json');
    writeFileSync(file, JSON.stringify({ ...record, scenario: { ...record.scenario, dataHash: hashOf(data) }, scenarioData: data }));
    const result = sandtable(['replay', file, '--verify']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sandtable: error: .*invalid\.json has an embedded scenario that is not a valid scenario: scenarioData\.actors/);
  });

  it('is refused when nested deeper than a scenario can be, before anything walks it', () => {
    const deep = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
    const text = JSON.stringify({ ...record, scenarioData: { ...record.scenarioData, deep: 0 } }).replace('"deep":0', `"deep":${deep}`);
    expect(() => parseRecord(text)).toThrow(RecordError);
    expect(() => parseRecord(text)).toThrow(/nested more than 32 levels/);
  });

  it('carries the variants a record switches to, and the report names the switch', () => {
    const withdrawal = loadScenario('niger-2024', 'us-withdrawal');
    const switched = recordOf(advanceTo(branch(advanceTo(startHistory(scenario, 5, 6), 2), 2, [], withdrawal)));
    expect(switched.switches).toEqual([{ turn: 2, variant: 'us-withdrawal', hash: withdrawal.hash }]);
    const file = join(dir, 'switched.json');
    writeFileSync(file, JSON.stringify(switched));
    expect(replay(parseRecord(readFileSync(file, 'utf8')), scenario, () => withdrawal).ok).toBe(true);
    expect(ok(['replay', file, '--verify']).stdout).toMatch(/^verified: /);
    const report = ok(['report', file, '--runs', '5']);
    expect(report.stdout).toMatch(/After turn 2 the run switched to the variant `niger-2024\/us-withdrawal` \(a what-if branch\): from \S+ \d{4} on/);
  });
});

describe('records of earlier format versions', SLOW, () => {
  it('still verify: every golden record through the command line', () => {
    const golden = join(ROOT, 'tests', 'golden');
    const files = readdirSync(golden).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const name of files) {
      expect(JSON.parse(readFileSync(join(golden, name), 'utf8')).formatVersion).toBe(1);
      expect(ok(['replay', join(golden, name), '--verify']).stdout).toMatch(/^verified: /);
    }
  });

  it('of a file scenario verify and report with --scenario, and the report reproduces with it', () => {
    const { dir: here, scenario } = workspace();
    const made = join(here, 'made.json');
    ok(['run', scenario, '--seed', '8', '--turns', '4', '--record', made]);
    const record = join(here, 'version1.json');
    writeFileSync(record, JSON.stringify(asVersion1(JSON.parse(readFileSync(made, 'utf8')))));
    expect(ok(['replay', record, '--verify', '--scenario', scenario]).stdout).toMatch(/^verified: /);
    const report = ok(['report', record, '--runs', '5', '--scenario', scenario]);
    expect(report.stdout).toContain(`sandtable replay ${record} --verify --scenario ${scenario}`);
  });

  it('of a scenario with briefs are reported with a note that the record does not vouch for them', () => {
    const { dir: here } = workspace();
    const made = join(here, 'made.json');
    ok(['run', '--seed', '8', '--turns', '3', '--record', made]);
    const record = join(here, 'version1-builtin.json');
    writeFileSync(record, JSON.stringify(asVersion1(JSON.parse(readFileSync(made, 'utf8')))));
    expect(ok(['report', record, '--runs', '5']).stderr).toContain('is a version 1 record, which does not vouch for briefs or injects');
    expect(ok(['report', made, '--runs', '5']).stderr).not.toContain('does not vouch');
  });
});

describe('compare FILE VARIANT', SLOW, () => {
  it('compares a file scenario with one of its variants, as for a built-in scenario', () => {
    const { scenario } = workspace();
    const short = ok(['compare', scenario, 'us-withdrawal', '--runs', '10', '--seed', '1', '--json']);
    const long = ok(['compare', scenario, `${scenario}/us-withdrawal`, '--runs', '10', '--seed', '1', '--json']);
    expect(short.stdout).toBe(long.stdout);
    expect(JSON.parse(short.stdout).variant).toMatchObject({ id: 'mali', variant: 'us-withdrawal' });
  });
});

describe('the Reproduce section', SLOW, () => {
  /** The commands the report's Reproduce section prints, as a reader would copy them. */
  function reproduceCommands(markdown: string): string[] {
    const section = markdown.slice(markdown.indexOf('## Reproduce'));
    return section.split('\n').filter((line) => line.startsWith('- ')).map((line) => {
      const code = /`(?<command>sandtable .*)`$/.exec(line)?.groups?.command;
      expect(code, line).toBeDefined();
      return code!;
    });
  }

  /** Run a printed command with `sh -c` in `cwd`, with `sandtable` on the PATH. */
  function paste(command: string, cwd: string): { code: number | null; stdout: string; stderr: string } {
    const bin = join(cwd, '.bin');
    mkdirSync(bin, { recursive: true });
    const shim = join(bin, 'sandtable');
    writeFileSync(shim, `#!/bin/sh\nexec '${process.execPath}' '${ROOT}bin/sandtable.js' "$@"\n`);
    chmodSync(shim, 0o755);
    const result = spawnSync('/bin/sh', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('prints commands that work as printed, whatever the file names hold, and run nothing else', () => {
    const here = mkdtempSync(join(dir, 'paste-'));
    const scenario = join(here, "course $(touch pwned) 'a'.yaml");
    ok(['init', scenario]);
    const made = join(here, 'made.json');
    ok(['run', scenario, '--seed', '2', '--turns', '3', '--record', made]);
    // A version 1 record of a file scenario: its commands need --scenario.
    const record = join(here, `a$(touch pwned) it's "q".json`);
    writeFileSync(record, JSON.stringify(asVersion1(JSON.parse(readFileSync(made, 'utf8')))));
    const report = ok(['report', record, '--runs', '5', '--scenario', scenario]);
    const [verify, again] = reproduceCommands(report.stdout);
    expect(verify).toContain('--scenario');
    expect(again).toContain('--scenario');
    const verified = paste(verify!, here);
    expect(verified.code, `${verify}\n${verified.stderr}`).toBe(0);
    expect(verified.stdout).toMatch(/^verified: /);
    const reported = paste(again!, here);
    expect(reported.code, `${again}\n${reported.stderr}`).toBe(0);
    expect(reported.stdout).toBe(report.stdout);
    expect(existsSync(join(here, 'pwned'))).toBe(false);
  });

  it('gives the report command with its --format and --out, so that it writes the same file again', () => {
    const here = mkdtempSync(join(dir, 'paste-'));
    const made = join(here, 'made.json');
    ok(['run', '--seed', '2', '--turns', '3', '--record', made]);
    const out = join(here, 'debrief.md');
    ok(['report', made, '--runs', '5', '--format', 'md', '--out', out]);
    const first = readFileSync(out, 'utf8');
    const [, again] = reproduceCommands(first);
    expect(again).toContain('--out');
    expect(again).toContain('--format md');
    rmSync(out);
    const reported = paste(again!, here);
    expect(reported.code, `${again}\n${reported.stderr}`).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first);
  });

  it('writes a relative file name starting with - so that the pasted command does not read it as an option', () => {
    const here = mkdtempSync(join(dir, 'paste-'));
    const made = join(here, '-b$(touch pwned).json');
    ok(['run', '--seed', '2', '--turns', '3', '--record', made]);
    const relative = spawnSync(process.execPath, [`${ROOT}bin/sandtable.js`, 'report', './-b$(touch pwned).json', '--runs', '5'], { cwd: here, encoding: 'utf8' });
    expect(relative.status, relative.stderr).toBe(0);
    const commands = reproduceCommands(relative.stdout);
    expect(commands).toEqual(["sandtable replay './-b$(touch pwned).json' --verify", "sandtable report './-b$(touch pwned).json' --runs 5"]);
    expect(paste(commands[0]!, here).stdout).toMatch(/^verified: /);
    expect(existsSync(join(here, 'pwned'))).toBe(false);
  });
});
