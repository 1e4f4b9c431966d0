import { formatNumber } from './format.js';
import type { FiredEvent } from './types.js';

/** Why an event fired, in one line: `chance 0.1 + 0.6 × (1 − 0.25) = 0.55, roll 0.31 < 0.55 → fired`. */
export function whyLine(event: FiredEvent): string {
  const { why } = event;
  if (why.cause === 'forced') return 'forced by an intervention';
  if (why.cause === 'scheduled') return `scheduled by ${why.scheduledBy ?? 'an earlier event'}`;
  const chance = why.chance === null ? 'chance ?' : `chance ${why.chance.working}`;
  const roll = why.roll === null ? '' : `, roll ${formatNumber(why.roll)} < ${formatNumber(why.chance?.value ?? 0)} → fired`;
  return `${chance}${roll}`;
}
