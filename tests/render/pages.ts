import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { sandtable } from '../helpers.js';

// The analyses the chart tests draw: small, so the tests stay cheap, but with
// events that fire, pairs that diverge, and sweeps of one and of two parameters.

/** A chart of a page: its kind (from its SVG's class), its title, and its embedded Vega-Lite spec's data. */
export interface PageChart {
  readonly kind: string;
  readonly title: string;
  readonly rows: readonly Record<string, unknown>[];
}

/** The charts of a page, in order, read from the markup the renderer wrote. */
export function chartsOf(html: string): PageChart[] {
  const figures = [...html.matchAll(/<figure><svg class="chart chart-(\w+)"[\s\S]*?<\/svg><script type="application\/json" class="vega-lite-spec">([^<]*)<\/script><\/figure>/g)];
  return figures.map(([, kind, json]) => {
    const spec = JSON.parse(json!) as { title: { text: string | string[] }; data: { values: Record<string, unknown>[] } };
    const title = Array.isArray(spec.title.text) ? spec.title.text.join(' ') : spec.title.text;
    return { kind: kind!, title, rows: spec.data.values };
  });
}

export interface Drawn {
  readonly dir: string;
  readonly html: string;
  readonly json: unknown;
  readonly file: string;
  readonly jsonFile: string;
}

/** Run a command with `--json` and `--html FILE` in `dir`, returning both. */
export function draw(dir: string, name: string, args: readonly string[]): Drawn {
  const file = join(dir, `${name}.html`);
  const result = sandtable([...args, '--json', '--html', file]);
  expect(result.code, result.stderr).toBe(0);
  const jsonFile = join(dir, `${name}.json`);
  writeFileSync(jsonFile, result.stdout);
  return { dir, html: readFileSync(file, 'utf8'), json: JSON.parse(result.stdout), file, jsonFile };
}

export const BATCH = ['batch', 'niger-2024', '--runs', '60', '--seed', '5', '--turns', '8'];
export const COMPARE = ['compare', 'niger-2024', 'us-withdrawal', '--runs', '40', '--seed', '5', '--turns', '8'];
export const SWEEP_ONE = ['sweep', 'niger-2024', '--set', 'talksChance=0:0.4:3', '--runs', '20', '--seed', '5', '--turns', '6'];
export const SWEEP_TWO = ['sweep', 'niger-2024', '--set', 'talksChance=0:0.4:3', '--set', 'announceBase=0:0.2:2', '--runs', '10', '--seed', '5', '--turns', '6'];
/** Tiny sensitivity studies of the three-dials fixture: every output depends on one parameter. */
export const DIALS = 'tests/sensitivity/fixtures/dials.yaml';
export const MORRIS = ['sensitivity', DIALS, '--trajectories', '4', '--runs', '20', '--seed', '3'];
export const SOBOL = ['sensitivity', DIALS, '--method', 'sobol', '--samples', '8', '--runs', '10', '--seed', '3'];

/** A fresh temporary folder for a test file's pages. */
export function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'sandtable-charts-'));
}
