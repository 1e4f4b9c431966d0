import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/scenarios/load.js';
import { ROOT, sandtable } from '../helpers.js';

// The documentation's examples of ranges, sources and expectations are parts of
// docs/examples/coin.yaml, which loads, lists its sources and passes its check.

const COIN = `${ROOT}docs/examples/coin.yaml`;

function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

describe('the evidence examples in the documentation', () => {
  it('are word for word in the example scenario', () => {
    const doc = readFileSync(`${ROOT}docs/writing-scenarios.md`, 'utf8');
    const section = doc.slice(doc.indexOf('## 8. Evidence'));
    const blocks = yamlBlocks(section);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const file = readFileSync(COIN, 'utf8');
    for (const block of blocks) expect(file, block).toContain(block);
  });

  it('load, and the example passes the check the analysis guide runs', () => {
    const spec = readScenarioFile(COIN);
    expect(spec.expectations?.length).toBe(5);
    const { code, stdout, stderr } = sandtable(['check', 'docs/examples/coin.yaml', '--runs', '1000', '--seed', '1']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/5 pass · 0 fail · 0 undecided/);
  });
});
