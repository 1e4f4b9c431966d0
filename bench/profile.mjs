#!/usr/bin/env node
// CPU profile of one implementation of the ladder (or of niger-2024 on a
// sandtable path), with the functions that take the most time printed.
//
//   node bench/profile.mjs [batch|interactive|plain|boardgameio] [--scenario reference|niger-2024]
//                          [--runs N] [--top K] [--save FILE.cpuprofile]
//
// The same as `node --cpu-prof` around a loop of runs, without the start-up in
// the profile. A saved profile opens in Chrome DevTools (Performance tab).
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

process.env.NODE_ENV = 'production';

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const which = argv.find((arg, i) => !arg.startsWith('--') && !argv[i - 1]?.startsWith('--')) ?? 'batch';
const scenarioName = flag('--scenario', 'reference');
const top = Number(flag('--top', '25'));
const save = flag('--save', null);

async function workload() {
  if (scenarioName === 'niger-2024') {
    if (which !== 'batch' && which !== 'interactive') throw new Error('niger-2024 runs on the batch or interactive path only');
    const { loadScenario } = await import('../dist/index.js');
    const { run, runFast } = await import('../dist/engine/index.js');
    const scenario = loadScenario('niger-2024');
    const turns = scenario.defaultTurns;
    return which === 'batch'
      ? { run: (seed) => runFast(scenario, { seed, turns }).state, runs: 20_000 }
      : { run: (seed) => run(scenario, { seed, turns }).kept.at(-1).state, runs: 1_000 };
  }
  if (scenarioName !== 'reference') throw new Error(`unknown scenario ${scenarioName} (reference or niger-2024)`);
  const { LADDER } = await import('./ladder.mjs');
  const impl = LADDER.find((item) => item.id === which);
  if (impl === undefined) throw new Error(`unknown implementation ${which} (${LADDER.map((item) => item.id).join(', ')})`);
  const runs = { plain: 40_000, boardgameio: 1_000, interactive: 1_000, batch: 20_000 }[which];
  return { run: impl.run, runs };
}

/** Self time by function, as shares of the profile's total. */
function summarise(profile, count) {
  const delta = new Map();
  profile.samples.forEach((id, i) => delta.set(id, (delta.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const self = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const time = delta.get(node.id) ?? 0;
    total += time;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^.*\/(node_modules|dist|bench)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + time);
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, time]) => ({ share: time / total, name }));
}

const { run, runs: defaultRuns } = await workload();
const runs = Number(flag('--runs', String(defaultRuns)));
for (let seed = 1; seed <= Math.min(200, runs); seed += 1) run(seed); // warm-up, outside the profile

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const start = performance.now();
let sink = 0;
for (let seed = 1; seed <= runs; seed += 1) sink += run(seed).indicators ? 1 : 0;
const elapsed = performance.now() - start;
const { profile } = await session.post('Profiler.stop');
session.disconnect();

if (save) writeFileSync(save, JSON.stringify(profile));
process.stdout.write(`${which} on ${scenarioName}: ${runs} runs in ${(elapsed / 1000).toFixed(2)} s, ${((elapsed * 1000) / runs).toFixed(0)} µs per run (profiled)${sink === runs ? '' : ' ?'}\n`);
for (const row of summarise(profile, top)) process.stdout.write(`${(row.share * 100).toFixed(1).padStart(5)} %  ${row.name}\n`);
if (save) process.stdout.write(`profile written to ${save}\n`);
