import type { AfterAction, InterventionLine } from '../engine/analysis/after-action.js';
import type { InjectBrief } from './input.js';

/** The scenario's inject that an intervention fired or held back, if it is one. */
export function injectOf(line: InterventionLine, injects: readonly InjectBrief[]): InjectBrief | null {
  if (line.event === null) return null;
  const candidates = injects.filter((item) => item.event === line.event);
  return candidates.find((item) => item.turn === line.turn) ?? candidates[0] ?? null;
}

/** The month label of a turn of the analysed run. */
export function monthOf(analysis: AfterAction, turn: number): string {
  return turn === 0 ? analysis.start : analysis.timeline[turn - 1]?.month ?? `turn ${turn}`;
}
