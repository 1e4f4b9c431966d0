// The other side of harness.ts: a worker thread that feeds one fuzz case at a
// time to the compiled code in dist/ and says how it ended. It runs in a
// thread of its own so that a case that never ends can be stopped
// (Worker.terminate interrupts even a synchronous loop) and reported.
import { parentPort } from 'node:worker_threads';

const dist = (path) => import(new URL(`../../../dist/${path}`, import.meta.url).href);

const [load, compile, problem, expression, scope, record, merge, errors, cliErrors, cliScenario, main] = await Promise.all([
  dist('scenarios/load.js'),
  dist('scenarios/compile.js'),
  dist('scenarios/problem.js'),
  dist('scenarios/expression.js'),
  dist('scenarios/scope.js'),
  dist('engine/record.js'),
  dist('engine/batch/merge.js'),
  dist('engine/errors.js'),
  dist('cli/errors.js'),
  dist('cli/scenario.js'),
  dist('cli/main.js'),
]);
const { run } = await dist('engine/run.js');
const exercise = await dist('cli/commands/exercise.js');
const bounded = await dist('scenarios/bounded-read.js');

/** The error classes the code documents for bad input; anything else thrown is a crash. */
const DOCUMENTED = [
  ['ScenarioError', problem.ScenarioError],
  ['ScenarioNotFound', load.ScenarioNotFound],
  ['ExpressionError', expression.ExpressionError],
  ['RecordError', record.RecordError],
  ['MergeError', merge.MergeError],
  ['SimulationError', errors.SimulationError],
  ['UsageError', cliErrors.UsageError],
  ['FileRefused', bounded.FileRefused],
];

function thrown(error) {
  const documented = DOCUMENTED.find(([, type]) => error instanceof type);
  const lines = documented?.[0] === 'ScenarioError' ? cliScenario.problemLines(error) : [];
  return {
    kind: 'error',
    name: documented?.[0] ?? error?.constructor?.name ?? typeof error,
    documented: documented !== undefined,
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
    lines,
  };
}

const niger = load.loadScenario('niger-2024');
const nigerSpec = load.builtinSpec('niger-2024');
const nigerScope = new scope.ScenarioScope(nigerSpec, niger.params);
const context = { params: niger.params, choices: { niger: 'deepen-russia-ties', usa: 'negotiate' }, turn: 3 };

const targets = {
  /** Scenario text: parse and check it; when it is valid, compile every variant and run a few turns. */
  spec({ text: source, file }) {
    const spec = load.parseSpec(source, file);
    for (const variant of [null, ...spec.variants.map((item) => item.id)]) {
      const scenario = compile.compileScenario(spec, variant);
      run(scenario, { seed: 7, turns: Math.min(3, scenario.defaultTurns) });
    }
    return { kind: 'value', summary: `valid ${spec.id} (${spec.variants.length} variants)` };
  },

  /** A scenario file on disk, as the commands load it: by path, with a variant or none. */
  file({ path, variant }) {
    const scenario = load.loadScenario(path, variant);
    run(scenario, { seed: 7, turns: Math.min(3, scenario.defaultTurns) });
    return { kind: 'value', summary: `loaded ${scenario.id}` };
  },

  /** Expression text against niger-2024's names: compile, then evaluate and explain it. */
  expression({ source }) {
    const compiled = expression.compileExpression(source, nigerScope);
    const value = compiled.evaluate(niger.initial, context);
    const shown = compiled.explain(niger.initial, context);
    const inputs = compiled.inputs(niger.initial, context);
    if (typeof value !== 'number' || typeof shown !== 'string' || typeof inputs !== 'object') {
      throw new TypeError(`a compiled expression gave ${typeof value}, ${typeof shown}, ${typeof inputs}`);
    }
    return { kind: 'value', summary: `${shown}` };
  },

  /** Run-record text: parse it; when it parses, replay it against niger-2024 and its variants. */
  record({ text: source }) {
    const parsed = record.parseRecord(source);
    const result = record.replay(parsed, load.loadScenario('niger-2024', parsed.scenario.variant),
      (variant) => load.loadScenario('niger-2024', variant));
    return { kind: 'value', summary: result.ok ? 'verified' : `differs at turn ${result.turn}` };
  },

  /** An exercise's inject file on disk, checked against niger-2024 over 24 turns. */
  injects({ path }) {
    const file = exercise.readInjectFile(path, niger, 24);
    return { kind: 'value', summary: `${file.injects.length} injects` };
  },

  /** Any file on disk (or a link to anything), through the bounded reader with a small limit. */
  bounded({ path, limit }) {
    const text = bounded.readBoundedText(path, { what: 'fuzzed file', limit });
    if (Buffer.byteLength(text) > limit) throw new RangeError(`read ${Buffer.byteLength(text)} bytes past the limit of ${limit}`);
    return { kind: 'value', summary: `${Buffer.byteLength(text)} bytes` };
  },

  /** Versioned JSON text through the one versioned reader, as both a run record and a shard file: each gives its value or its documented error. */
  versioned({ text: source }) {
    const outcomes = [
      [record.parseRecord, record.RecordError],
      [merge.parseShardFile, merge.MergeError],
    ].map(([parse, documented]) => {
      try {
        parse(source);
        return 'read';
      } catch (error) {
        if (error instanceof documented) return 'refused';
        throw error;
      }
    });
    return { kind: 'value', summary: outcomes.join(', ') };
  },

  /** Shard files: parse each, then merge them. */
  shards({ texts }) {
    const shards = texts.map((source, index) => ({ name: `shard-${index}.json`, file: merge.parseShardFile(source) }));
    const merged = merge.mergeShards(shards);
    return { kind: 'value', summary: `merged ${merged.combinations.length} combinations` };
  },

  /** The command line, in this thread, with its output captured. */
  async cli({ argv }) {
    let stdout = '';
    let stderr = '';
    const saved = { out: process.stdout.write, err: process.stderr.write };
    process.stdout.write = (chunk) => { stdout += String(chunk); return true; };
    process.stderr.write = (chunk) => { stderr += String(chunk); return true; };
    let code;
    try {
      code = await main.main(argv);
    } finally {
      process.stdout.write = saved.out;
      process.stderr.write = saved.err;
    }
    return { kind: 'exit', code, stdout, stderr };
  },
};

parentPort.on('message', async ({ id, target, input }) => {
  let outcome;
  try {
    outcome = await targets[target](input);
  } catch (error) {
    outcome = thrown(error);
  }
  parentPort.postMessage({ id, outcome });
});
parentPort.postMessage({ ready: true });
