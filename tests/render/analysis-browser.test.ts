import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SensitivitySummary } from '../../src/engine/analysis/sensitivity/summary.js';
import type { Comparison } from '../../src/engine/batch/comparison.js';
import type { BatchSummary } from '../../src/engine/batch/summary.js';
import type { SweepSummary } from '../../src/engine/batch/sweep-summary.js';
import { BATCH, COMPARE, draw, MORRIS, SOBOL, SWEEP_ONE, SWEEP_TWO, workDir, type Drawn } from './pages.js';

// Each analysis page in a real browser (Debian's Chromium, headless, fresh
// profile): no console errors, every chart there with the marks its data
// calls for, a screenshot, and no request for anything but the file itself.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const dir = workDir();
/** Where the screenshots go: the test's folder, or SANDTABLE_CHART_PNGS to keep them. */
const shots = process.env.SANDTABLE_CHART_PNGS ?? join(dir, 'screenshots');
let context: BrowserContext;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
}, 60_000);

afterAll(async () => {
  await context?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the test reads of a chart element in the page (the tests are type-checked without the DOM library). */
interface ChartNode {
  getBoundingClientRect(): { readonly width: number; readonly height: number };
  getAttribute(name: string): string | null;
}

/** Open a page with every request but the page's own file failed and counted; return the charts seen and the problems. */
async function open(drawn: Drawn, name: string) {
  const tab = await context.newPage();
  const problems: string[] = [];
  const page = pathToFileURL(drawn.file).href;
  await tab.route('**/*', async (route) => {
    if (route.request().url() === page) return route.continue();
    problems.push(`request: ${route.request().url()}`);
    return route.abort();
  });
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await tab.goto(page, { waitUntil: 'load' });
  const charts = await tab.locator('svg.chart').evaluateAll((nodes: unknown[]) => nodes.map((item) => {
    const node = item as ChartNode;
    const box = node.getBoundingClientRect();
    return { kind: node.getAttribute('class'), width: box.width, height: box.height };
  }));
  for (const chart of charts) {
    expect(chart.width).toBeGreaterThan(300);
    expect(chart.height).toBeGreaterThan(100);
  }
  const png = join(shots, `${name}.png`);
  await tab.screenshot({ path: png, fullPage: true });
  const image = readFileSync(png);
  expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(image.length).toBeGreaterThan(50_000);
  /** How many marks each chart of a kind draws in the named mark group (`line`, `bar`, `estimate`...). */
  const marks = (kind: string, group: string) => tab.locator(`svg.chart-${kind}`).evaluateAll((nodes: unknown[], selector: string) =>
    nodes.map((item) => (item as { querySelectorAll(s: string): { length: number } }).querySelectorAll(selector).length), `g.${group}_marks > *`);
  return { tab, charts, problems, marks, kinds: (kind: string) => charts.filter((chart) => chart.kind === `chart chart-${kind}`).length };
}

describe('analysis pages in Chromium', () => {
  it('draws a batch: a fan per indicator, a panel per event that fired, the outcome bars', async () => {
    const drawn = draw(dir, 'batch', BATCH);
    const summary = drawn.json as BatchSummary;
    const page = await open(drawn, 'batch');
    const fired = Object.values(summary.events).filter((event) => event.fired > 0).length;
    const indicators = Object.keys(summary.indicators).length;
    expect(page.kinds('lines')).toBe(indicators);
    expect(page.kinds('panels')).toBe(1);
    expect(page.kinds('bars')).toBe(1);
    // Mean and median per indicator with a band under the mean; a panel per event that fired, its line over its band.
    expect(await page.marks('lines', 'line')).toEqual(Array(indicators).fill(2));
    expect(await page.marks('lines', 'band0')).toEqual(Array(indicators).fill(1));
    expect(await page.marks('panels', 'line')).toEqual([fired]);
    expect(await page.marks('panels', 'band')).toEqual([fired]);
    expect(await page.marks('bars', 'bar')).toEqual([Object.keys(summary.outcomes).length]);
    expect(await page.marks('bars', 'interval')).toEqual([Object.keys(summary.outcomes).length]);
    expect(page.problems).toEqual([]);
    await page.tab.close();
  }, 180_000);

  it('draws a comparison: three forest plots, the first divergence by month, both arms\' fans', async () => {
    const drawn = draw(dir, 'compare', COMPARE);
    const summary = drawn.json as Comparison;
    const page = await open(drawn, 'compare');
    expect(page.kinds('differences')).toBe(3);
    expect(await page.marks('differences', 'estimate')).toEqual([summary.metrics, summary.events, summary.outcomes].map((items) => Object.keys(items).length));
    expect(await page.marks('histogram', 'bar')).toEqual([summary.turns + 1]);
    const indicators = Object.keys(summary.arms!.base.indicators).length;
    expect(await page.marks('lines', 'line')).toEqual(Array(indicators).fill(2));
    expect(await page.marks('lines', 'band1')).toEqual(Array(indicators).fill(1));
    expect(page.problems).toEqual([]);
    await page.tab.close();
  }, 180_000);

  it('draws sweeps: a line with its points per quantity for one parameter, a heat map of cells for two', async () => {
    for (const [name, args] of [['sweep-one', SWEEP_ONE], ['sweep-two', SWEEP_TWO]] as const) {
      const drawn = draw(dir, name, args);
      const summary = drawn.json as SweepSummary;
      const first = summary.combinations[0]!;
      const quantities = Object.keys(first.outcomes).length + Object.keys(first.metrics).length;
      const page = await open(drawn, name);
      if (name === 'sweep-one') {
        expect(page.kinds('parameter')).toBe(quantities);
        expect(await page.marks('parameter', 'line')).toEqual(Array(quantities).fill(1));
        expect(await page.marks('parameter', 'band')).toEqual(Array(quantities).fill(1));
      } else {
        expect(page.kinds('heatmap')).toBe(quantities);
        expect(await page.marks('heatmap', 'cell')).toEqual(Array(quantities).fill(summary.combinations.length));
      }
      expect(page.problems).toEqual([]);
      await page.tab.close();
    }
  }, 240_000);

  it('draws sensitivity studies: a tornado per output, a bar and an interval per index and parameter, sigma for Morris', async () => {
    for (const [name, args] of [['morris', MORRIS], ['sobol', SOBOL]] as const) {
      const drawn = draw(dir, name, args);
      const summary = drawn.json as SensitivitySummary;
      const drawnOutputs = Object.values(summary.outputs).filter((output) => output.indices !== null).length;
      const parameters = Object.keys(summary.parameters).length;
      const bars = name === 'morris' ? parameters : 2 * parameters;
      const page = await open(drawn, name);
      expect(page.kinds('tornado')).toBe(drawnOutputs);
      expect(await page.marks('tornado', 'bar')).toEqual(Array(drawnOutputs).fill(bars));
      expect(await page.marks('tornado', 'interval')).toEqual(Array(drawnOutputs).fill(bars));
      expect(await page.marks('tornado', 'sigma')).toEqual(Array(drawnOutputs).fill(name === 'morris' ? parameters : 0));
      expect(page.problems).toEqual([]);
      await page.tab.close();
    }
  }, 240_000);
});
