import { SimulationError } from './errors.js';
import type { Frame, Track } from './types.js';

// The running values of the metrics over a whole run (see Scenario.tracks).

/** Update the running values at the end of a turn (the frame's turn is the turn just computed). */
export function updateTracks(tracks: readonly Track[], frame: Frame): void {
  const first = frame.turn === 1;
  for (let i = 0; i < tracks.length; i += 1) {
    const track = tracks[i]!;
    const value = track.value.at(frame);
    if (!Number.isFinite(value)) throw new SimulationError(`metric ${track.id} would become ${value}; check its expression`);
    const was = frame.tracks[i]!;
    switch (track.kind) {
      case 'max': frame.tracks[i] = first || value > was ? value : was; break;
      case 'min': frame.tracks[i] = first || value < was ? value : was; break;
      case 'sum': frame.tracks[i] = (first ? 0 : was) + value; break;
      case 'months': frame.tracks[i] = (first ? 0 : was) + (value !== 0 ? 1 : 0); break;
    }
  }
}
