import { oneLine } from '../../engine/text.js';
import { formatProblem, ScenarioError } from '../../scenarios/problem.js';
import { resolveSpec, ScenarioNotFound, warningsOf } from '../../scenarios/load.js';
import { EXIT, UsageError } from '../errors.js';
import { problemLines } from '../scenario.js';
import { note, printData } from '../terminal.js';
import { plural } from '../text/format.js';

/**
 * `sandtable validate FILE`: every check a command makes when it loads the
 * file, with every problem on its own line. Exit 0 valid, 2 invalid.
 */
export function validateCommand(file: string): number {
  try {
    const spec = resolveSpec(file);
    for (const warning of warningsOf(spec)) note(`warning: ${formatProblem(warning)}`);
    const variants = spec.variants.length === 0 ? 'no variants' : `variants: ${spec.variants.map((variant) => variant.id).join(', ')}`;
    printData(`${oneLine(`${file}: valid scenario \`${spec.id}\` (${plural(spec.actors.length, 'actor')}, ${plural(spec.rules.length, 'rule')}, ${variants})`)}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ScenarioNotFound) throw new UsageError(error.message);
    if (!(error instanceof ScenarioError)) throw error;
    for (const line of problemLines(error)) note(`error: ${line}`);
    const total = error.problems.length;
    const count = total === 1 ? '1 problem' : `${total} problems`;
    const fix = total === 1 ? 'fix it' : 'fix them';
    note(`error: ${count} in ${file}; ${fix} and run \`sandtable validate ${file}\` again`);
    return EXIT.usage;
  }
}
