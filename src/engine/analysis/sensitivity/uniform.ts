import seedrandom from 'seedrandom';

/** Uniform numbers in [0, 1), one after another. */
export type Uniform = () => number;

/**
 * The study's own random numbers, one stream per purpose (`design`,
 * `bootstrap`): a pure function of the seed and the key, apart from the
 * streams of the runs, so a study's design and its intervals are the same on
 * every machine, shard and worker count.
 */
export function studyStream(seed: number, key: string): Uniform {
  return seedrandom.alea(`${seed}|sensitivity|${key}`);
}

/** A whole number from 0 to `count` - 1. */
export function pick(random: Uniform, count: number): number {
  return Math.min(count - 1, Math.floor(random() * count));
}
