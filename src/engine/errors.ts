/**
 * A scenario asked the engine for something impossible while running: an
 * expression that gives NaN or Infinity, an unknown value to set. It names
 * what went wrong so the scenario's author can fix it; it is not a crash.
 */
export class SimulationError extends Error {}

/** The same error, saying which turn it happened in. */
export function atTurn(error: unknown, turn: number): unknown {
  return error instanceof SimulationError ? new SimulationError(`turn ${turn}: ${error.message}`) : error;
}
