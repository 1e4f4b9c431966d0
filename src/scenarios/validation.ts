import { compileScenario, compileVariant } from './compile.js';
import { formatPath, ScenarioError, type Problem } from './problem.js';
import { scenarioSchema, type ScenarioSpec } from './format.js';
import { problemsFromIssues } from './zod-problems.js';
import { repair } from './repair.js';
import { ScenarioScope } from './scope.js';
import { paramValues } from './params.js';
import { initialState } from './initial-state.js';
import { hasStartingExpressions } from './starting-value.js';

type Part = string | number;

/**
 * Every problem the compiler finds, with no variant and with each variant
 * applied. The scenario is compiled once; each variant then adds only what it
 * changes (compileVariant), so checking 64 variants costs about one compile,
 * not 65.
 */
export function checkSpec(spec: ScenarioSpec): Problem[] {
  const found = new Map<string, Problem>();
  const add = (problems: readonly Problem[]) => {
    for (const problem of problems) found.set(`${formatPath(problem.path)}\n${problem.message}`, problem);
  };
  add(compileProblems(spec, null));
  const scope = new ScenarioScope(spec, paramValues(spec.params));
  const fromParams = hasStartingExpressions(spec);
  for (const id of new Set(spec.variants.map((item) => item.id))) {
    const problems: Problem[] = [];
    const variant = spec.variants.find((item) => item.id === id)!;
    if (variant.changes !== undefined) {
      // A variant that changes the scenario costs a compile of its own; one that only sets parameters does not.
      add(compileProblems(spec, id));
      continue;
    }
    compileVariant(spec, variant, scope, problems);
    // Starting values computed from parameters may leave their range under a variant's parameters.
    if (fromParams) initialState(spec, problems, { ...paramValues(spec.params), ...variant.params });
    add(problems);
  }
  return [...found.values()];
}

function compileProblems(spec: ScenarioSpec, variant: string | null): readonly Problem[] {
  try {
    compileScenario(spec, variant);
    return [];
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.problems;
  }
}

function isPrefix(prefix: readonly Part[], path: readonly Part[]): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => part === path[i]);
}

/**
 * Check scenario data against the format and compile it with every variant.
 * When its structure is wrong, the parts that are right are still compiled, so
 * that every problem is reported at once.
 */
export function validateData(data: unknown): { spec: ScenarioSpec; problems: [] } | { spec: null; problems: Problem[] } {
  const parsed = scenarioSchema.safeParse(data);
  if (parsed.success) {
    const problems = checkSpec(parsed.data);
    return problems.length === 0 ? { spec: parsed.data, problems: [] } : { spec: null, problems };
  }
  const structural = problemsFromIssues(parsed.error.issues, scenarioSchema, data);
  return { spec: null, problems: [...structural, ...referenceProblems(data, structural)] };
}

/** Problems of names and expressions in the parts of broken data whose structure is right. */
function referenceProblems(data: unknown, structural: readonly Problem[]): Problem[] {
  const repaired = repair(scenarioSchema, data) as ScenarioSpec;
  if (repaired.actors.length === 0 || repaired.outcomes.length === 0) return [];
  let found: Problem[];
  try {
    found = checkSpec(repaired);
  } catch {
    // Repaired data is a best effort; the structural problems are reported whatever happens here.
    return [];
  }
  return found.filter((problem) => !structural.some((known) => isPrefix(known.path, problem.path) || isPrefix(problem.path, known.path)));
}
