import type { DecisionLine } from '../engine/analysis/after-action.js';
import { percent } from '../engine/format.js';
import { counterfactualBlocks } from './counterfactual-section.js';
import type { Block, Line, ReportDocument } from './document.js';
import type { ReportInput } from './input.js';
import { injectOf, injectTurn, monthOf } from './lookup.js';
import { signed, value } from './numbers.js';
import { pathArgument, shellCommand } from './shell.js';
import { indicatorBlocks, timelineBlocks } from './timeline-section.js';

/** The after-action report of a run as a document. */
export function reportDocument(input: ReportInput): ReportDocument {
  const { analysis } = input;
  return {
    title: `After-action report: ${analysis.scenario.title}`,
    blocks: [
      ...overview(input),
      ...roles(input),
      ...outcome(input),
      ...decisions(analysis.decisions),
      ...decidedByPolicy(input),
      ...injects(input),
      ...counterfactualBlocks(analysis),
      ...indicatorBlocks(analysis),
      ...debrief(input),
      ...timelineBlocks(input),
      ...reproduce(input),
    ],
  };
}

function overview({ analysis }: ReportInput): Block[] {
  const name = analysis.scenario.variant === null ? analysis.scenario.id : `${analysis.scenario.id}/${analysis.scenario.variant}`;
  const played: Line = analysis.roles.length === 0
    ? ['No actor was played by a person: every decision was its policy\'s.']
    : ['Played as ', ...joinStrong(analysis.roles.map((role) => `${role.name} (${role.id})`)), '.'];
  return [{
    kind: 'paragraph',
    line: [
      'Scenario ', { code: name }, ` (hash ${analysis.scenario.hash.slice(0, 12)}), seed `, { strong: String(analysis.seed) },
      ', ', { strong: `${analysis.turns} turns` }, `, ${analysis.start} to ${analysis.end}. `, ...played,
      ...analysis.switches.flatMap((item): Line => [
        ` After turn ${item.turn} the run switched to `,
        ...(item.variant === null ? [{ strong: 'the base scenario' }] : ['the variant ', { code: `${analysis.scenario.id}/${item.variant}` }]),
        ` (a what-if branch): from ${item.month} on, its parameters and interventions apply.`,
      ]),
    ],
  }];
}

function roles({ analysis, roles: briefs }: ReportInput): Block[] {
  const shown = analysis.roles.flatMap((role) => {
    const brief = briefs.find((item) => item.actor === role.id);
    return brief === undefined ? [] : [{ role, brief }];
  });
  if (shown.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: 'Roles' },
    ...shown.flatMap(({ role, brief }): Block[] => [
      { kind: 'heading', level: 3, text: `${role.name} (${role.id})` },
      { kind: 'quote', text: brief.brief },
      ...(brief.goals.length === 0 ? [] : [
        { kind: 'paragraph', line: [{ strong: 'Goals' }] } as const,
        { kind: 'list', items: brief.goals.map((goal): Line => [goal]) } as const,
      ]),
    ]),
  ];
}

function outcome({ analysis }: ReportInput): Block[] {
  const diverged: Line = analysis.divergedAt === null
    ? ['This run never diverged from the baseline: every month\'s state is the same as with the policies deciding and no injects.']
    : ['This run first diverged from the baseline in ', { strong: `${monthOf(analysis, analysis.divergedAt)} (turn ${analysis.divergedAt})` }, '.'];
  return [
    { kind: 'heading', level: 2, text: 'Outcome' },
    {
      kind: 'paragraph',
      line: [
        'This run ended in ', { strong: analysis.outcome.title }, ` in ${analysis.end}. The baseline (the same seed with every actor's policy deciding and no injects) ended in `,
        { strong: analysis.baselineOutcome.title }, '. ', ...diverged,
      ],
    },
    {
      kind: 'table',
      head: ['Metric', 'This run', 'Baseline', 'Difference'],
      numeric: [false, true, true, true],
      rows: analysis.metrics.map((metric) => {
        const run = analysis.outcome.metrics[metric.id] ?? 0;
        const base = analysis.baselineOutcome.metrics[metric.id] ?? 0;
        return [[metric.title], [value(run)], [value(base)], [signed(run - base)]];
      }),
    },
  ];
}

