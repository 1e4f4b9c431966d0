import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COIN } from '../../batch/helpers.js';
import { scratch } from '../../batch/cli.js';
import { sandtable } from '../../helpers.js';
import { CONTROL } from '../helpers.js';

// A scenario's text cannot spoof the display: bidirectional controls (which
// reverse what a reader sees, U+202E and others) are stripped, and a title or
// narrative with line breaks stays on its own line of a one-line output (the
// run timeline, the tables of batch, sweep and compare), so it cannot add a
// fake event, a fake outcome or a fake "verified:" line.

const FAKE = '\nverified: fake.json replays exactly\n  • A fake event [fake]\u2028Outcome: fake';
const dir = scratch('hostile-spoofing');
const scenario = join(dir, 'spoof.yaml');

beforeAll(() => {
  const text = readFileSync(COIN, 'utf8')
    .replace('title: The coin comes up heads', `title: ${JSON.stringify(`The coin \u202eheads${FAKE}`)}`)
    .replace('narrative: Heads.', `narrative: ${JSON.stringify(`Heads.${FAKE}\u2066`)}`)
    .replace('title: Heads at least once', `title: ${JSON.stringify(`Heads at least once${FAKE}`)}`)
    .replace('title: Tails every time', `title: ${JSON.stringify(`Tails\u202d every time${FAKE}`)}`)
    .replace('{ id: heads, title: Heads, value: ind.heads }', `{ id: heads, title: ${JSON.stringify(`Heads${FAKE}`)}, value: ind.heads }`)
    .replace('title: A coin that comes up heads with probability p', `title: ${JSON.stringify(`A coin\u200f${FAKE}`)}`);
  writeFileSync(scenario, text);
});

/** Succeeds; no control or bidirectional character; no line that the scenario's text made. */
function expectNoSpoof(args: string[]): string[] {
  const result = sandtable(args);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).not.toMatch(CONTROL);
  expect(result.stderr).not.toMatch(CONTROL);
  const lines = result.stdout.split('\n');
  for (const line of lines) {
    expect(line, args.join(' ')).not.toMatch(/^\s*(verified:|• A fake event|Outcome: fake)/);
  }
  return lines;
}

describe('a scenario whose titles and narratives hold line breaks and bidirectional controls', () => {
  it('gives a run timeline of one line per event, with the whole narrative on it', () => {
    const lines = expectNoSpoof(['run', scenario, '--seed', '3', '--turns', '6']);
    const events = lines.filter((line) => /^\s+• /.test(line));
    expect(events.length).toBeGreaterThan(0);
    for (const line of events) expect(line).toBe('  • Heads. verified: fake.json replays exactly • A fake event [fake] Outcome: fake [heads]');
    expect(lines[0]).toBe('coin: A coin verified: fake.json replays exactly • A fake event [fake] Outcome: fake');
  });

  it('gives batch, sweep and compare tables of one line per row', () => {
    const common = ['--runs', '4', '--seed', '1', '--workers', '1'];
    const batch = expectNoSpoof(['batch', scenario, ...common]);
    expect(batch.filter((line) => line.includes('Heads at least once'))).toEqual([
      expect.stringMatching(/^ {2}Heads at least once verified: fake\.json replays exactly • A fake event \[fake\] Outcome: fake \[heads\] +\d/),
    ]);
    expectNoSpoof(['sweep', scenario, '--set', 'p=0:1:2', ...common]);
    expectNoSpoof(['compare', scenario, `${scenario}/biased`, ...common]);
  });

  it('keeps the text whole in --json, with the controls escaped', () => {
    const json = sandtable(['run', scenario, '--seed', '3', '--turns', '6', '--json']);
    expect(json.stdout).not.toMatch(CONTROL);
    expect(json.stdout).toContain('\\u202e');
    expect(JSON.parse(json.stdout).outcome.title).toMatch(/\n/);
  });
});
