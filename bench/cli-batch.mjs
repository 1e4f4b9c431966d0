// niger-2024 through the real command line: `sandtable batch` with 1 and 2
// workers, and the peak memory of 100,000 runs. Each measurement is a fresh
// process, timed from spawn to exit, so it includes start-up (measured too).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'sandtable.js');
const GNU_TIME = '/usr/bin/time';

/** Is `sandtable batch` there to measure? Returns null when it is, else why not. */
export function batchMissing() {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'commands', 'batch.js'))) {
    return 'sandtable batch is not built yet (no src/cli/commands/batch.ts)';
  }
  const help = spawnSync(process.execPath, [BIN, 'batch', '--help'], { encoding: 'utf8' });
  if (help.status !== 0) return `sandtable batch --help exits ${help.status}: ${(help.stderr || '').trim().split('\n')[0]}`;
  return null;
}

/**
 * Run `sandtable batch` once; resolves to wall milliseconds, CPU seconds (user
 * + system) and the peak resident memory in MiB, from GNU time where it is
 * installed (else wall time only, and the peak by polling the process's VmHWM
 * when asked). Worker threads share the process, so its figures cover them.
 */
function batch({ runs, workers, seed = 1, peak = false }) {
  const args = ['batch', 'niger-2024', '--runs', String(runs), '--seed', String(seed), '--json'];
  if (workers !== undefined) args.push('--workers', String(workers));
  return timed(args, { peak });
}

/**
 * Run `sandtable ARGS` once, output discarded; resolves as `batch` does.
 */
export function timed(commandArgs, { peak = false } = {}) {
  const args = [BIN, ...commandArgs];
  const useTime = existsSync(GNU_TIME);
  const dir = useTime ? mkdtempSync(join(tmpdir(), 'sandtable-bench-')) : null;
  const command = useTime ? GNU_TIME : process.execPath;
  const argv = useTime ? ['-f', '%U %S %M', '-o', join(dir, 'usage'), process.execPath, ...args] : args;
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    let polledKiB = 0;
    const poll = peak && !useTime
      ? setInterval(() => {
        try {
          const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (match) polledKiB = Math.max(polledKiB, Number(match[1]));
        } catch { /* the process has gone */ }
      }, 20)
      : null;
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (poll) clearInterval(poll);
      let peakMiB = peak && !useTime ? polledKiB / 1024 : null;
      let cpuSeconds = null;
      if (useTime) {
        try {
          const [user, system, rss] = readFileSync(join(dir, 'usage'), 'utf8').trim().split('\n').pop().split(' ').map(Number);
          cpuSeconds = user + system;
          peakMiB = rss / 1024;
        } catch { /* GNU time wrote nothing */ }
        rmSync(dir, { recursive: true, force: true });
      }
      if (code !== 0) {
        reject(new Error(`sandtable ${args.slice(1).join(' ')} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
        return;
      }
      resolve({ ms, cpuSeconds, peakMiB });
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * The measurements. Sizes adapt to the machine: the timed batches are sized to
 * take about `sliceSeconds` each with one worker.
 */
export async function measureBatch({ sliceSeconds = 12, reps = 3, million = false, log = () => {} } = {}) {
  const startup = [];
  for (let i = 0; i < 3; i += 1) startup.push((await batch({ runs: 1, workers: 1 })).ms);
  const startupMs = median(startup);
  log(`batch: start-up ${startupMs.toFixed(0)} ms`);

  // The probe is long enough (about 2 s) that warming up the JIT does not make it
  // underestimate the rate, which would make the timed batches shorter than asked.
  const probe = 20_000;
  const probeMs = (await batch({ runs: probe, workers: 1 })).ms;
  const probeRate = probe / Math.max(1, (probeMs - startupMs) / 1000);
  const runs = Math.min(300_000, Math.max(2000, Math.round((probeRate * sliceSeconds) / 1000) * 1000));
  log(`batch: about ${probeRate.toFixed(0)} runs/s with 1 worker; timing ${runs} runs`);

  const samples = { 1: [], 2: [] };
  for (let rep = 0; rep < reps; rep += 1) {
    for (const workers of rep % 2 === 0 ? [1, 2] : [2, 1]) {
      const sample = await batch({ runs, workers });
      samples[workers].push(sample);
      log(`batch: ${runs} runs, ${workers} worker${workers > 1 ? 's' : ''}: ${(sample.ms / 1000).toFixed(1)} s`);
    }
  }
  const rate = (ms) => runs / (ms / 1000);
  const net = (ms) => runs / (Math.max(1, ms - startupMs) / 1000);
  const one = median(samples[1].map((sample) => sample.ms));
  const two = median(samples[2].map((sample) => sample.ms));
  // CPU time over wall time: about the number of workers on an idle machine, less when other work competes.
  const busy = (list) => (list[0].cpuSeconds === null ? null : median(list.map((sample) => sample.cpuSeconds / (sample.ms / 1000))));

  // Peak memory at two sizes, to show whether it grows with the number of runs.
  const memory = [];
  for (const size of [10_000, 100_000]) {
    const { ms, peakMiB, cpuSeconds } = await batch({ runs: size, peak: true });
    memory.push({ runs: size, workers: 'default', seconds: ms / 1000, cpuSeconds, peakMiB, runsPerSecond: size / (ms / 1000) });
    log(`batch: ${size} runs (default workers): ${(ms / 1000).toFixed(1)} s, peak ${peakMiB?.toFixed(0)} MiB`);
  }
  const hundred = memory[memory.length - 1];
  const millionEstimateSeconds = (hundred.seconds * 1000 - startupMs) * 10 / 1000 + startupMs / 1000;
  let millionSeconds = null;
  if (million) {
    millionSeconds = (await batch({ runs: 1_000_000 })).ms / 1000;
    log(`batch: 1,000,000 runs: ${millionSeconds.toFixed(1)} s`);
  }
  return {
    available: true,
    scenario: 'niger-2024',
    turns: 'scenario default (24)',
    startupMs,
    runs,
    oneWorker: { seconds: one / 1000, runsPerSecond: rate(one), runsPerSecondNet: net(one), coresBusy: busy(samples[1]) },
    twoWorkers: { seconds: two / 1000, runsPerSecond: rate(two), runsPerSecondNet: net(two), coresBusy: busy(samples[2]) },
    speedup: one / two,
    memory,
    millionEstimateSeconds,
    millionSeconds,
    targets: [
      { target: '2 workers at least 1.8 × 1 worker', shown: `${(one / two).toFixed(2)} ×`, met: one / two >= 1.8 },
      {
        target: 'peak memory of 100,000 runs under 200 MB',
        shown: hundred.peakMiB === null ? 'not measured' : `${(hundred.peakMiB * 1.048576).toFixed(0)} MB`,
        met: hundred.peakMiB !== null && hundred.peakMiB * 1.048576 < 200,
      },
      {
        target: '1,000,000 runs within 60 s on 2 cores',
        shown: millionSeconds !== null ? `${millionSeconds.toFixed(1)} s` : `${millionEstimateSeconds.toFixed(1)} s (from the 100,000-run time × 10)`,
        met: (millionSeconds ?? millionEstimateSeconds) <= 60,
      },
    ],
  };
}
