import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A one-turn scenario whose rule `flip` fires with chance param.p (0.5), and
 * expectations appended as written. The share of runs in which it fires has a
 * known value, so each verdict of `check` can be foreseen.
 */
export function flipScenario(expectations: string, extra = ''): string {
  return `format: 2
id: flip
title: A fair coin
version: "1"
start: "2024-04"
turns: 1
issues: []
params:
  p: { value: 0.5, range: [0.3, 0.7] }
actors:
  - { id: thrower, name: Thrower }
indicators:
  - { id: heads, title: Heads, initial: 0 }
cooperation: {}
rules:
  - id: flip
    title: Heads
    chance: param.p
    effects:
      - set: { ind.heads: 1 }
    narrative: Heads.
    source: "Modelling assumption: a fair coin."
metrics:
  - { id: headsAtEnd, title: Heads at the end, value: ind.heads }
outcomes:
  - { id: heads, title: Heads, when: fired("flip") }
  - { id: tails, title: Tails }
${extra}expectations:
${expectations}`;
}

/** Write files into a fresh temporary directory; returns the path of each, by name. */
export function writeTemp(files: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'sandtable-evidence-'));
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    out[name] = join(dir, name);
    writeFileSync(out[name]!, text);
  }
  return out;
}
