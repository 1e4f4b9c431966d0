import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MorrisIndex } from '../../src/engine/analysis/sensitivity/morris.js';
import type { SobolIndex } from '../../src/engine/analysis/sensitivity/sobol.js';
import type { OutputSensitivity, SensitivitySummary } from '../../src/engine/analysis/sensitivity/summary.js';
import type { Comparison } from '../../src/engine/batch/comparison.js';
import type { BatchSummary } from '../../src/engine/batch/summary.js';
import type { SweepSummary } from '../../src/engine/batch/sweep-summary.js';
import { oneLine } from '../../src/engine/text.js';
import { expectUsageError, ROOT, sandtable } from '../helpers.js';
import { BATCH, chartsOf, COMPARE, DIALS, draw, MORRIS, SOBOL, SWEEP_ONE, SWEEP_TWO, workDir, type Drawn } from './pages.js';

// The numbers in the charts are the numbers of --json: each chart's embedded
// Vega-Lite data is read back and compared with the command's JSON output.

const dir = workDir();
let batch: Drawn;
let compare: Drawn;
let sweepOne: Drawn;
let sweepTwo: Drawn;
let morris: Drawn;
let sobol: Drawn;

beforeAll(() => {
  batch = draw(dir, 'batch', BATCH);
  compare = draw(dir, 'compare', COMPARE);
  sweepOne = draw(dir, 'sweep-one', SWEEP_ONE);
  sweepTwo = draw(dir, 'sweep-two', SWEEP_TWO);
  morris = draw(dir, 'morris', MORRIS);
  sobol = draw(dir, 'sobol', SOBOL);
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('batch --html', () => {
  it('draws each indicator\'s mean and 5th-95th percentile band by month, as in --json', () => {
    const summary = batch.json as BatchSummary;
    const charts = chartsOf(batch.html).filter((chart) => chart.kind === 'lines');
    for (const indicator of Object.values(summary.indicators)) {
      const chart = charts.find((item) => item.title === indicator.title)!;
      const mean = chart.rows.filter((row) => String(row.series).startsWith('mean'));
      expect(mean.map((row) => row.value)).toEqual(indicator.byTurn.map((item) => item.mean));
      expect(mean.map((row) => row.low)).toEqual(indicator.byTurn.map((item) => item.p5));
      expect(mean.map((row) => row.high)).toEqual(indicator.byTurn.map((item) => item.p95));
      expect(chart.rows.filter((row) => row.series === 'median').map((row) => row.value)).toEqual(indicator.byTurn.map((item) => item.p50));
      expect(mean.map((row) => row.month).slice(0, 2)).toEqual(['April 2024', 'May 2024']);
    }
  });

  it('draws the cumulative chance of each event that fired, a panel each, with its interval, and the outcome classes with theirs', () => {
    const summary = batch.json as BatchSummary;
    const charts = chartsOf(batch.html);
    const fired = Object.values(summary.events).filter((event) => event.fired > 0);
    expect(fired.length).toBeGreaterThan(0);
    const panels = charts.find((chart) => chart.kind === 'panels')!;
    for (const event of fired) {
      const rows = panels.rows.filter((row) => row.panel === event.title);
      expect(rows.map((row) => row.value)).toEqual(event.byTurn);
      expect(rows.map((row) => [row.low, row.high])).toEqual(event.byTurnCi95);
    }
    expect(new Set(panels.rows.map((row) => row.panel)).size).toBe(fired.length);
    const bars = charts.find((chart) => chart.kind === 'bars')!;
    expect(bars.rows.map((row) => [row.value, row.low, row.high])).toEqual(Object.values(summary.outcomes).map((klass) => [klass.p, ...klass.ci95]));
  });

  it('writes the same bytes on one worker and on two, in another time zone and locale, and report of its --json writes them too', () => {
    const again = join(dir, 'again.html');
    expect(sandtable([...BATCH, '--workers', '2', '--html', again], { env: { TZ: 'Pacific/Chatham', LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8' } }).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(batch.html);
    const drawn = join(dir, 'drawn.html');
    const report = sandtable(['report', batch.jsonFile, '--out', drawn]);
    expect(report.code, report.stderr).toBe(0);
    expect(readFileSync(drawn, 'utf8')).toBe(batch.html);
  }, 120_000);
});

describe('compare --html', () => {
  it('draws the paired differences with their intervals and the first divergence, as in --json', () => {
    const summary = compare.json as Comparison;
    const charts = chartsOf(compare.html);
    const forests = charts.filter((chart) => chart.kind === 'differences');
    expect(forests).toHaveLength(3);
    const [metrics, events, outcomes] = forests;
    expect(metrics!.rows.map((row) => [row.value, row.low, row.high])).toEqual(Object.values(summary.metrics).map((item) => [item.difference, ...(item.ci95 ?? [item.difference, item.difference])]));
    expect(events!.rows.map((row) => [row.value, row.low, row.high])).toEqual(Object.values(summary.events).map((item) => [item.difference, ...item.ci95]));
    expect(outcomes!.rows.map((row) => [row.value, row.low, row.high])).toEqual(Object.values(summary.outcomes).map((item) => [item.difference, ...item.ci95]));
    const histogram = charts.find((chart) => chart.kind === 'histogram')!;
    expect(histogram.rows.map((row) => row.count)).toEqual(summary.firstDivergence.byTurn);
    expect(summary.diverged).toBeGreaterThan(0);
  });

  it('overlays both arms\' fan charts, from the arms --json now carries', () => {
    const summary = compare.json as Comparison;
    expect(summary.arms).toBeDefined();
    const fans = chartsOf(compare.html).filter((chart) => chart.kind === 'lines');
    expect(fans).toHaveLength(Object.keys(summary.arms!.base.indicators).length);
    for (const [id, indicator] of Object.entries(summary.arms!.base.indicators)) {
      const chart = fans.find((item) => item.title === indicator.title)!;
      const variant = summary.arms!.variant.indicators[id]!;
      expect(chart.rows.filter((row) => String(row.series).startsWith('niger-2024:')).map((row) => row.value)).toEqual(indicator.byTurn.map((item) => item.mean));
      expect(chart.rows.filter((row) => String(row.series).startsWith('niger-2024/us-withdrawal:')).map((row) => row.high)).toEqual(variant.byTurn.map((item) => item.p95));
    }
  });
});

describe('sweep --html', () => {
  it('draws each outcome\'s share and each metric against one swept parameter, with intervals', () => {
    const summary = sweepOne.json as SweepSummary;
    const charts = chartsOf(sweepOne.html);
    const first = summary.combinations[0]!;
    expect(charts.filter((chart) => chart.kind === 'parameter')).toHaveLength(Object.keys(first.outcomes).length + Object.keys(first.metrics).length);
    for (const [id, klass] of Object.entries(first.outcomes)) {
      const chart = charts.find((item) => item.title === `Share of runs ending in ${klass.title}`)!;
      expect(chart.rows.map((row) => [row.x, row.value, row.low, row.high]))
        .toEqual(summary.combinations.map((combination) => [combination.params.talksChance, combination.outcomes[id]!.p, ...combination.outcomes[id]!.ci95]));
    }
  });

  it('draws a heat map over two swept parameters, one cell per combination', () => {
    const summary = sweepTwo.json as SweepSummary;
    const heat = chartsOf(sweepTwo.html).filter((chart) => chart.kind === 'heatmap');
    const first = summary.combinations[0]!;
    expect(heat).toHaveLength(Object.keys(first.outcomes).length + Object.keys(first.metrics).length);
    const [id, metric] = Object.entries(first.metrics)[0]!;
    const chart = heat.find((item) => item.title === `${metric.title} at the last turn (mean)`)!;
    expect(chart.rows.map((row) => [row.x, row.y, row.value])).toEqual(summary.combinations.map((combination) =>
      [combination.params.talksChance, combination.params.announceBase, combination.metrics[id]!.mean]));
  });
});

describe('sensitivity --html', () => {
  const KIND = { metric: 'Metric', event: 'Event fires', outcome: 'Outcome' } as const;
  const titled = (output: OutputSensitivity<unknown>) => `${KIND[output.kind]}: ${output.title}`;

  it('draws a tornado of mu* with its bootstrap interval and sigma per output, most influential on top, as in --json', () => {
    const summary = morris.json as SensitivitySummary;
    const outputs = Object.values(summary.outputs) as OutputSensitivity<MorrisIndex>[];
    const charts = chartsOf(morris.html).filter((chart) => chart.kind === 'tornado');
    expect(charts.map((chart) => chart.title)).toEqual(outputs.map(titled));
    outputs.forEach((output, at) => {
      const expected = output.ranking.map((name) => {
        const index = output.indices![name]!;
        return [name, 'mu*', index.muStar, ...index.muStarCi95, index.sigma];
      });
      expect(charts[at]!.rows.map((row) => [row.parameter, row.series, row.value, row.low, row.high, row.sigma])).toEqual(expected);
    });
    // The dial reads q alone: q leads its tornado.
    expect(charts.find((chart) => chart.title === 'Metric: The dial')!.rows[0]!.parameter).toBe('q');
  });

  it('draws S1 and ST with their intervals per output for a Sobol study, as in --json', () => {
    const summary = sobol.json as SensitivitySummary;
    const outputs = (Object.values(summary.outputs) as OutputSensitivity<SobolIndex>[]).filter((output) => output.indices !== null);
    expect(outputs.length).toBeGreaterThan(0);
    const charts = chartsOf(sobol.html).filter((chart) => chart.kind === 'tornado');
    expect(charts.map((chart) => chart.title)).toEqual(outputs.map(titled));
    outputs.forEach((output, at) => {
      const expected = output.ranking.flatMap((name) => {
        const index = output.indices![name]!;
        return [[name, index.S1, ...index.S1Ci95], [name, index.ST, ...index.STCi95]];
      });
      expect(charts[at]!.rows.map((row) => [row.parameter, row.value, row.low, row.high])).toEqual(expected);
      expect(charts[at]!.rows.map((row) => String(row.series).slice(0, 2))).toEqual(output.ranking.flatMap(() => ['S1', 'ST']));
    });
  });

  it('writes the same bytes on one worker and on two, and report of its --json, or of merged shards\' --json, writes them too', () => {
    for (const [drawn, args] of [[morris, MORRIS], [sobol, SOBOL]] as const) {
      const again = join(dir, 'again-study.html');
      expect(sandtable([...args, '--workers', '2', '--html', again]).code).toBe(0);
      expect(readFileSync(again, 'utf8')).toBe(drawn.html);
      const one = join(dir, 'one-study.html');
      expect(sandtable([...args, '--workers', '1', '--html', one]).code).toBe(0);
      expect(readFileSync(one, 'utf8')).toBe(drawn.html);
      const report = sandtable(['report', drawn.jsonFile, '--out', join(dir, 'drawn-study.html')]);
      expect(report.code, report.stderr).toBe(0);
      expect(readFileSync(join(dir, 'drawn-study.html'), 'utf8')).toBe(drawn.html);
    }
    const shards = ['1/2', '2/2'].map((shard, at) => {
      const result = sandtable([...MORRIS, '--shard', shard]);
      expect(result.code, result.stderr).toBe(0);
      const file = join(dir, `study-shard-${at}.json`);
      writeFileSync(file, result.stdout);
      return file;
    });
    const merged = sandtable(['merge', ...shards, '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    writeFileSync(join(dir, 'merged-study.json'), merged.stdout);
    const report = sandtable(['report', join(dir, 'merged-study.json')]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toBe(morris.html);
  }, 180_000);

  it('refuses an --html over the scenario it reads and on a shard, and a study --json whose ranking names another parameter', () => {
    const scenario = join(dir, 'dials.yaml');
    copyFileSync(join(ROOT, DIALS), scenario);
    expectUsageError(['sensitivity', scenario, '--trajectories', '2', '--runs', '2', '--html', scenario], /will not write .*dials\.yaml: it is the scenario/);
    expect(readFileSync(scenario, 'utf8')).toBe(readFileSync(join(ROOT, DIALS), 'utf8'));
    expectUsageError([...MORRIS, '--shard', '1/2', '--html', join(dir, 'shard-study.html')], /a shard has no summary to draw/);
    const summary = morris.json as SensitivitySummary;
    const [key, output] = Object.entries(summary.outputs)[0]!;
    const edited = join(dir, 'edited-study.json');
    writeFileSync(edited, JSON.stringify({ ...summary, outputs: { ...summary.outputs, [key]: { ...output, ranking: ['p', 'q', 'nobody'] } } }));
    expectUsageError(['report', edited, '--out', join(dir, 'edited-study.html')], new RegExp(`edited-study\\.json is not sensitivity --json output at outputs\\.${key.replace('.', '\\.')}\\.ranking: `));
    expectUsageError(['report', morris.jsonFile, '--format', 'md'], /sensitivity --json output, which report draws as HTML only/);
  });
});

describe('text from a stranger\'s --json on the page', () => {
  it('cannot close the embedded spec or add markup: it is escaped in the SVG and in the JSON', () => {
    const summary = batch.json as BatchSummary;
    const hostile = '</script><script>alert(1)</script><!-- & \u2028';
    const [id, klass] = Object.entries(summary.outcomes)[0]!;
    const edited = join(dir, 'hostile.json');
    writeFileSync(edited, JSON.stringify({ ...summary, outcomes: { ...summary.outcomes, [id]: { ...klass, title: hostile } } }));
    const out = join(dir, 'hostile.html');
    const result = sandtable(['report', edited, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    for (const tag of html.match(/<script[^>]*>/gi) ?? []) expect(tag).toBe('<script type="application/json" class="vega-lite-spec">');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<!--');
    const bars = chartsOf(html).find((chart) => chart.kind === 'bars')!;
    // The text stays what it says, on one line: the line separator is a space.
    expect(bars.rows[0]!.group).toBe(oneLine(hostile));
    expect(bars.rows[0]!.group).toContain('</script><script>alert(1)</script>');
  });
});

describe('--html and report of --json, refused', () => {
  it('refuses an --html over the scenario it reads, and on a shard', () => {
    const scenario = join(dir, 'course.yaml');
    copyFileSync(join(ROOT, 'src/scenarios/builtin/niger-2024.yaml'), scenario);
    expectUsageError(['batch', scenario, '--runs', '2', '--html', scenario], /will not write .*course\.yaml: it is the scenario/);
    expect(readFileSync(scenario, 'utf8')).toBe(readFileSync(join(ROOT, 'src/scenarios/builtin/niger-2024.yaml'), 'utf8'));
    expectUsageError([...BATCH, '--shard', '1/2', '--html', join(dir, 'shard.html')], /a shard has no summary to draw/);
  });

  it('refuses report --format md of an analysis, and a file that is not its command\'s output', () => {
    expectUsageError(['report', batch.jsonFile, '--format', 'md'], /batch --json output, which report draws as HTML only/);
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, JSON.stringify({ ...(batch.json as BatchSummary), outcomes: { x: { title: 'X', count: 1, p: 7, ci95: [0, 1] } } }));
    expectUsageError(['report', edited, '--out', join(dir, 'edited.html')], /edited\.json is not batch --json output at outcomes\.x\.p: /);
  });
});
