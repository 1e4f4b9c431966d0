import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch, compare } from '../../src/engine/batch/in-process.js';
import { run, resultOf } from '../../src/engine/run.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { ROOT } from '../helpers.js';

// The library as a user gets it: the package as `npm pack` makes it (from the
// build `npm test` makes first), installed into a new project, imported from
// plain ESM and type-checked with tsc. The code run is docs/library.md's.

const docs = readFileSync(join(ROOT, 'docs/library.md'), 'utf8');

/** The first fenced block of `lang` in docs/library.md. */
function example(lang: string): string {
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(docs);
  if (match === null) throw new Error(`docs/library.md has no ${lang} example`);
  return match[1]!;
}

function exec(command: string, args: readonly string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const node = (args: readonly string[], cwd: string) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 60_000 });

describe('the packed package', () => {
  let dir = '';
  let project = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandtable-packed-'));
    project = join(dir, 'project');
    mkdirSync(project);
    const [packed] = JSON.parse(exec('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT)) as { filename: string }[];
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'uses-sandtable', private: true, type: 'module' })}\n`);
    exec('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', join(dir, packed!.filename)], project);
  }, 300_000);

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('runs the example of docs/library.md from plain ESM, with the results of the source', () => {
    writeFileSync(join(project, 'example.mjs'), example('js'));
    const result = node(['example.mjs'], project);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const scenario = loadScenario('niger-2024');
    const expected = resultOf(run(scenario, { seed: 7, turns: 12 }));
    const summary = batch(scenario, { seed: 7, runs: 200, turns: 12 });
    const comparison = compare(scenario, loadScenario('niger-2024/us-withdrawal'), { seed: 7, runs: 200, turns: 12 });
    expect(result.stdout).toBe([
      `run: 12 turns, outcome ${expected.outcome.class}, final hash ${expected.finalHash}`,
      ...Object.entries(summary.outcomes).map(([id, outcome]) => `batch: ${id} ${outcome.count}/200`),
      `compare: ${comparison.diverged} of 200 paired runs differ`,
      'record: replays exactly',
      '',
    ].join('\n'));
  });

  it('loads a scenario file, and refuses imports of anything but the entry point', () => {
    const check = [
      "import { loadScenario } from 'sandtable';",
      "const file = loadScenario('node_modules/sandtable/src/scenarios/builtin/niger-2024.yaml');",
      "console.log(file.hash === loadScenario('niger-2024').hash);",
      "await import('sandtable/dist/engine/run.js').then(() => console.log('imported'), (error) => console.log(error.code));",
    ].join('\n');
    writeFileSync(join(project, 'check.mjs'), check);
    const result = node(['check.mjs'], project);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('true\nERR_PACKAGE_PATH_NOT_EXPORTED\n');
  });

  it('type-checks the TypeScript example with tsc, and its types are not `any`', () => {
    writeFileSync(join(project, 'example.ts'), example('ts'));
    writeFileSync(join(project, 'typed.ts'), [
      "import { batch, loadScenario, parseRecord } from 'sandtable';",
      "// @ts-expect-error only the entry point is exported",
      "import { stepper } from 'sandtable/dist/engine/run.js';",
      "const record = parseRecord('{}');",
      "// @ts-expect-error a record's seed is a number",
      "export const seed: string = record.seed;",
      "// @ts-expect-error a batch needs a seed",
      "batch(loadScenario(), { runs: 1 });",
      'void stepper;',
      '',
    ].join('\n'));
    writeFileSync(join(project, 'tsconfig.json'), `${JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules/@types')],
      },
      include: ['example.ts', 'typed.ts'],
    })}\n`);
    const result = node([join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], project);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
