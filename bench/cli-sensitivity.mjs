// Sensitivity studies through the real command line: a Morris study of the 8
// parameters of niger-2024 (10 trajectories, 1,000 runs a point) and a Sobol
// study of the same 8 (512 base samples, 200 runs a point), each one fresh
// process timed from spawn to exit, with its peak memory.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { timed } from './cli-batch.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const SCENARIO = 'bench/niger-ranges.yaml';

/** The studies and their targets on 2 cores (issue 14). */
const STUDIES = [
  { name: 'Morris', args: ['--trajectories', '10', '--runs', '1000'], points: 10 * 9, runs: 1000, targetSeconds: 15 },
  { name: 'Sobol', args: ['--method', 'sobol', '--samples', '512', '--runs', '200'], points: 512 * 10, runs: 200, targetSeconds: 120 },
];

/** Is `sandtable sensitivity` there to measure? Returns null when it is, else why not. */
export function sensitivityMissing() {
  return existsSync(join(ROOT, 'dist', 'cli', 'commands', 'sensitivity.js')) ? null : 'sandtable sensitivity is not built yet';
}

/** Time each study once (`quick`: the Morris study only). */
export async function measureSensitivity({ quick = false, log }) {
  const results = [];
  for (const study of quick ? STUDIES.slice(0, 1) : STUDIES) {
    log(`bench: sensitivity, ${study.name}: ${study.points} points × ${study.runs} runs`);
    const { ms, cpuSeconds, peakMiB } = await timed(['sensitivity', SCENARIO, ...study.args, '--seed', '1', '--json'], { peak: true });
    const seconds = ms / 1000;
    results.push({
      study: study.name,
      parameters: 8,
      points: study.points,
      runs: study.points * study.runs,
      seconds,
      runsPerSecond: (study.points * study.runs) / seconds,
      coresBusy: cpuSeconds === null ? null : cpuSeconds / seconds,
      peakMiB,
      target: `${study.name} study of 8 parameters under ${study.targetSeconds} s`,
      met: seconds < study.targetSeconds,
    });
  }
  return { available: true, scenario: SCENARIO, results };
}
