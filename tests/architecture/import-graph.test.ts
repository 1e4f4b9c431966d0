import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The layering the design asks for, read from the source itself: every
// import, export-from, `import type` and `import()` of every file under src is
// an edge (see docs/decisions.md, "Code layout").

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'src');

/** Every module specifier a TypeScript file names: static, type-only, re-exported and dynamic imports. */
function specifiersOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** A relative specifier as the path (from the repository root) of the file it names; bare ones stay as written. */
function target(from: string, specifier: string, files: ReadonlySet<string>): string {
  if (!specifier.startsWith('.')) return specifier;
  const base = relative(root, resolve(dirname(join(root, from)), specifier)).replace(/\.js$/, '');
  const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => files.has(candidate));
  if (found === undefined) throw new Error(`${from} imports ${specifier}, which is no file under src`);
  return found;
}

/** Each source file (path from the repository root) and what it imports. */
function importGraph(): Map<string, string[]> {
  const paths = sourceFiles(src).map((path) => relative(root, path).split('\\').join('/'));
  const files = new Set(paths);
  return new Map(paths.map((path) => [path, specifiersOf(readFileSync(join(root, path), 'utf8')).map((specifier) => target(path, specifier, files))]));
}

/** Every set of files that import each other round a cycle (Tarjan's strongly connected components). */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** The imports of files under `layer` that break `allowed`, as "file -> import" lines. */
function violations(graph: ReadonlyMap<string, readonly string[]>, layer: string, allowed: (imported: string) => boolean): string[] {
  return [...graph].filter(([file]) => file.startsWith(layer)).flatMap(([file, imports]) =>
    imports.filter((imported) => !allowed(imported)).map((imported) => `${file} -> ${imported}`));
}

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
/** The one Node module the engine may use: hashing is computation, not I/O. */
const engineBuiltins = new Set(['node:crypto']);
const ui = (name: string) => name === 'react' || name.startsWith('react/') || name === 'ink' || name.startsWith('ink-');

describe('the import graph of src', () => {
  const graph = importGraph();

  it('reads every kind of import: static, type-only, re-exports and dynamic', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "export { c } from './c.js';",
      "export type * from './d.js';",
      "const e = () => import('./e.js');",
      "import './f.js';",
    ].join('\n');
    expect(specifiersOf(text)).toEqual(['./a.js', './b.js', './c.js', './d.js', './e.js', './f.js']);
    expect(graph.get('src/cli/main.ts')).toContain('src/cli/commands/run.ts');
    expect(graph.get('src/engine/index.ts')).toContain('src/engine/types.ts');
  });

  it('keeps the engine free of I/O, React, Ink and the layers above it', () => {
    const above = ['src/scenarios/', 'src/tui/', 'src/cli/', 'src/render/', 'src/index.ts'];
    expect(violations(graph, 'src/engine/', (imported) =>
      !(nodeBuiltins.has(imported) && !engineBuiltins.has(imported))
      && !ui(imported)
      && !above.some((layer) => imported.startsWith(layer)))).toEqual([]);
    expect([...graph.keys()].filter((file) => file.startsWith('src/engine/') && file.endsWith('.tsx'))).toEqual([]);
  });

  it('keeps the terminal UI from importing the command line', () => {
    expect(violations(graph, 'src/tui/', (imported) => !imported.startsWith('src/cli/'))).toEqual([]);
  });

  it('keeps React and Ink out of the library: nothing src/index.ts reaches imports them', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const next of graph.get(file) ?? []) visit(next);
    };
    visit('src/index.ts');
    expect([...reached].filter(ui)).toEqual([]);
    expect([...reached].filter((file) => file.startsWith('src/tui/'))).toEqual([]);
  });

  it('has no import cycles, type-only imports included', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const looped = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']], ['e', ['e']]]);
    expect(cyclesOf(looped)).toEqual([['a', 'b', 'c'], ['e']]);
  });
});
