import { monthLabel } from '../../engine/calendar.js';
import type { RunReport } from '../../engine/run.js';
import { whyLine } from '../../engine/explain.js';
import type { Scenario } from '../../engine/types.js';
import { stripControl } from '../../engine/text.js';

/** The readable month-by-month timeline of `sandtable run`. */
export function formatTimeline(report: RunReport, scenario: Scenario): string {
  const out: string[] = [];
  const name = report.scenario.variant ? `${report.scenario.id}/${report.scenario.variant}` : report.scenario.id;
  out.push(stripControl(`${name}: ${report.scenario.title}`));
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
    if (moves.length > 0) out.push(stripControl(`  moves  ${moves.join(' · ')}`));
    if (turn.events.length === 0) out.push('  no events');
    for (const event of turn.events) {
      out.push(stripControl(`  • ${event.narrative} [${event.id}]`));
      out.push(stripControl(`      why: ${whyLine(event)}`));
      out.push(stripControl(`      source: ${event.why.source}`));
    }
  }
  out.push('', stripControl(`Outcome in ${monthLabel(scenario.start, report.turns)}: ${report.outcome.title} [${report.outcome.class}]`));
  const metrics = scenario.metrics.map((metric) => `${metric.title} ${report.outcome.metrics[metric.id].toFixed(2)}`);
  out.push(stripControl(`  ${metrics.join(' · ')}`));
  out.push(`final hash ${report.finalHash}`);
  return `${out.join('\n')}\n`;
}
