import { ComparisonTally } from '../../engine/batch/comparison-tally.js';
import { randomSeed } from '../../engine/random.js';
import type { Scenario } from '../../engine/types.js';
import { isFileReference, splitReference } from '../../scenarios/load.js';
import { formatComparison } from '../text/compare-text.js';
import { execute } from '../parallel/execute.js';
import { interruptible } from '../parallel/interrupt.js';
import { workerCount } from '../batch-options.js';
import { sourceOf } from '../parallel/sources.js';
import { planTasks } from '../parallel/tasks.js';
import { UsageError } from '../errors.js';
import { jsonText } from '../json.js';
import { checkHtmlOption, writeAnalysisHtml } from '../html-file.js';
import { note, printData } from '../terminal.js';
import { loadForCommand } from '../scenario.js';

export interface CompareOptions {
  runs: number;
  seed?: number;
  turns?: number;
  workers?: number;
  json?: boolean;
  html?: string;
}

/**
 * `sandtable compare BASE VARIANT`: paired runs of two scenarios on the same
 * seeds, so on the same random numbers; the differences are then due to what
 * the variant changed, not to chance.
 */
export async function compareCommand(baseRef: string, variantArgument: string, options: CompareOptions): Promise<number> {
  const base = loadForCommand(baseRef, undefined);
  const [variant, variantRef] = loadVariant(baseRef, variantArgument);
  checkHtmlOption(options.html, false);
  const seed = options.seed ?? randomSeed();
  const turns = options.turns ?? base.defaultTurns;
  const workers = workerCount(options.workers);
  const tally = new ComparisonTally(base, variant, seed, turns);
  const results = await interruptible((signal) => execute({
    workers,
    job: { kind: 'compare', base: sourceOf(baseRef, undefined), variant: sourceOf(variantRef, undefined), seed, turns },
    tasks: planTasks(0, options.runs, options.runs, workers),
    signal,
  }));
  for (const result of results) if (result.type === 'paired') tally.add(result.data);
  const comparison = tally.summary();
  if (options.html !== undefined) await writeAnalysisHtml(options.html, { kind: 'compare', summary: comparison });
  printData(options.json ? jsonText(comparison, 2) : formatComparison(comparison));
  if (options.seed === undefined) note(`seed ${seed} (repeat this comparison with --seed ${seed})`);
  return 0;
}

/**
 * The variant side: a scenario reference, or just a variant of the base
 * (`compare niger-2024 us-withdrawal`) when no scenario has that name.
 */
function loadVariant(baseRef: string, variantRef: string): [Scenario, string] {
  try {
    return [loadForCommand(variantRef, undefined), variantRef];
  } catch (error) {
    const base = splitReference(baseRef);
    // A scenario file's variants are named the same way: `compare course.yaml fast`.
    const shorthand = !isFileReference(variantRef) && !variantRef.includes('/');
    if (!(error instanceof UsageError) || !shorthand) throw error;
    const ref = `${base.scenario}/${variantRef}`;
    try {
      return [loadForCommand(ref, undefined), ref];
    } catch (second) {
      // Neither: say both, with the variants the base has (a misspelt variant is the likelier slip).
      if (second instanceof UsageError && second.lines.length === 1) {
        throw new UsageError(`unknown scenario \`${variantRef}\`, and ${second.message.replace(/^variants: /, '')}`);
      }
      throw error;
    }
  }
}
