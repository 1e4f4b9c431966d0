import { beforeAll, describe, expect, it } from 'vitest';
import { advanceTo, startHistory } from '../../src/engine/history.js';
import { afterAction } from '../../src/engine/analysis/after-action.js';
import type { Intervention } from '../../src/engine/types.js';
import { renderReport, type ReportInput } from '../../src/render/index.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { escapeHtml } from '../../src/render/html-text.js';
import { builtinSpec } from '../../src/scenarios/load.js';
import { scenario } from './helpers.js';

const spec = builtinSpec('niger-2024');

function input(interventions: Intervention[], runs = 100): ReportInput {
  const history = advanceTo(startHistory(scenario, 42, 6, interventions));
  return { analysis: afterAction(history, runs), roles: spec.roles, injects: spec.injects, record: 'exercise.json' };
}

const deviating: Intervention[] = [
  { kind: 'choose', actor: 'usa', action: 'withdraw', turn: 1 },
  { kind: 'force', event: 'us-flights-declared-illegal', turn: 1 },
  { kind: 'choose', actor: 'usa', action: 'pressure', turn: 2 },
  { kind: 'block', event: 'russian-supplies', from: 2, to: 2 },
  { kind: 'choose', actor: 'usa', action: 'withdraw', turn: 3 },
];

/** usa's choices equal to its policy's picks in the run without them. */
function policyEqual(): Intervention[] {
  const baseline = advanceTo(startHistory(scenario, 42, 6));
  return baseline.kept.slice(1).map((turn): Intervention => ({
    kind: 'choose', actor: 'usa', action: turn.decisions.find((item) => item.actor === 'usa')!.action, turn: turn.turn,
  }));
}

describe('the Markdown after-action report', () => {
  let markdown = '';
  beforeAll(async () => {
    markdown = await renderReport(input(deviating), 'md');
  });

  it('names each decision the player took, by its action title, beside the policy\'s pick', () => {
    expect(markdown).toContain('## Decisions');
    expect(markdown).toMatch(/\| May 2024 \(turn 1\) \| United States \| \*\*Prepare to withdraw\*\* \| [^|]+ \| [\d.]+% \| (yes|—) \|/);
    expect(markdown).toContain('**Press Niger to choose between partners**');
  });

  it('gives the role\'s brief and goals, and the injects with their briefs', () => {
    expect(markdown).toContain('### United States (usa)');
    expect(markdown).toContain('> You are the United States government.');
    expect(markdown).toContain('- Keep U.S. forces, diplomats and civilians in Niger safe.');
    expect(markdown).toMatch(/\| May 2024 \(turn 1\) \| \*\*fired\*\* The junta declares U\.S\. flights illegal \| `flights-declared-illegal`: "Following a recent visit/);
    expect(markdown).toMatch(/\| June 2024 \(turn 2\) \| \*\*held back\*\* Russian trainers and supplies arrive \| `second-russian-delivery`/);
  });

  it('says where the run first diverged from its baseline', () => {
    expect(markdown).toMatch(/This run first diverged from the baseline in \*\*(May|June|July) 2024 \(turn [123]\)\*\*\./);
  });

  it('gives the counterfactual over the paired runs, with intervals, and a timeline with explanations and sources', () => {
    expect(markdown).toContain('## What the choices changed, over 100 paired runs');
    expect(markdown).toMatch(/Runs that diverged: \*\*\d+ of 100\*\*/);
    expect(markdown).toMatch(/\| U\.S\. presence \| [\d.]+ \| [\d.]+ \| [^|]+ \| [^|]+ to [^|]+ \|/);
    // Chances and their differences read as in `sandtable compare`: one decimal, percentage points as pp.
    expect(markdown).toMatch(/\| \d+\.\d% \| \d+\.\d% \| (?:\*\*)?(?:[+−]\d+\.\d|0\.0) pp(?:\*\*)? \| (?:[+−]\d+\.\d|0\.0) pp to (?:[+−]\d+\.\d|0\.0) pp \|/);
    expect(markdown).not.toMatch(/\bpts\b/);
    expect(markdown).toContain('### May 2024 (turn 1)');
    expect(markdown).toMatch(/Why: (chance .+ → fired|forced by an intervention)\. Source: Article: /);
    expect(markdown).toContain('sandtable replay exercise.json --verify');
  });

  it('keeps every table row to its columns', () => {
    for (const table of markdown.split('\n\n').filter((block) => block.startsWith('| '))) {
      const rows = table.split('\n');
      const columns = rows[0]!.split(/(?<!\\)\|/).length;
      for (const row of rows) expect(row.split(/(?<!\\)\|/).length, row).toBe(columns);
    }
  });

  it('comes out the same for the same record', async () => {
    expect(await renderReport(input(deviating), 'md')).toBe(markdown);
  });

  it('says the choices made no difference when they were the policy\'s own', async () => {
    const same = await renderReport(input(policyEqual()), 'md');
    expect(same).toContain('**Every choice was the one the policy picked**, so the two arms are the same run on every seed');
    expect(same).toContain('Runs that diverged: **0 of 100**.');
    expect(same).toContain('This run never diverged from the baseline');
    expect(same).not.toMatch(/\| (?:yes) \|$/m);
  });
});

describe('the HTML after-action report', () => {
  let html = '';
  beforeAll(async () => {
    html = await renderReport(input(deviating), 'html');
  });

  it('is one self-contained page: no script that runs, nothing loaded from anywhere', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    // The only scripts are each chart's Vega-Lite spec, as JSON a browser does not run.
    const scripts = html.match(/<script[^>]*>/gi) ?? [];
    expect(scripts.length).toBe(scenario.indicators.length + 2);
    for (const tag of scripts) expect(tag).toBe('<script type="application/json" class="vega-lite-spec">');
    const markup = html.replace(/<script type="application\/json" class="vega-lite-spec">[^<]*<\/script>/g, '');
    expect(markup).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(/i);
    expect(markup.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:/);
    expect(html).toContain('content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:"');
  });

  it('draws a chart of every indicator over time, the outcome classes and the metric differences', () => {
    const charts = html.match(/<svg class="chart chart-(\w+)"/g) ?? [];
    expect(charts.filter((item) => item.includes('chart-lines'))).toHaveLength(scenario.indicators.length);
    expect(charts.filter((item) => item.includes('chart-bars'))).toHaveLength(1);
    expect(charts.filter((item) => item.includes('chart-differences'))).toHaveLength(1);
    expect(html).toContain('<title>Insurgency</title>');
  });

  it('names the chosen actions', () => {
    expect(html).toContain('<strong>Prepare to withdraw</strong>');
  });
});

describe('text from a scenario in a report', () => {
  it('cannot drive a terminal, break a Markdown table or add markup', () => {
    expect(escapeMarkdown('a | b *c* [x](y) \u001b[31mred\u001b[0m\nnext')).toBe('a \\| b \\*c\\* \\[x\\](y) red next');
    expect(escapeHtml('<b onclick="x">&\u001b]0;title\u0007</b>')).toBe('&#60;b onclick=&#34;x&#34;&#62;&#38;&#60;/b&#62;');
  });

  it('cannot reorder what a reader sees with bidirectional controls, in Markdown or HTML', () => {
    expect(escapeMarkdown('exe.\u202etxt \u2066x\u2069 \u200f')).toBe('exe.txt x ');
    expect(escapeHtml('exe.\u202etxt \u2066x\u2069 \u061c')).toBe('exe.txt x ');
  });
});
