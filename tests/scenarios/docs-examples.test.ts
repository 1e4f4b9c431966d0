import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenarios/compile.js';
import { readScenarioFile } from '../../src/scenarios/load.js';
import { run } from '../../src/engine/run.js';
import { ROOT } from '../helpers.js';
import { tempDir, writeFiles } from './fixtures.js';

/** The YAML blocks of the guide marked `<!-- example: NAME -->`, by name. */
function examples(): Map<string, string> {
  const text = readFileSync(join(ROOT, 'docs', 'writing-scenarios.md'), 'utf8');
  const found = new Map<string, string>();
  for (const match of text.matchAll(/<!-- example: ([\w-]+) -->\n```yaml\n([\s\S]*?)```/g)) found.set(match[1]!, match[2]!);
  return found;
}

describe('the examples of docs/writing-scenarios.md', () => {
  const all = examples();

  it('are there', () => {
    expect([...all.keys()]).toEqual(['list-edits', 'starting-values']);
  });

  for (const [name, text] of all) {
    it(`load and run: ${name}`, () => {
      const dir = writeFiles(tempDir(), { [`${name}.yaml`]: text });
      const spec = readScenarioFile(join(dir, `${name}.yaml`));
      for (const variant of [null, ...spec.variants.map((item) => item.id)]) {
        const history = run(compileScenario(spec, variant), { seed: 1, turns: spec.turns });
        expect(history.kept).toHaveLength(spec.turns + 1);
      }
    });
  }

  it('edit entry by entry as the guide says', () => {
    const dir = writeFiles(tempDir(), { 'list-edits.yaml': all.get('list-edits')! });
    const spec = readScenarioFile(join(dir, 'list-edits.yaml'));
    expect(spec.dynamics).toHaveLength(6);
    expect(spec.rules.some((rule) => rule.id === 'us-russia-cooperation')).toBe(false);
    expect(compileScenario(spec, 'no-expansion').actors.find((actor) => actor.id === 'russia')!.actions.map((action) => action.id))
      .not.toContain('expand-presence');
  });
});
