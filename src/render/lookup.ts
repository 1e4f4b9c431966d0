import { turnOfMonth } from '../engine/calendar.js';
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

/** The turn of an inject as the scenario writes it: a number, or a month (`2024-06`) counted from the run's first month. */
export function injectTurn(analysis: AfterAction, turn: number | string): number {
  if (typeof turn === 'number') return turn;
  const first = analysis.timeline[0];
  if (first === undefined) return 0;
  const start = { year: Number(first.date.slice(0, 4)), month: Number(first.date.slice(5, 7)) };
  return turnOfMonth(start, turn) + first.turn;
}
