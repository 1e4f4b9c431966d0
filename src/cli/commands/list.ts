import { stripControl } from '../../engine/text.js';
import { listScenarios } from '../../scenarios/load.js';
import { jsonText } from '../json.js';

/** `sandtable list [--json]`: the built-in scenarios and their variants. */
export function listCommand(options: { json?: boolean }): number {
  const scenarios = listScenarios();
  if (options.json) {
    process.stdout.write(jsonText({ scenarios }, 2));
    return 0;
  }
  const lines: string[] = [];
  for (const scenario of scenarios) {
    lines.push(`${scenario.id}  ${scenario.title} (${scenario.turns} turns by default)`);
    for (const variant of scenario.variants) lines.push(`  ${scenario.id}/${variant.id}  ${variant.title}`);
  }
  process.stdout.write(`${stripControl(lines.join('\n'))}\n`);
  return 0;
}
