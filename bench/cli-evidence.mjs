// Evidence commands through the real command line: `check` of niger-2024 with
// 10,000 runs, and a calibration of its 3 parameters that govern the
// expectations (64 + 16 candidates, 400 runs each), each one fresh process
// timed from spawn to exit, with its peak memory.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { timed } from './cli-batch.mjs';

const ROOT = new URL('..', import.meta.url).pathname;

/** The measurements and their targets on 2 cores (issue 14; calibration has none). */
const CASES = [
  { name: 'check', args: ['check', 'niger-2024', '--runs', '10000'], runs: 10_000, targetSeconds: 3 },
  {
    name: 'calibrate (3 parameters)',
    args: ['calibrate', 'niger-2024', '--param', 'announceBase', '--param', 'drawdownRate', '--param', 'usRussiaCooperationChance',
      '--runs', '400', '--samples', '64', '--refine', '16'],
    runs: 80 * 400,
    targetSeconds: null,
  },
];

/** Are `check` and `calibrate` there to measure? Returns null when they are, else why not. */
export function evidenceMissing() {
  return existsSync(join(ROOT, 'dist', 'cli', 'commands', 'calibrate.js')) ? null : 'sandtable calibrate is not built yet';
}

/** Time each case once (`quick`: `check` only). */
export async function measureEvidence({ quick = false, log }) {
  const results = [];
  for (const item of quick ? CASES.slice(0, 1) : CASES) {
    log(`bench: evidence, ${item.name}: ${item.runs} runs`);
    const { ms, cpuSeconds, peakMiB } = await timed([...item.args, '--seed', '1', '--json'], { peak: true });
    const seconds = ms / 1000;
    results.push({
      what: item.name,
      runs: item.runs,
      seconds,
      runsPerSecond: item.runs / seconds,
      coresBusy: cpuSeconds === null ? null : cpuSeconds / seconds,
      peakMiB,
      target: item.targetSeconds === null ? null : `${item.name} of niger-2024 with ${item.runs} runs under ${item.targetSeconds} s`,
      met: item.targetSeconds === null ? null : seconds < item.targetSeconds,
    });
  }
  return { available: true, results };
}
