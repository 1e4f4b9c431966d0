import { isoMonth } from '../../engine/calendar.js';
import type { History } from '../../engine/history.js';
import { describeIntervention } from '../../engine/interventions.js';
import { firstScenario, scenarioAt } from '../../engine/plan.js';
import type { Decision, FiredEvent, Intervention } from '../../engine/types.js';
import { csvLine } from './csv.js';

/** The columns of `report --format csv`, in order. */
export const RECORD_CSV_COLUMNS = ['turn', 'date', 'kind', 'actor', 'id', 'title', 'by', 'probability', 'roll'] as const;

type Row = Readonly<Record<(typeof RECORD_CSV_COLUMNS)[number], string | number>>;

/**
 * `report RECORD --format csv`: a record's timeline in long form, one row per
 * decision, event and intervention of the run itself, turn by turn (tidy
 * data). `kind` is `decision`, `event` or `intervention`; `by` says who
 * decided: for a decision `person` (a choice of the run's own, as an exercise
 * records it), `policy` (the actor's policy) or `scenario` (a variant's
 * choice); for an event `rule` (its chance came up), `inject` (forced by an
 * intervention of the run's own: an instructor's inject or a branch's
 * what-if), `scenario` (forced by the scenario or its variant) or `scheduled`
 * (put on the calendar by an earlier event); an intervention row is `inject`.
 */
export function recordCsv(history: History): string {
  const start = firstScenario(history).start;
  const own = history.interventions;
  const chosen = new Set(own.filter((item) => item.kind === 'choose').map((item) => `${item.turn}\u0000${item.actor}`));
  const injected = new Set(own.filter((item) => item.kind === 'force').map((item) => `${item.turn}\u0000${item.event}`));
  const interventionsAt = (turn: number) => own.filter((item) => item.kind !== 'choose' && (item.kind === 'block' ? item.from : item.turn) === turn);
  let out = csvLine(RECORD_CSV_COLUMNS);
  for (const turn of history.kept.slice(1)) {
    const scenario = scenarioAt(history, turn.turn);
    const at = { turn: turn.turn, date: isoMonth(start, turn.turn) };
    const actionTitle = (decision: Decision) =>
      scenario.actors.find((actor) => actor.id === decision.actor)?.actions.find((action) => action.id === decision.action)?.title ?? decision.action;
    const rows: Row[] = [
      ...turn.decisions.map((decision): Row => ({
        ...at,
        kind: 'decision',
        actor: decision.actor,
        id: decision.action,
        title: actionTitle(decision),
        by: chosen.has(`${turn.turn}\u0000${decision.actor}`) ? 'person' : decision.by === 'policy' ? 'policy' : 'scenario',
        probability: decision.probability,
        roll: decision.roll,
      })),
      ...interventionsAt(turn.turn).map((item): Row => ({
        ...at, kind: 'intervention', actor: '', id: item.kind === 'set' ? item.path : eventOf(item), title: describeIntervention(item), by: 'inject', probability: '', roll: '',
      })),
      ...turn.events.map((event): Row => ({
        ...at,
        kind: 'event',
        actor: '',
        id: event.id,
        title: event.title,
        by: causeOf(event, injected.has(`${turn.turn}\u0000${event.id}`)),
        probability: event.why.chance?.value ?? '',
        roll: event.why.roll ?? '',
      })),
    ];
    for (const row of rows) out += csvLine(RECORD_CSV_COLUMNS.map((column) => row[column]));
  }
  return out;
}

function eventOf(item: Intervention): string {
  return item.kind === 'force' || item.kind === 'block' ? item.event : '';
}

function causeOf(event: FiredEvent, injected: boolean): string {
  switch (event.why.cause) {
    case 'rule':
      return 'rule';
    case 'scheduled':
      return 'scheduled';
    case 'forced':
      return injected ? 'inject' : 'scenario';
  }
}
