import seedrandom from 'seedrandom';

import { MAX_SEED } from './limits.js';

export { MAX_SEED };

/** One key's generator (made on its first draw) and how many numbers it has given. */
export interface Stream {
  /** The run's seed and the stream's key: together they seed its generator. */
  readonly run: number;
  readonly key: string;
  next: (() => number) | null;
  drawn: number;
  /** Where the seeded starting points of generators are kept across runs, or null. */
  readonly seeds: SeedStates | null;
}

/** Alea's whole state: three fractions and a carry. */
interface AleaState {
  readonly c: number;
  readonly s0: number;
  readonly s1: number;
  readonly s2: number;
}

/**
 * The seeded starting points of generators, kept across the runs of many
 * points. Common random numbers mean that run i of every point of a sweep,
 * a sensitivity study or a calibration draws from the same streams, so
 * each (run seed, key) is seeded once per worker instead of once per point:
 * seeding is what costs, a draw is a few nanoseconds. The numbers are the
 * same either way (a generator started from a kept state is the one seeding
 * would have made); only the time changes. At most `limit` states are kept
 * (a few hundred bytes each); past it the store starts afresh.
 */
export class SeedStates {
  /** By run seed, then by key (keys are the scenario's own strings, so no text is built to look one up). */
  private readonly runs = new Map<number, Map<string, AleaState>>();
  private kept = 0;

  constructor(private readonly limit = 1 << 16) {}

  /** A generator of `key`'s stream in the run seeded `run`, from its kept starting point when there is one. */
  generator(run: number, key: string): () => number {
    let keys = this.runs.get(run);
    if (keys === undefined) {
      if (this.kept >= this.limit) {
        this.runs.clear();
        this.kept = 0;
      }
      keys = new Map();
      this.runs.set(run, keys);
    }
    let state = keys.get(key);
    if (state === undefined) {
      state = seedrandom.alea(streamSeed(run, key), { state: true }).state();
      keys.set(key, state);
      this.kept += 1;
    }
    return aleaFrom(state);
  }
}

/** The text Alea seeds a stream with: the run's seed and the key's short form. */
function streamSeed(run: number, key: string): string {
  return `${run}|${shortKey(key)}`;
}

/** Alea's next number from a state, as seedrandom's `alea` computes it (its `next`, to the bit). */
function aleaFrom(state: AleaState): () => number {
  let { c, s0, s1, s2 } = state;
  return () => {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
    s0 = s1;
    s1 = s2;
    return (s2 = t - (c = t | 0));
  };
}

/**
 * Keyed random streams: one seeded generator per (seed, key), the key naming a
 * rule (`rule:<id>`) or an actor's decision (`decide:<actor>`). Each key draws
 * exactly once per turn, so the value for (seed, key, turn) is fixed whatever
 * other rules exist, fire, or are blocked: the basis of common random numbers.
 */
export class Streams {
  private readonly streams = new Map<string, Stream>();
  private boundKeys: readonly string[] | null = null;
  private bound: Stream[] = [];
  private readonly others = new WeakMap<readonly string[], Stream[]>();

  /** `seeds`: where to keep seeded generators' starting points across runs (see SeedStates). */
  constructor(readonly seed: number, private readonly seeds: SeedStates | null = null) {}

  /** The stream of a key (created on first use). */
  stream(key: string): Stream {
    let stream = this.streams.get(key);
    if (stream === undefined) {
      stream = { run: this.seed, key, next: null, drawn: 0, seeds: this.seeds };
      this.streams.set(key, stream);
    }
    return stream;
  }

  /** The streams of a fixed list of keys, in its order; kept for the last list asked for. */
  streamsOf(keys: readonly string[]): readonly Stream[] {
    if (keys !== this.boundKeys) {
      this.bound = keys.map((key) => this.stream(key));
      this.boundKeys = keys;
    }
    return this.bound;
  }

  /** `streamsOf` for a second list asked for every turn (the random quantities'), kept apart from the first. */
  streamsFor(keys: readonly string[]): readonly Stream[] {
    let list = this.others.get(keys);
    if (list === undefined) {
      list = keys.map((key) => this.stream(key));
      this.others.set(keys, list);
    }
    return list;
  }

  /** The draw in [0, 1) of `key`'s stream for `turn` (turns start at 1). */
  draw(key: string, turn: number): number {
    return drawAt(this.stream(key), turn);
  }
}

/**
 * The draw in [0, 1) of a stream for `turn`: a pure function of (seed, key,
 * turn), so a caller draws only when it needs the number. Seeding Alea is
 * what costs (a microsecond or so; a draw costs a few nanoseconds), and a
 * stream is seeded on its first draw: a rule whose condition never holds in a
 * run never seeds its stream.
 */
export function drawAt(stream: Stream, turn: number): number {
  let next = stream.next;
  if (next === null || stream.drawn >= turn) {
    // First use, or going back (a branch, a replay): start the stream.
    next = stream.seeds === null ? seedrandom.alea(streamSeed(stream.run, stream.key)) : stream.seeds.generator(stream.run, stream.key);
    stream.next = next;
    stream.drawn = 0;
  }
  // Skipping forward keeps the draw a pure function of (seed, key, turn),
  // which is what lets a branch start at any turn with the parent's numbers.
  while (stream.drawn < turn - 1) {
    next();
    stream.drawn += 1;
  }
  stream.drawn += 1;
  return next();
}

const shortKeys = new Map<string, string>();

/**
 * A short stand-in for a stream key: Alea's seeding cost grows with the length
 * of its seed string, and a batch seeds a few dozen streams per run. FNV-1a
 * over the key, in base 36; the key itself still decides the stream.
 */
export function shortKey(key: string): string {
  let short = shortKeys.get(key);
  if (short === undefined) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i += 1) {
      hash ^= key.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    short = hash.toString(36);
    shortKeys.set(key, short);
  }
  return short;
}

/** A seed picked at random, for runs where the user gave none. */
export function randomSeed(): number {
  return Math.floor(Math.random() * (MAX_SEED + 1));
}

/** The seed of run `index` of a batch started from `seed`; independent of worker count. */
export function deriveSeed(seed: number, index: number): number {
  const prng = seedrandom.alea(`${seed}|run|${index}`);
  return Math.floor(prng() * (MAX_SEED + 1));
}
