#!/usr/bin/env node
// Determinism across Node versions: runs the same commands under this Node and
// under Node 22 and 24 (the npm packages node@22 and node@24 carry those
// runtimes) and requires byte-identical output and equal exit codes.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'sandtable.js');
const versions = (process.env.SANDTABLE_NODE_VERSIONS ?? '22,24').split(',').filter(Boolean);

const golden = readdirSync(join(root, 'tests', 'golden')).filter((name) => name.endsWith('.json')).sort();
const checks = [
  ['run', '--seed', '1', '--json'],
  ['run', '--seed', '4294967295', '--turns', '60', '--json'],
  ['run', 'niger-2024/us-withdrawal', '--seed', '77', '--json'],
  ['run', 'niger-2024/insurgent-surge', '--seed', '5', '--turns', '12'],
  ...golden.map((name) => ['replay', join('tests', 'golden', name), '--verify']),
  ...extraChecks(),
];

/** Commands that exist only once their feature has landed. */
function extraChecks() {
  const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' }).stdout;
  const extra = [];
  if (/^\s+batch\b/m.test(help)) extra.push(['batch', '--runs', '3000', '--seed', '11', '--workers', '2', '--json']);
  if (/^\s+compare\b/m.test(help)) extra.push(['compare', 'niger-2024', 'niger-2024/us-withdrawal', '--runs', '500', '--seed', '3', '--json']);
  return extra;
}

function nodeBinary(version) {
  const found = execFileSync('npx', ['-y', '-p', `node@${version}`, '-c', 'command -v node'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const reported = execFileSync(found, ['--version'], { encoding: 'utf8' }).trim();
  if (!reported.startsWith(`v${version}.`)) throw new Error(`npx gave Node ${reported}, not ${version}`);
  return { path: found, reported };
}

function runWith(node, args) {
  const result = spawnSync(node, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: result.status, stdout: result.stdout };
}

let failures = 0;
const baseline = checks.map((args) => runWith(process.execPath, args));
for (const version of versions) {
  const node = nodeBinary(version);
  checks.forEach((args, i) => {
    const other = runWith(node.path, args);
    const same = other.code === baseline[i].code && other.stdout === baseline[i].stdout;
    if (!same) failures += 1;
    process.stdout.write(`${same ? 'same' : 'DIFFERENT'}  ${process.version} vs ${node.reported}  sandtable ${args.join(' ')}\n`);
  });
}
process.stdout.write(`${checks.length * versions.length - failures} passed, ${failures} failed\n`);
process.exitCode = failures === 0 ? 0 : 1;
