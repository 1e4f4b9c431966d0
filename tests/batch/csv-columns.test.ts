import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../src/engine/batch/batch-layout.js';
import { tallyRuns } from '../../src/engine/batch/runs.js';
import { BatchTally } from '../../src/engine/batch/tally.js';
import { COLUMN_GROUPS } from '../../src/cli/columns-option.js';
import { frameColumns } from '../../src/cli/text/csv-columns.js';
import { CsvRows, csvRunsPerTask } from '../../src/cli/text/csv.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { readCsv } from '../csv-table.js';
import { expectUsageError, ok, scratch } from './cli.js';

const scenario = loadScenario('niger-2024');
const indicators = scenario.indicators.map((item) => item.id);
const fired = scenario.rules.map((rule) => `fired.${rule.id}`);
const actors = scenario.actors.map((actor) => actor.id);
const coop = actors.flatMap((a) => actors.filter((b) => b !== a).map((b) => `coop.${a}.${b}`));
const stances = [
  ...actors.flatMap((a) => scenario.issues.map((issue) => `stance.${a}.${issue}`)),
  ...actors.flatMap((a) => scenario.issues.map((issue) => `salience.${a}.${issue}`)),
];
const attrs = scenario.actors.flatMap((actor) => Object.keys(scenario.initial.actors[actor.id]!.attrs).map((name) => `attr.${actor.id}.${name}`));
const metrics = scenario.metrics.map((metric) => `metric.${metric.id}`);
const defaults = ['run', 'seed', 'turn', 'date', ...indicators, ...fired, 'outcome'];

function batchCsv(extra: string[], runs = 20, turns = 6): { text: string; json: string } {
  const file = join(scratch('columns'), 'runs.csv');
  const json = ok(['batch', 'niger-2024', '--runs', String(runs), '--seed', '5', '--turns', String(turns), '--workers', '2', '--json', '--csv', file, ...extra]);
  return { text: readFileSync(file, 'utf8'), json };
}

describe('batch --csv --columns', () => {
  it('keeps the default columns, in order, without --columns', () => {
    const { header, rows } = readCsv(batchCsv([]).text);
    expect(header).toEqual(defaults);
    expect(rows).toHaveLength(20 * 7);
  });

  it('adds cooperation pairs, stances and saliences, attributes and metrics after the default columns, with `all` naming every group', () => {
    const { text } = batchCsv(['--columns', 'all']);
    const { header, rows } = readCsv(text);
    expect(header).toEqual([...defaults, ...coop, ...stances, ...attrs, ...metrics]);
    expect(rows).toHaveLength(20 * 7);
    // The default part of every row is the same as without --columns.
    const plain = readCsv(batchCsv([]).text).rows;
    rows.forEach((row, i) => {
      for (const name of defaults) expect(row[name]).toBe(plain[i]![name]);
    });
    expect(rows[0]!['coop.niger.russia']).toBe(String(scenario.initial.coop.niger!.russia));
    expect(rows[0]!['stance.niger.alignment']).toBe(String(scenario.initial.actors.niger!.stance.alignment));
  });

  it('writes the groups in one order whatever order they are named in, each once', () => {
    const a = readCsv(batchCsv(['--columns', 'metrics,coop'], 3, 2).text).header;
    const b = readCsv(batchCsv(['--columns', 'coop, metrics,coop'], 3, 2).text).header;
    expect(a).toEqual([...defaults, ...coop, ...metrics]);
    expect(b).toEqual(a);
  });

  it('gives each metric at the last turn whose mean over the runs is the mean of batch --json', () => {
    const { text, json } = batchCsv(['--columns', 'metrics']);
    const summary = JSON.parse(json);
    const last = readCsv(text).rows.filter((row) => row.turn === '6');
    expect(last).toHaveLength(20);
    for (const metric of scenario.metrics) {
      const mean = last.reduce((sum, row) => sum + Number(row[`metric.${metric.id}`]), 0) / last.length;
      expect(mean).toBeCloseTo(summary.metrics[metric.id].mean, 6);
    }
    for (const [id, outcome] of Object.entries(summary.outcomes as Record<string, { count: number }>)) {
      expect(last.filter((row) => row.outcome === id)).toHaveLength(outcome.count);
    }
  });

  it('refuses an unknown group in one line that names it and suggests the closest, exit 2', () => {
    const file = join(scratch('columns'), 'runs.csv');
    expectUsageError(['batch', '--runs', '2', '--csv', file, '--columns', 'coop,stances'], /"stances".*did you mean `stance`\?/);
    expectUsageError(['batch', '--runs', '2', '--csv', file, '--columns', 'metrix'], /"metrix".*did you mean `metrics`\?/);
    expectUsageError(['batch', '--runs', '2', '--columns', 'coop'], /--columns .*--csv/);
  });

  it('keeps a worker task of --columns all within the 8 MiB of rows a task may hold', () => {
    const layout = layoutOf(scenario, 120);
    const extra = frameColumns(scenario, COLUMN_GROUPS);
    const most = csvRunsPerTask(layout, extra.names.length);
    expect(most).toBeLessThan(csvRunsPerTask(layout));
    const rows = new CsvRows(layout, scenario.start, extra);
    tallyRuns(scenario, { seed: 1, turns: 120, from: 0, to: most }, new BatchTally(layout), {
      onTurn: (frame) => rows.turn(frame),
      onRun: (index, seed, outcome) => rows.run(index, seed, outcome),
    });
    const bytes = rows.take().length;
    expect(bytes).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(bytes).toBeGreaterThan(2 * 1024 * 1024);
  });
});
