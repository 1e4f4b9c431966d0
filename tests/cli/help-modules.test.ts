import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/**
 * The modules a command line loads, as Node resolves them: a module hook
 * writes every URL it resolves to a file, so the answer does not depend on
 * timing or on how busy the machine is.
 */
function modulesLoadedBy(args: readonly string[]): { code: number | null; stdout: string; modules: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'sandtable-modules-'));
  const log = join(dir, 'modules.txt');
  writeFileSync(log, '');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(hooks, [
    "import { appendFileSync } from 'node:fs';",
    'export async function resolve(specifier, context, next) {',
    '  const result = await next(specifier, context);',
    `  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');`,
    '  return result;',
    '}',
  ].join('\n'));
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, `${ROOT}bin/sandtable.js`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, modules: readFileSync(log, 'utf8').split('\n').filter((line) => line !== '') };
}

const compiler = (url: string) => /\/scenarios\/(expression|scope|compile)\.js$/.test(url) || /\/node_modules\/jsep\//.test(url);

describe('sandtable --help', () => {
  it('prints the commands without loading the expression compiler', () => {
    const { code, stdout, modules } = modulesLoadedBy(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: sandtable/);
    expect(modules.some((url) => url.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(modules.filter(compiler)).toEqual([]);
  });

  it('is told apart from a command that does load it', () => {
    // The same inspection sees the compiler when a command needs it.
    const { code, modules } = modulesLoadedBy(['validate', 'niger-2024']);
    expect(code).toBe(0);
    expect(modules.some(compiler)).toBe(true);
  });
});

const charting = (url: string) => /\/node_modules\/vega(-lite)?\//.test(url);

describe('batch', () => {
  it('starts without the charting library unless --html asks for a page', () => {
    const plain = modulesLoadedBy(['batch', 'niger-2024', '--runs', '5', '--seed', '1', '--workers', '1', '--json']);
    expect(plain.code).toBe(0);
    expect(plain.modules.filter(charting)).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'sandtable-html-'));
    const drawn = modulesLoadedBy(['batch', 'niger-2024', '--runs', '5', '--seed', '1', '--workers', '1', '--html', join(dir, 'b.html')]);
    expect(drawn.code).toBe(0);
    expect(drawn.modules.some(charting)).toBe(true);
  });
});

describe('report', () => {
  it('writes a run record\'s Markdown report without the charting library, and its HTML report with it', () => {
    const record = `${ROOT}tests/golden/niger-2024-seed-1.json`;
    const markdown = modulesLoadedBy(['report', record, '--runs', '20', '--workers', '1']);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(/^# /m);
    expect(markdown.modules.filter(charting)).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'sandtable-report-'));
    const page = modulesLoadedBy(['report', record, '--runs', '20', '--workers', '1', '--format', 'html', '--out', join(dir, 'r.html')]);
    expect(page.code).toBe(0);
    expect(page.modules.some(charting)).toBe(true);
  });
});
