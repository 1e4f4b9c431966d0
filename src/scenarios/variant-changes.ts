import { scenarioSchema, type ScenarioSpec, type VariantSpec } from './format.js';
import { mergeScenario } from './merge.js';
import { formatPath, ScenarioError, type Problem } from './problem.js';
import { parseSource } from './source.js';
import { problemsFromIssues } from './zod-problems.js';

// A variant's `changes:` (format 2): the same changes a file that extends the
// scenario could make (add, change or remove actions, rules, dynamics, starting
// values...), applied to the scenario when the variant is compiled. The
// variant's runs stay a function of (scenario, variant, seed): the changes are
// part of the variant, and so of the run's scenario hash.

/** Keys a variant's changes may not touch: the scenario's identity and its other variants. */
const FIXED = ['id', 'extends', 'variants', 'format', '$schema'];

/** Where merged data came from, for a scenario already in memory: positions are found later, from the paths. */
const IN_MEMORY = parseSource('{}', '(scenario)');

/** The path of a problem inside a variant's changes, as a message prefix: "rules[2].chance: ". */
function within(problem: Problem): string {
  return problem.path.length === 0 ? '' : `${formatPath(problem.path)}: `;
}

/** Problems of the changed scenario, said at the variant's `changes`. */
export function atChanges(at: number, problems: readonly Problem[]): Problem[] {
  return problems.map((problem) => ({
    path: ['variants', at, 'changes'],
    message: `the scenario as this variant changes it: ${within(problem)}${problem.message}`,
  }));
}

/** The scenario with a variant's changes applied (its other variants left out); throws ScenarioError. */
export function changedSpec(spec: ScenarioSpec, variant: VariantSpec): ScenarioSpec {
  const at = spec.variants.indexOf(variant);
  const changes = variant.changes ?? {};
  const problems: Problem[] = FIXED.filter((key) => Object.hasOwn(changes, key)).map((key) => ({
    path: ['variants', at, 'changes', key], atKey: true, message: `a variant cannot change \`${key}\`; a file that extends the scenario can`,
  }));
  const { variants: _variants, ...base } = spec;
  const merged = mergeScenario(
    { value: base, origin: { source: IN_MEMORY, path: [] } },
    { value: changes, origin: { source: IN_MEMORY, path: ['variants', at, 'changes'] } },
    problems,
  );
  if (problems.length > 0) throw new ScenarioError(problems);
  const data = { ...(merged.value as object), variants: [] };
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) throw new ScenarioError(atChanges(at, problemsFromIssues(parsed.error.issues, scenarioSchema, data)));
  return parsed.data;
}
