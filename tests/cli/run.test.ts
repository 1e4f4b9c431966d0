import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandtable } from '../helpers.js';

describe('sandtable run', () => {
  it('prints byte-identical JSON for the same seed in separate processes', () => {
    const a = sandtable(['run', '--seed', '123', '--json']);
    const b = sandtable(['run', 'niger-2024', '--seed', '123', '--turns', '24', '--json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(sandtable(['run', '--seed', '124', '--json']).stdout).not.toBe(a.stdout);
  });

  it('prints the JSON shape of the design', () => {
    const report = JSON.parse(sandtable(['run', '--seed', '5', '--turns', '6', '--json']).stdout);
    expect(report.seed).toBe(5);
    expect(report.turns).toBe(6);
    expect(report.scenario.id).toBe('niger-2024');
    expect(report.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.timeline).toHaveLength(7);
    expect(report.timeline[1]).toMatchObject({ turn: 1, date: '2024-05' });
    expect(report.timeline[1].hash).toMatch(/^[0-9a-f]{64}$/);
    const events = report.timeline.flatMap((turn: { events: { id: string }[] }) => turn.events);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(typeof event.id).toBe('string');
    expect(Object.keys(report.outcome.metrics)).toEqual(expect.arrayContaining(['usPresence', 'russianPresence', 'insurgency']));
    expect(report.finalHash).toBe(report.timeline[6].hash);
  });

  it('prints a month-by-month timeline with why each event fired and the outcome', () => {
    const { code, stdout } = sandtable(['run', '--seed', '1', '--turns', '3']);
    expect(code).toBe(0);
    expect(stdout).toContain('May 2024 (turn 1)');
    expect(stdout).toContain('July 2024 (turn 3)');
    expect(stdout).toContain('• The CNSP declares flights from the U.S.-built airbase illegal');
    expect(stdout).toContain('why: chance 0.4 + 0.5 × (1 − 0.25) × 0.9 = 0.7375, roll 0.2334 < 0.7375 → fired');
    expect(stdout).toContain('source: Article: "Following a recent visit');
    expect(stdout).toMatch(/Outcome in July 2024: .+ \[[a-z-]+\]/);
  });

  it('picks a seed when none is given and says how to repeat the run', () => {
    const { code, stdout, stderr } = sandtable(['run', '--turns', '2', '--json']);
    expect(code).toBe(0);
    const seed = JSON.parse(stdout).seed as number;
    expect(stderr).toContain(`--seed ${seed}`);
    expect(sandtable(['run', '--turns', '2', '--json', '--seed', String(seed)]).stdout).toBe(stdout);
  });

  it('runs a variant given as a flag or as scenario/variant', () => {
    const flag = sandtable(['run', '--variant', 'us-withdrawal', '--seed', '1', '--turns', '2', '--json']);
    const slash = sandtable(['run', 'niger-2024/us-withdrawal', '--seed', '1', '--turns', '2', '--json']);
    expect(flag.stdout).toBe(slash.stdout);
    const report = JSON.parse(flag.stdout);
    expect(report.scenario.variant).toBe('us-withdrawal');
    expect(report.timeline[1].events.map((event: { id: string }) => event.id)).toContain('us-withdrawal-announced');
  });
});

describe('sandtable replay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandtable-replay-'));
  const file = join(dir, 'run.json');

  it('verifies a record written by run --record', () => {
    const written = sandtable(['run', '--seed', '99', '--turns', '10', '--record', file]);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain(`run record written to ${file}`);
    const verified = sandtable(['replay', file, '--verify']);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('replays exactly');
  });

  it('prints the replayed timeline without --verify', () => {
    const replayed = sandtable(['replay', file]);
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toBe(sandtable(['run', '--seed', '99', '--turns', '10']).stdout);
  });

  it('fails with exit 1 and names the first differing turn when the record was edited', () => {
    const record = JSON.parse(readFileSync(file, 'utf8'));
    record.hashes[4] = '0'.repeat(64);
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, JSON.stringify(record));
    const result = sandtable(['replay', edited, '--verify']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sandtable: error: .*turn 4 differs/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('sandtable list, --help and --version', () => {
  it('lists the built-in scenario and its variants', () => {
    const text = sandtable(['list']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('niger-2024/us-withdrawal');
    const json = JSON.parse(sandtable(['list', '--json']).stdout);
    expect(json.scenarios[0].id).toBe('niger-2024');
    expect(json.scenarios[0].variants.map((v: { id: string }) => v.id)).toEqual(
      expect.arrayContaining(['us-withdrawal', 'russian-expansion', 'negotiated-stay', 'insurgent-surge']),
    );
  });

  it('prints help and the version with exit 0', () => {
    const help = sandtable(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: sandtable');
    expect(help.stdout).toContain('replay');
    expect(sandtable(['run', '--help']).stdout).toContain('--record <file>');
    const version = sandtable(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe('0.1.0');
  });
});
