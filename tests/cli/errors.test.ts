import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUsageError, sandtable } from '../helpers.js';
import { asVersion1 } from '../records/version1.js';

describe('bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandtable-errors-'));

  it('names an unknown scenario and suggests a close one', () => {
    expectUsageError(['run', 'niger-2042'], /unknown scenario `niger-2042`; did you mean `niger-2024`\?/);
  });

  it('names an unknown variant and lists the variants', () => {
    expectUsageError(['run', '--variant', 'us-withdrawl'], /no variant `us-withdrawl`; did you mean `us-withdrawal`\?.*variants: /);
    expectUsageError(['run', 'niger-2024/nope'], /no variant `nope`/);
  });

  it('refuses seeds that are not whole numbers or out of range', () => {
    expectUsageError(['run', '--seed', 'abc'], /seed must be a whole number/);
    expectUsageError(['run', '--seed', '-1'], /seed/);
    expectUsageError(['run', '--seed', '1.5'], /seed must be a whole number/);
    expectUsageError(['run', '--seed', '4294967296'], /seed must be at most 4294967295/);
  });

  it('refuses turn counts that are not whole numbers or out of range', () => {
    expectUsageError(['run', '--turns', '0'], /number of turns must be a whole number from 1 to 600/);
    expectUsageError(['run', '--turns', 'ten'], /number of turns/);
    expectUsageError(['run', '--turns', '601'], /number of turns/);
  });

  it('refuses unknown flags and commands', () => {
    expectUsageError(['run', '--sed', '1'], /unknown option '--sed'.*--seed/);
    expectUsageError(['run', '--seed'], /argument missing/);
    expectUsageError(['replay'], /missing required argument/);
  });

  it('refuses a record file that is missing, not JSON, not a record, of another version or for another scenario', () => {
    expectUsageError(['replay', join(dir, 'missing.json')], /cannot read run record .*missing\.json: no such file/);
    expectUsageError(['replay', dir], /is a directory/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, 'not json at all');
    expectUsageError(['replay', bad], /bad\.json is not JSON/);
    writeFileSync(bad, '{"format": "something-else"}');
    expectUsageError(['replay', bad], /is not a sandtable run record/);
    const good = join(dir, 'good.json');
    expect(sandtable(['run', '--seed', '1', '--turns', '3', '--record', good]).code).toBe(0);
    const record = JSON.parse(readFileSync(good, 'utf8'));
    writeFileSync(bad, JSON.stringify({ ...record, formatVersion: 3 }));
    expectUsageError(['replay', bad], /format version 3; this sandtable reads versions 1 and 2/);
    writeFileSync(bad, JSON.stringify({ ...record, scenario: { ...record.scenario, id: 'other-scenario' } }));
    expectUsageError(['replay', bad], /embeds scenario niger-2024, not other-scenario/);
    writeFileSync(bad, JSON.stringify({ ...record, scenario: { ...record.scenario, variant: 'us-withdrawal' } }));
    expectUsageError(['replay', bad], /embedded scenario that does not give its run hash \(scenario\.hash/);
    // A version 1 record names its scenario, and is checked against it.
    const old = asVersion1(record);
    writeFileSync(bad, JSON.stringify({ ...old, scenario: { ...(old.scenario as object), id: 'other-scenario' } }));
    expectUsageError(['replay', bad], /version 1 record of scenario other-scenario, which is not built in; .*--scenario FILE/);
    expectUsageError(['replay', bad, '--scenario', 'other-scenario'], /unknown scenario `other-scenario`/);
    writeFileSync(bad, JSON.stringify({ ...old, scenario: { ...(old.scenario as object), variant: 'us-withdrawal' } }));
    expectUsageError(['replay', bad], /made for another version of niger-2024/);
  });

  it('refuses to write a record where it cannot, and leaves no partial file', () => {
    expectUsageError(['run', '--seed', '1', '--turns', '2', '--record', join(dir, 'no', 'such', 'dir.json')], /cannot write .*no such file or directory/);
    // Read-only directories, full disks and the like are in tests/hardening/faults.
  });

  it('explains that the terminal UI needs a terminal', () => {
    expectUsageError([], /needs an interactive terminal.*sandtable run/);
    expectUsageError(['tui', '--seed', '3'], /needs an interactive terminal/);
  });
});
