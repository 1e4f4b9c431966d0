import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceTo, startHistory } from '../../src/engine/history.js';
import { afterAction } from '../../src/engine/analysis/after-action.js';
import type { Intervention } from '../../src/engine/types.js';
import { renderReport } from '../../src/render/index.js';
import { builtinSpec } from '../../src/scenarios/load.js';
import { scenario } from './helpers.js';

// The HTML report in a real browser: Debian's Chromium, headless, with a fresh
// profile and nothing that reaches the network. What a class would see on a
// projector, checked for its charts and for errors in the console.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const work = mkdtempSync(join(tmpdir(), 'sandtable-report-browser-'));
let context: BrowserContext;

beforeAll(async () => {
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
});

afterAll(async () => {
  await context?.close();
  rmSync(work, { recursive: true, force: true });
});

/** What the test reads of a chart element in the page (the tests are type-checked without the DOM library). */
interface ChartNode {
  getBoundingClientRect(): { readonly width: number; readonly height: number };
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): { readonly length: number };
}

const interventions: Intervention[] = [
  { kind: 'force', event: 'us-flights-declared-illegal', turn: 1 },
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((turn): Intervention => ({ kind: 'choose', actor: 'usa', action: turn % 2 === 0 ? 'pressure' : 'withdraw', turn })),
  { kind: 'block', event: 'us-reassessment-talks', from: 3, to: 3 },
];

describe('the HTML report in Chromium', () => {
  it('renders its charts, logs no errors in the console, and makes a screenshot', async () => {
    const spec = builtinSpec('niger-2024');
    const history = advanceTo(startHistory(scenario, 42, 8, interventions));
    const html = await renderReport({ analysis: afterAction(history, 200), roles: spec.roles, injects: spec.injects, record: 'exercise.json' }, 'html');
    const page = join(work, 'report.html');
    writeFileSync(page, html);

    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    tab.on('request', (request) => {
      if (!request.url().startsWith('file:')) problems.push(`request: ${request.url()}`);
    });
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });

    const charts = await tab.locator('svg.chart').evaluateAll((nodes: unknown[]) => nodes.map((item) => {
      const node = item as ChartNode;
      const box = node.getBoundingClientRect();
      return {
        kind: node.getAttribute('class'),
        width: box.width,
        height: box.height,
        marks: node.querySelectorAll('g.role-mark > *').length,
      };
    }));
    expect(charts.filter((chart) => chart.kind === 'chart chart-lines')).toHaveLength(scenario.indicators.length);
    expect(charts.filter((chart) => chart.kind === 'chart chart-bars')).toHaveLength(1);
    expect(charts.filter((chart) => chart.kind === 'chart chart-differences')).toHaveLength(1);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.height).toBeGreaterThan(100);
      expect(chart.marks).toBeGreaterThan(0);
    }
    // Each indicator chart draws four lines: this run, its baseline and the mean of each arm.
    expect(await tab.locator('svg.chart-lines').first().locator('g.line_marks > path').count()).toBe(4);
    expect(await tab.locator('h1').textContent()).toContain('After-action report');
    expect(await tab.locator('table').count()).toBeGreaterThan(4);

    const png = join(work, 'report.png');
    await tab.screenshot({ path: png, fullPage: true });
    const image = readFileSync(png);
    expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(image.length).toBeGreaterThan(50_000);
    if (process.env.SANDTABLE_REPORT_PNG !== undefined) writeFileSync(process.env.SANDTABLE_REPORT_PNG, image);
    expect(problems).toEqual([]);
    await tab.close();
  }, 60_000);
});
