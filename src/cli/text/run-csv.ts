import { loadFrame } from '../../engine/frame.js';
import type { History } from '../../engine/history.js';
import { firstScenario, scenarioAt } from '../../engine/plan.js';
import type { Scenario } from '../../engine/types.js';
import type { ColumnGroup } from '../columns-option.js';
import { frameColumns, type FrameColumns } from './csv-columns.js';
import { csvLine, turnCsvCells, turnCsvNames } from './csv.js';

/**
 * `run --csv`: one run's timeline, one row per turn from 0 (tidy data).
 * Columns: `turn`, `date` (YYYY-MM), every indicator, `fired.<event>` (1 once
 * the event has fired), `flag.<flag>` (1 while the flag is on), `events` (the
 * ids of the events that fired this turn, separated by `;`),
 * `action.<actor>` (the action each deciding actor took this turn; empty at
 * turn 0), then the columns `--columns` adds.
 */
export function runCsv(history: History, groups: readonly ColumnGroup[] = []): string {
  const first = firstScenario(history);
  const { layout } = first;
  const deciding = first.actors.filter((actor) => actor.actions.length > 0).map((actor) => actor.id);
  // Variants share the layout; a metric's constants may differ, so each turn is measured with its own segment's scenario.
  const extras = new Map<Scenario, FrameColumns>();
  const extraOf = (scenario: Scenario) => {
    let columns = extras.get(scenario);
    if (columns === undefined) {
      columns = frameColumns(scenario, groups);
      extras.set(scenario, columns);
    }
    return columns;
  };
  let out = csvLine([
    ...turnCsvNames({ indicators: first.indicators, events: first.rules }),
    ...layout.flags.map((flag) => `flag.${flag}`),
    'events',
    ...deciding.map((actor) => `action.${actor}`),
    ...extraOf(first).names,
  ]);
  for (const turn of history.kept) {
    const frame = loadFrame(layout, turn.state);
    const action = new Map(turn.decisions.map((decision) => [decision.actor, decision.action]));
    out += csvLine([
      ...turnCsvCells(frame, first.start, first.indicators.length, first.rules.length),
      ...Array.from(frame.flags),
      turn.events.map((event) => event.id).join(';'),
      ...deciding.map((actor) => action.get(actor) ?? ''),
      ...extraOf(scenarioAt(history, turn.turn)).cells(frame),
    ]);
  }
  return out;
}
