import type { AfterAction } from '../engine/analysis/after-action.js';
import type { Block, Chart, Line } from './document.js';
import type { ReportInput } from './input.js';
import { injectOf, injectTurn, monthOf } from './lookup.js';

/** Charts of every indicator over the months: this run, its baseline, and each arm's mean over the paired runs. */
export function indicatorBlocks(analysis: AfterAction): Block[] {
  const { player, policy, runs } = analysis.counterfactual;
  const months = Array.from({ length: analysis.turns + 1 }, (_, turn) => monthOf(analysis, turn));
  const charts = analysis.indicators.map((indicator): Chart => {
    const mean = (summary: typeof player) => summary.indicators[indicator.id]?.byTurn.map((item) => item.mean) ?? [];
    const band = player.indicators[indicator.id]?.byTurn;
    return {
      kind: 'lines',
      title: indicator.scale?.unit ? `${indicator.title} (${indicator.scale.unit})` : indicator.title,
      months,
      min: indicator.scale?.range[0] ?? 0,
      max: indicator.scale?.range[1] ?? 1,
      series: [
        {
          label: `mean with the choices (${runs} runs; band 5th–95th percentile)`,
          values: mean(player),
          style: 'player',
          ...(band === undefined ? {} : { band: { low: band.map((item) => item.p5 ?? item.mean), high: band.map((item) => item.p95 ?? item.mean) } }),
        },
        { label: 'mean with the policy deciding', values: mean(policy), style: 'policy' },
        { label: 'baseline (this seed, no choices, no injects)', values: indicator.baseline, style: 'baseline' },
        { label: 'this run', values: indicator.run, style: 'run' },
      ],
    };
  });
  return [
    { kind: 'heading', level: 2, text: 'Indicators over time' },
    {
      kind: 'paragraph',
      line: [`Each indicator from ${analysis.start} (start) to ${analysis.end} (turn ${analysis.turns}), on a scale of 0 to 1: this run, its baseline, and the mean of each arm of the counterfactual.`],
    },
    { kind: 'charts', charts },
  ];
}

/** Month by month: the decisions, the injects, and every event with why it fired and its source. */
export function timelineBlocks(input: ReportInput): Block[] {
  const { analysis } = input;
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Timeline' }];
  for (const turn of analysis.timeline) {
    blocks.push({ kind: 'heading', level: 3, text: `${turn.month} (turn ${turn.turn})` });
    const items: Line[] = [];
    const moves = turn.decisions.flatMap((decision, i): Line => [
      i === 0 ? '' : ' · ',
      `${decision.actorName}: `,
      decision.chosen ? { strong: decision.title } : decision.title,
      decision.chosen ? ' (chosen by the player)' : '',
    ]);
    if (moves.length > 0) items.push(['Decisions: ', ...moves]);
    for (const line of turn.interventions) {
      const inject = injectOf(line, input.injects);
      const scheduled = inject !== null && injectTurn(analysis, inject.turn) !== line.turn ? `, scheduled for ${monthOf(analysis, injectTurn(analysis, inject.turn))}` : '';
      items.push([{ strong: line.kind === 'block' ? 'Held back' : line.kind === 'force' ? 'Inject' : 'Set' }, `: ${line.kind === 'set' ? line.text : line.title}`,
        ...(inject === null ? [] : [` (${inject.id}${scheduled}): ${inject.brief}`])]);
    }
    for (const event of turn.events) {
      items.push([{ strong: event.title }, ' ', { code: event.id }, ` — ${event.narrative} Why: ${event.why}. Source: ${event.source}`]);
    }
    if (turn.events.length === 0) items.push(['No events this month.']);
    blocks.push({ kind: 'list', items });
  }
  return blocks;
}
