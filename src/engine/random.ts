import seedrandom from 'seedrandom';

import { MAX_SEED } from './limits.js';

export { MAX_SEED };

/** One key's generator (made on its first draw) and how many numbers it has given. */
export interface Stream {
  readonly seed: string;
  next: (() => number) | null;
  drawn: number;
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

  constructor(readonly seed: number) {}

  /** The stream of a key (created on first use). */
  stream(key: string): Stream {
    let stream = this.streams.get(key);
    if (stream === undefined) {
      const seed = `${this.seed}|${shortKey(key)}`;
      stream = { seed, next: null, drawn: 0 };
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
    next = seedrandom.alea(stream.seed);
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
