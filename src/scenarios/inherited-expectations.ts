// Expectations a file inherits through `extends:` name the base's rules,
// outcomes, metrics and indicators. When the extending file removes one of
// those (`remove: true`, or `remove: [ID]` in an edit) and writes no `expectations:` of its own, the
// expectations about it go too, as the thing they measured has: a file that
// removed a rule before its base had expectations still loads.

import { isListEdit } from './list-edit.js';

type Data = Record<string, unknown>;

const isData = (value: unknown): value is Data => value !== null && typeof value === 'object' && !Array.isArray(value);

function ids(list: unknown): Set<string> {
  return new Set(Array.isArray(list) ? list.filter(isData).map((item) => String(item.id)) : []);
}

/** The merged data without inherited expectations whose rule, outcome, metric or indicator the overlay removed. */
export function withoutOrphanExpectations(merged: unknown, overlay: Data): unknown {
  if (Object.hasOwn(overlay, 'expectations') || !isData(merged) || !Array.isArray(merged.expectations)) return merged;
  const known: Record<string, Set<string>> = {
    event: ids(merged.rules), outcome: ids(merged.outcomes), metric: ids(merged.metrics), indicator: ids(merged.indicators),
  };
  const removed = (lists: readonly string[]) => lists.some((key) => Array.isArray(overlay[key]) || isListEdit(overlay[key]));
  if (!removed(['rules', 'outcomes', 'metrics', 'indicators'])) return merged;
  const kept = merged.expectations.filter((item) => {
    if (!isData(item)) return true;
    return Object.entries(known).every(([kind, names]) => typeof item[kind] !== 'string' || names.has(item[kind] as string));
  });
  return kept.length === merged.expectations.length ? merged : { ...merged, expectations: kept };
}
