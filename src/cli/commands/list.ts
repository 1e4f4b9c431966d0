import { listScenarios } from '../../scenarios/load.js';
import { oneLine } from '../../engine/text.js';
import { jsonText } from '../json.js';
import { printData } from '../terminal.js';

/** `sandtable list [--json]`: the built-in scenarios and their variants. */
export function listCommand(options: { json?: boolean }): number {
  const scenarios = listScenarios();
  if (options.json) {
    printData(jsonText({ scenarios }, 2));
    return 0;
  }
  const lines: string[] = [];
  for (const scenario of scenarios) {
    lines.push(oneLine(`${scenario.id}  ${scenario.title} (${scenario.turns} turns by default)`));
    for (const variant of scenario.variants) lines.push(oneLine(`  ${scenario.id}/${variant.id}  ${variant.title}`));
  }
  printData(`${lines.join('\n')}\n`);
  return 0;
}