function decisions(list: readonly DecisionLine[]): Block[] {
  if (list.length === 0) return [];
  const deviations = list.filter((item) => item.deviation).length;
  return [
    { kind: 'heading', level: 2, text: 'Decisions' },
    {
      kind: 'table',
      head: ['Month', 'Actor', 'Chose', 'The policy picked', 'Policy\'s chance of the choice', 'Deviation'],
      numeric: [false, false, false, false, true, false],
      rows: list.map((item) => [
        [`${item.month} (turn ${item.turn})`],
        [item.actorName],
        [{ strong: item.title }],
        [item.policyTitle],
        [percent(item.probability)],
        [item.deviation ? 'yes' : '—'],
      ]),
    },
    {
      kind: 'paragraph',
      line: [
        `${deviations} of ${list.length} ${list.length === 1 ? 'choice differs' : 'choices differ'} from what the actor's policy picked in the same state with the same random draw. `,
        'Only these deviations enter the counterfactual below.',
      ],
    },
  ];
}

/** Teams of a hosted exercise that had not chosen when their turn ended: their actor's policy decided. */
function decidedByPolicy({ analysis, decidedByPolicy: list = [] }: ReportInput): Block[] {
  if (list.length === 0) return [];
  return [
    {
      kind: 'paragraph',
      line: ['These teams had not chosen when their turn ended, so their actor\'s policy decided (the choice above is the policy\'s pick):'],
    },
    {
      kind: 'list',
      items: list.map((item): Line => {
        const decision = analysis.decisions.find((line) => line.turn === item.turn && line.actor === item.actor);
        return [
          `${monthOf(analysis, item.turn)} (turn ${item.turn}): `, { strong: decision?.actorName ?? item.actor },
          `${decision === undefined ? '' : ` (${decision.title})`}, ${item.why === 'deadline' ? 'the deadline passed' : 'the instructor ended the turn'}`,
        ];
      }),
    },
  ];
}

function injects({ analysis, injects: timeline }: ReportInput): Block[] {
  const rows = analysis.interventions.map((line): Line[] => {
    const inject = injectOf(line, timeline);
    const scheduled = inject !== null && injectTurn(analysis, inject.turn) !== line.turn ? ` (scheduled for ${monthOf(analysis, injectTurn(analysis, inject.turn))})` : '';
    return [
      [`${line.month} (turn ${line.turn})`],
      [line.kind === 'block' ? { strong: 'held back' } : { strong: line.kind === 'force' ? 'fired' : 'set' }, ` ${line.kind === 'set' ? line.text : line.title}`],
      inject === null ? ['—'] : [{ code: inject.id }, `${scheduled}: ${inject.brief}`],
    ];
  });
  return [
    { kind: 'heading', level: 2, text: 'Injects and the instructor\'s interventions' },
    rows.length === 0
      ? { kind: 'paragraph', line: ['No inject fired and the instructor fired or held back nothing.'] }
      : { kind: 'table', head: ['Month', 'What', 'Inject and brief'], numeric: [false, false, false], rows },
  ];
}

function debrief({ analysis, roles: briefs }: ReportInput): Block[] {
  const items: Line[] = [];
  for (const role of analysis.roles) {
    const goals = briefs.find((item) => item.actor === role.id)?.goals ?? [];
    if (goals.length > 0) items.push([`${role.name}: which of your goals did the outcome (${analysis.outcome.title}) serve, and which did it not?`]);
  }
  for (const item of analysis.decisions.filter((line) => line.deviation)) {
    items.push([`${item.month}: ${item.actorName} chose `, { strong: item.title }, ' where the policy picked ', { strong: item.policyTitle }, '. What did you expect it to do, and what did it do?']);
  }
  if (analysis.interventions.length > 0) items.push(['Which inject changed your plans most, and how did you respond to it?']);
  items.push(['Look at the counterfactual: is what happened in this run what usually happens with these choices, or was it the luck of this seed?']);
  return [{ kind: 'heading', level: 2, text: 'Debrief questions' }, { kind: 'list', items }];
}

/** Commands that work as printed: every argument quoted for a POSIX shell, with the `--scenario` a record needs. */
function reproduce({ analysis, record, scenarioFile, output = [] }: ReportInput): Block[] {
  const scenario = scenarioFile === undefined || scenarioFile === null ? [] : ['--scenario', pathArgument(scenarioFile)];
  const command = (...words: string[]) => shellCommand(['sandtable', ...words]);
  return [
    { kind: 'heading', level: 2, text: 'Reproduce' },
    { kind: 'paragraph', line: ['In the folder the record is in, with sandtable installed (inside a clone of the project, put ', { code: 'npx' }, ' in front):'] },
    {
      kind: 'list',
      items: [
        ['Check the record replays exactly: ', { code: command('replay', pathArgument(record), '--verify', ...scenario) }],
        ['This report again: ', { code: command('report', pathArgument(record), '--runs', String(analysis.counterfactual.runs), ...scenario, ...output) }],
      ],
    },
  ];
}

function joinStrong(texts: readonly string[]): Line {
  return texts.flatMap((text, i): Line => (i === 0 ? [{ strong: text }] : [i === texts.length - 1 ? ' and ' : ', ', { strong: text }]));
}
