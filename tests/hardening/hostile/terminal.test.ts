import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COIN } from '../../batch/helpers.js';
import { scratch } from '../../batch/cli.js';
import { sandtable } from '../../helpers.js';
import { CONTROL, expectRefused } from '../helpers.js';
import { asVersion1 } from '../../records/version1.js';

// Control characters and terminal escape sequences in a stranger's scenario
// (names, titles, narratives), in a run record's values and in file names:
// no command may pass one to the terminal, as text or as JSON. JSON keeps
// the data: the characters come back as \u escapes, which parse to the same
// strings. (tests/scenarios/safety.test.ts covers run's timeline, show and
// validate; this covers every other output.)

const ESCAPES = {
  clear: '\u001b[2J',
  title: '\u001b]0;owned\u0007',
  csi8: '\u009b31m',
  nel: '\u0085',
  del: '\u007f',
  bell: '\u0007',
};
const dir = scratch('hostile-terminal');
let scenario = '';
let record = '';

beforeAll(() => {
  const e = ESCAPES;
  const text = readFileSync(COIN, 'utf8')
    .replace('title: A coin that comes up heads with probability p', `title: ${JSON.stringify(`A coin ${e.clear}${e.csi8}`)}`)
    .replace('name: The tosser', `name: ${JSON.stringify(`The ${e.title} tosser`)}`)
    .replace('title: The coin comes up heads', `title: ${JSON.stringify(`The coin ${e.del} comes up ${e.nel} heads`)}`)
    .replace('narrative: Heads.', `narrative: ${JSON.stringify(`Heads ${e.bell}${e.csi8}.`)}`)
    .replace('title: Heads at least once', `title: ${JSON.stringify(`Heads ${e.csi8} at least once`)}`)
    .replace('title: Heads so far', `title: ${JSON.stringify(`Heads ${e.nel}so far`)}`)
    .replace('{ id: heads, title: Heads, value: ind.heads }', `{ id: heads, title: ${JSON.stringify(`Heads ${e.clear}`)}, value: ind.heads }`);
  scenario = join(dir, 'escapes.yaml');
  writeFileSync(scenario, text);
  record = join(dir, 'escapes-record.json');
  const made = sandtable(['run', scenario, '--seed', '2', '--turns', '4', '--record', record]);
  expect(made.code, made.stderr).toBe(0);
});

/** Succeeds, and nothing in its output can drive a terminal. */
function clean(args: string[]): string {
  const result = sandtable(args);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout, args.join(' ')).not.toMatch(CONTROL);
  expect(result.stderr, args.join(' ')).not.toMatch(CONTROL);
  return result.stdout;
}

describe('a scenario with control sequences in its text', () => {
  it('is run as JSON with the text kept, escaped, and nothing raw', () => {
    const json = clean(['run', scenario, '--seed', '2', '--turns', '4', '--json']);
    const titles = JSON.parse(json).timeline.flatMap((turn: { events: { title: string }[] }) => turn.events.map((event) => event.title));
    expect(titles.length).toBeGreaterThan(0);
    expect(titles[0]).toBe(`The coin ${ESCAPES.del} comes up ${ESCAPES.nel} heads`);
  });

  it('is batched, compared and swept as text and as JSON without a raw control character', () => {
    const common = ['--runs', '5', '--seed', '1', '--workers', '1'];
    for (const json of [[], ['--json']]) {
      clean(['batch', scenario, ...common, ...json]);
      clean(['compare', scenario, `${scenario}/biased`, ...common, ...json]);
      clean(['sweep', scenario, '--set', 'p=0:1:2', ...common, ...json]);
    }
    const summary = JSON.parse(clean(['batch', scenario, ...common, '--json']));
    expect(summary.scenario.title).toBe(`A coin ${ESCAPES.clear}${ESCAPES.csi8}`);
  });

  it('is merged from shards, and replayed and reported from its record, without a raw control character', () => {
    const shard = join(dir, 'shard.json');
    writeFileSync(shard, clean(['batch', scenario, '--runs', '4', '--seed', '1', '--workers', '1', '--shard', '1/1']));
    clean(['merge', shard]);
    clean(['merge', shard, '--json']);
    for (const extra of [[], ['--json'], ['--verify']]) clean(['replay', record, '--scenario', scenario, ...extra]);
    clean(['report', record, '--scenario', scenario, '--runs', '3']);
  });

  it('is listed: list shows only the built-in scenarios, and nothing raw', () => {
    clean(['list']);
    clean(['list', '--json']);
  });
});

describe('an error message that quotes a stranger\'s value', () => {
  it('drops the control sequences from a record\'s values', () => {
    const data = JSON.parse(readFileSync(record, 'utf8'));
    const bad = join(dir, 'bad-version.json');
    writeFileSync(bad, JSON.stringify({ ...data, formatVersion: `2${ESCAPES.csi8}${ESCAPES.clear}` }));
    expectRefused(sandtable(['replay', bad]), /is a run record of format version "2.*"; this sandtable reads versions 1 and 2/);
    const other = join(dir, 'other-scenario.json');
    writeFileSync(other, JSON.stringify({ ...data, scenario: { ...data.scenario, id: `coin${ESCAPES.csi8}${ESCAPES.title}` } }));
    expectRefused(sandtable(['replay', other, '--scenario', scenario]), /embeds scenario coin, not coin/);
    const old = asVersion1(data);
    writeFileSync(other, JSON.stringify({ ...old, scenario: { ...(old.scenario as object), id: `coin${ESCAPES.csi8}${ESCAPES.title}` } }));
    expectRefused(sandtable(['replay', other, '--scenario', scenario]), /was made for scenario coin/);
    const path = join(dir, 'bad-path.json');
    writeFileSync(path, JSON.stringify({ ...data, interventions: [{ kind: 'set', path: `ind.${ESCAPES.clear}x`, value: 1, turn: 1 }] }));
    expectRefused(sandtable(['replay', path, '--scenario', scenario]), /has an invalid field interventions\[0\]: coin has no value `ind\.x`/);
  });

  it('drops them from file names and arguments too', () => {
    expectRefused(sandtable(['replay', join(dir, `missing${ESCAPES.clear}${ESCAPES.csi8}.json`)]), /cannot read run record .*missing.*\.json: no such file/);
    expectRefused(sandtable(['run', `niger${ESCAPES.title}`]), /unknown scenario `niger/);
    expectRefused(sandtable(['run', `--seed${ESCAPES.clear}`, '1']), /unknown option '--seed/);
    expectRefused(sandtable(['run', '--record', join(dir, `no-such-dir${ESCAPES.csi8}`, 'run.json')]), /cannot write .*no-such-dir.*run\.json: no such file or directory/);
  });
});
