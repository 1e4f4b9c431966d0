// The ladder: the reference model four ways, checked equal, then timed in
// alternation in this one process.
import { TURNS } from './model.mjs';
import { runPlain } from './plain.mjs';
import { runBgio } from './bgio.mjs';
import { hashOf, runBatch, runInteractive } from './sandtable.mjs';

/** The four implementations, the limit first. */
export const LADDER = [
  { id: 'plain', title: 'plain JavaScript (the limit)', run: runPlain },
  { id: 'boardgameio', title: 'boardgame.io reducer', run: runBgio },
  { id: 'interactive', title: 'sandtable interactive path', run: runInteractive },
  { id: 'batch', title: 'sandtable batch path', run: runBatch },
];

/** Seeds checked for equal final states, before and after timing. */
const CHECK_SEEDS = 64;

/**
 * Final-state hashes of every implementation over the same seeds; throws on the
 * first seed where they differ, naming it and the hashes.
 */
export function checkEqual(seeds = CHECK_SEEDS, first = 1) {
  for (let seed = first; seed < first + seeds; seed += 1) {
    const hashes = LADDER.map((impl) => hashOf(impl.run(seed)));
    if (hashes.some((hash) => hash !== hashes[0])) {
      const lines = LADDER.map((impl, i) => `  ${impl.id.padEnd(12)} ${hashes[i]}`);
      throw new Error(`final states differ at seed ${seed}:\n${lines.join('\n')}`);
    }
  }
  return seeds;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
const gc = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};

/** Runs `count` seeded runs; returns elapsed milliseconds. */
function timeRuns(impl, count, firstSeed, sink) {
  gc();
  const start = now();
  for (let k = 0; k < count; k += 1) {
    const state = impl.run(firstSeed + k);
    // Read the result so no work can be skipped.
    sink.value += state.indicators.tension;
  }
  return now() - start;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Warm up each implementation, size its repetitions to about `sliceMs`, then
 * time `reps` rounds; each round runs every implementation once, starting
 * with a different one each round. Every implementation runs the same seeds.
 */
export function timeLadder({ reps = 7, sliceMs = 400, warmupMs = 600, log = () => {} } = {}) {
  const sink = { value: 0 };
  const counts = new Map();
  for (const impl of LADDER) {
    // Warm-up doubles the batch until it takes warmupMs; the last size gives the rate.
    let count = 1;
    let elapsed = 0;
    for (;;) {
      elapsed = timeRuns(impl, count, 1, sink);
      if (elapsed >= warmupMs || count >= 1 << 20) break;
      count *= 2;
    }
    const perRun = elapsed / count;
    counts.set(impl.id, Math.max(1, Math.round(sliceMs / perRun)));
    log(`warm-up ${impl.id}: ${(perRun * 1000).toFixed(0)} µs per run`);
  }
  const samples = new Map(LADDER.map((impl) => [impl.id, []]));
  for (let rep = 0; rep < reps; rep += 1) {
    for (let k = 0; k < LADDER.length; k += 1) {
      const impl = LADDER[(rep + k) % LADDER.length];
      const count = counts.get(impl.id);
      const elapsed = timeRuns(impl, count, 1, sink);
      samples.get(impl.id).push((count * TURNS) / (elapsed / 1000));
    }
    log(`round ${rep + 1}/${reps} done`);
  }
  const limit = median(samples.get('plain'));
  const results = LADDER.map((impl) => {
    const rates = samples.get(impl.id);
    const turnsPerSecond = median(rates);
    return {
      id: impl.id,
      title: impl.title,
      runsPerRepetition: counts.get(impl.id),
      turnsPerSecond,
      minTurnsPerSecond: Math.min(...rates),
      maxTurnsPerSecond: Math.max(...rates),
      microsecondsPerTurn: 1e6 / turnsPerSecond,
      /** Speed as a share of the limit's (1 = as fast as plain JavaScript). */
      ratioToLimit: turnsPerSecond / limit,
      /** Cost per turn as a multiple of the limit's. */
      costToLimit: limit / turnsPerSecond,
    };
  });
  if (!Number.isFinite(sink.value)) throw new Error('a run produced a non-finite value');
  return results;
}

/** The targets for the ladder, from its results. */
export function ladderTargets(results) {
  const by = Object.fromEntries(results.map((r) => [r.id, r]));
  const rows = [
    {
      target: 'batch path within 1.5 × the cost per turn of the limit',
      value: by.batch.costToLimit,
      shown: `${by.batch.costToLimit.toFixed(2)} ×`,
      met: by.batch.costToLimit <= 1.5,
    },
    {
      target: 'batch path at least 10 × boardgame.io',
      value: by.batch.turnsPerSecond / by.boardgameio.turnsPerSecond,
      met: by.batch.turnsPerSecond / by.boardgameio.turnsPerSecond >= 10,
    },
    {
      target: 'interactive path at least 3 × boardgame.io',
      value: by.interactive.turnsPerSecond / by.boardgameio.turnsPerSecond,
      met: by.interactive.turnsPerSecond / by.boardgameio.turnsPerSecond >= 3,
    },
  ];
  return rows.map((row) => ({ ...row, shown: row.shown ?? `${row.value.toFixed(1)} ×` }));
}
