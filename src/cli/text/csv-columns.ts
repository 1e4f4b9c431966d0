import { round } from '../../engine/effects.js';
import type { Frame } from '../../engine/frame.js';
import type { Scenario, SlotGroup } from '../../engine/types.js';
import type { ColumnGroup } from '../columns-option.js';

/** Columns computed from a frame: their names, and a frame's cells in that order. */
export interface FrameColumns {
  readonly names: readonly string[];
  cells(frame: Frame): number[];
}

const SLOT_KINDS: Readonly<Record<Exclude<ColumnGroup, 'metrics'>, readonly SlotGroup['kind'][]>> = {
  coop: ['coop'],
  stance: ['stance', 'salience'],
  attrs: ['attrs'],
};

/** The columns of `groups` for `scenario`; each slot's column is named by its state path (`coop.niger.usa`). */
export function frameColumns(scenario: Scenario, groups: readonly ColumnGroup[]): FrameColumns {
  const { layout } = scenario;
  const slots: number[] = [];
  for (const group of groups) {
    if (group === 'metrics') continue;
    const kinds = SLOT_KINDS[group];
    // Slot groups come actor by actor; within a group of columns, kind by kind, then actor by actor.
    for (const kind of kinds) {
      for (const slotGroup of layout.groups) {
        if (slotGroup.kind === kind) slotGroup.keys.forEach((_key, k) => slots.push(slotGroup.start + k));
      }
    }
  }
  const metrics = groups.includes('metrics') ? scenario.metrics : [];
  return {
    names: [...slots.map((slot) => layout.paths[slot]!), ...metrics.map((metric) => `metric.${metric.id}`)],
    cells: (frame) => [...slots.map((slot) => frame.values[slot]!), ...metrics.map((metric) => round(metric.value.at(frame)))],
  };
}
