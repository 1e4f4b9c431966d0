/**
 * The points of a study in the unit cube: point i's coordinate for parameter
 * d at `unit[i * dimensions + d]`, each a quantile of that parameter's
 * distribution (see `valueAt`). A design is a pure function of its method,
 * its size and the study's seed, so every shard of a study makes the same one.
 */
export interface Design {
  readonly dimensions: number;
  readonly count: number;
  readonly unit: Float64Array;
}

/** Point `index`'s coordinates. */
export function pointOf(design: Design, index: number): Float64Array {
  return design.unit.subarray(index * design.dimensions, (index + 1) * design.dimensions);
}
