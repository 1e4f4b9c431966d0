import { monthLabel } from '../engine/calendar.js';
import type { RunReport } from '../engine/run.js';
import { whyLine } from '../engine/explain.js';
import type { Scenario } from '../engine/types.js';
import { oneLine } from '../engine/text.js';

/** The readable month-by-month timeline of `sandtable run`: one line per item, whatever line breaks a title or narrative has. */
export function formatTimeline(report: RunReport, scenario: Scenario): string {
  const out: string[] = [];
  const name = report.scenario.variant ? `${report.scenario.id}/${report.scenario.variant}` : report.scenario.id;
  out.push(oneLine(`${name}: ${report.scenario.title}`));
  out.push(
    `seed ${report.seed} · ${report.turns} turns (${monthLabel(scenario.start, 0)} to ${monthLabel(scenario.start, report.turns)})` +
      ` · scenario ${report.scenario.hash.slice(0, 12)}`,
  );
  const actorName = new Map(scenario.actors.map((actor) => [actor.id, actor]));
  for (const turn of report.timeline.slice(1)) {
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
  out.push('', oneLine(`Outcome in ${monthLabel(scenario.start, report.turns)}: ${report.outcome.title} [${report.outcome.class}]`));
  const metrics = scenario.metrics.map((metric) => `${metric.title} ${report.outcome.metrics[metric.id]!.toFixed(2)}`);
  out.push(oneLine(`  ${metrics.join(' · ')}`));
  out.push(`final hash ${report.finalHash}`);
  return `${out.join('\n')}\n`;
}
