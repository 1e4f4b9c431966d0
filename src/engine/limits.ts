// The engine's fixed limits, in a module of their own so that the command
// line can check its arguments without loading the engine.

/** The largest seed accepted: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

/** The most turns a run may have. */
export const MAX_TURNS = 600;
