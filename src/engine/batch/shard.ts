/** One of `count` equal parts of a batch, numbered from 1 (`--shard 2/4`). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The whole batch as a single shard. */
export const WHOLE: Shard = { index: 1, count: 1 };

/**
 * The contiguous range [from, to) of `total` work items that shard `index` of
 * `count` takes; the shards cover every item exactly once, in order.
 */
export function shardRange(total: number, shard: Shard): { readonly from: number; readonly to: number } {
  return {
    from: Math.floor(((shard.index - 1) * total) / shard.count),
    to: Math.floor((shard.index * total) / shard.count),
  };
}
