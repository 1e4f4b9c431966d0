import { describeIntervention } from '../engine/interventions.js';
import { monthLabel } from '../engine/calendar.js';
import { stripControl } from '../engine/text.js';
import type { Intervention, Scenario, WorldState } from '../engine/types.js';
import type { Fork } from './branches.js';
import { valueWhatIfs, type ValueSection } from './value-what-ifs.js';

/** A variant of the scenario that a branch can switch to. */
export interface VariantOption {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The variant compiled from the same scenario source. */
  readonly scenario: Scenario;
}

/** One entry of the what-if menu. */
export interface WhatIf {
  readonly section: 'Force an event next month' | 'Block an event from next month on' | 'Switch to a variant from next month' | ValueSection;
  readonly label: string;
  readonly fork: Fork;
}

/**
 * The what-ifs a branch can fork at `atTurn`: force or block each rule from
 * the next turn, switch to another variant, set an indicator or choose an
 * actor's action for the next turn. Forcing a once-only event that
 * has already happened would change nothing, so it is not offered.
 */
export function whatIfsAt(
  scenario: Scenario,
  state: WorldState,
  atTurn: number,
  horizon: number,
  variants: readonly VariantOption[],
): WhatIf[] {
  if (atTurn >= horizon) return [];
  const next = atTurn + 1;
  const open = scenario.rules.filter((rule) => !(rule.once && state.events[rule.id] !== undefined));
  const intervene = (section: WhatIf['section'], title: string, intervention: Intervention): WhatIf => ({
    section,
    label: stripControl(title),
    fork: { kind: 'interventions', interventions: [intervention], change: describeIntervention(intervention) },
  });
  const forces = open.map((rule) => intervene('Force an event next month', rule.title, { kind: 'force', event: rule.id, turn: next }));
  // Blocks end at the run's horizon rather than "forever", so the run record stays valid.
  const blocks = open.map((rule) =>
    intervene('Block an event from next month on', rule.title, { kind: 'block', event: rule.id, from: next, to: horizon }));
  const switches = variants
    .filter((variant) => variant.id !== scenario.variant)
    .map((variant): WhatIf => ({
      section: 'Switch to a variant from next month',
      label: stripControl(`${variant.title} (${variant.id})`),
      fork: {
        kind: 'variant',
        variant: variant.id,
        scenario: variant.scenario,
        change: `variant ${variant.id} from ${monthLabel(scenario.start, next)}`,
      },
    }));
  const values = valueWhatIfs(scenario, state, next).map((item): WhatIf => ({
    section: item.section,
    label: item.label,
    fork: { kind: 'interventions', interventions: [item.intervention], change: describeIntervention(item.intervention) },
  }));
  return [...forces, ...blocks, ...switches, ...values];
}

/**
 * The entry a section key moves to from `pick`: the first of the next section
 * (`delta` 1; the last section stays put), or the first of the section before
 * the one `pick` is in (-1; the first section goes to its first entry).
 */
export function sectionPick(items: readonly WhatIf[], pick: number, delta: 1 | -1): number {
  const starts = items.flatMap((item, i) => (i === 0 || item.section !== items[i - 1]!.section ? [i] : []));
  if (delta > 0) return starts.find((start) => start > pick) ?? pick;
  const current = starts.filter((start) => start <= pick).pop() ?? 0;
  return starts.filter((start) => start < current).pop() ?? 0;
}

