import { monthLabel } from '../../engine/calendar.js';
import type { RunResult } from '../../engine/run.js';
import { whyLine } from '../../engine/explain.js';
import type { Scenario } from '../../engine/types.js';
import { oneLine } from '../../engine/text.js';

/** The readable month-by-month timeline of `sandtable run`: one line per item, whatever line breaks a title or narrative has. */
export function formatTimeline(result: RunResult, scenario: Scenario): string {
  const out: string[] = [];
  const name = result.scenario.variant ? `${result.scenario.id}/${result.scenario.variant}` : result.scenario.id;
  out.push(oneLine(`${name}: ${result.scenario.title}`));
  out.push(
    `seed ${result.seed} · ${result.turns} turns (${monthLabel(scenario.start, 0)} to ${monthLabel(scenario.start, result.turns)})` +
      ` · scenario ${result.scenario.hash.slice(0, 12)}`,
  );
  const actorName = new Map(scenario.actors.map((actor) => [actor.id, actor]));
  for (const turn of result.timeline.slice(1)) {
    out.push('', `${turn.month} (turn ${turn.turn})`);
    const moves = turn.decisions.map((decision) => {
      const actor = actorName.get(decision.actor);
      const action = actor?.actions.find((item) => item.id === decision.action);
      return `${decision.actor}: ${action?.title ?? decision.action}${decision.by === 'chosen' ? ' (chosen)' : ''}`;
    });
    if (moves.length > 0) out.push(oneLine(`  moves  ${moves.join(' · ')}`));
    if (turn.events.length === 0) out.push('  no events');
    for (const event of turn.events) {
      out.push(oneLine(`  • ${event.narrative} [${event.id}]`));
      out.push(oneLine(`      why: ${whyLine(event)}`));
      out.push(oneLine(`      source: ${event.why.source}`));
    }
  }
  out.push('', oneLine(`Outcome in ${monthLabel(scenario.start, result.turns)}: ${result.outcome.title} [${result.outcome.class}]`));
  const metrics = scenario.metrics.map((metric) => `${metric.title} ${result.outcome.metrics[metric.id]!.toFixed(2)}`);
  out.push(oneLine(`  ${metrics.join(' · ')}`));
  out.push(`final hash ${result.finalHash}`);
  return `${out.join('\n')}\n`;
}
