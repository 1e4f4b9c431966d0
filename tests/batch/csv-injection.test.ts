import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchLayout } from '../../src/engine/batch/batch-layout.js';
import type { ShardFile } from '../../src/engine/batch/shard-file.js';
import type { SweepSummary } from '../../src/engine/batch/sweep-summary.js';
import { batchCsvHeader, csvField, CsvRows, sweepCsv } from '../../src/cli/text/csv.js';
import { expectUsageError, ok, scratch } from './cli.js';
import { COIN } from './helpers.js';

// CSV files are opened in spreadsheets, which run a cell that starts with
// =, +, -, @, a tab or a carriage return as a formula (quoting does not stop
// them): every text cell of every CSV sandtable writes is neutralised with a
// leading ', and ids read from shard files must have the form of ids at all.

const FORMULAS = ['=HYPERLINK("http://evil.example","x")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1'];

/** The cells of a CSV text (RFC 4180), row by row. */
function cells(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const char = csv[i];
    if (quoted) {
      if (char === '"' && csv[i + 1] === '"') { cell += '"'; i += 1; } else if (char === '"') quoted = false; else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') { row.push(cell); cell = ''; }
    else if (char === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += char;
  }
  return rows;
}

/** No cell a spreadsheet would evaluate: text cells never start with a formula character; numbers are numbers. */
function expectNoFormula(csv: string): void {
  for (const cell of cells(csv).flat()) {
    if (/^[=+\-@\t\r]/.test(cell)) expect(Number.isFinite(Number(cell)), `cell ${JSON.stringify(cell)}`).toBe(true);
  }
}

describe('a CSV field', () => {
  it('neutralises every text that starts like a formula, and keeps it readable', () => {
    for (const text of FORMULAS) {
      const [cell] = cells(`${csvField(text)}\n`)[0]!;
      expect(cell).toBe(`'${text}`);
    }
  });

  it('writes numbers as numbers, negative ones too, and plain text as it is', () => {
    expect(csvField(-0.25)).toBe('-0.25');
    expect(csvField('heads')).toBe('heads');
    expect(csvField('a,b')).toBe('"a,b"');
  });
});

describe('every CSV writer, given hostile names', () => {
  const named = FORMULAS.map((id, i) => ({ id, title: `t${i}` }));
  const layout: BatchLayout = { turns: 1, events: named, indicators: named, outcomes: named, metrics: named, quantiles: false };

  it('batch --csv: the header and the rows', () => {
    expectNoFormula(batchCsvHeader(layout));
    const rows = new CsvRows({ ...layout, indicators: [], events: [] }, { year: 2024, month: 1 });
    rows.turn({ turn: 0, values: new Float64Array(0), count: new Uint32Array(0) } as never);
    rows.run(0, 7, { class: '=cmd()', title: 'x', metrics: {} } as never);
    const text = rows.take();
    expectNoFormula(text);
    expect(text).toBe("0,7,0,2024-01,'=cmd()\n");
  });

  it('sweep --csv and merge --csv: the parameter names and every column', () => {
    const interval = { p: 0.5, ci95: [-0.1, 0.9] as [number, number] };
    const summary = {
      runs: 2,
      parameters: { '=evil()': [1], '@x': [2] },
      combinations: [{
        params: { '=evil()': 1, '@x': -2 },
        outcomes: { '+o': interval },
        metrics: { '-m': { mean: -1, ci95: [-2, 0] } },
        events: { '\te': interval },
      }],
    } as unknown as SweepSummary;
    const csv = sweepCsv(summary);
    expectNoFormula(csv);
    expect(cells(csv)[0]!.slice(0, 3)).toEqual(["'=evil()", "'@x", 'runs']);
    expect(cells(csv)[1]!.slice(0, 2)).toEqual(['1', '-2']);
  });
});

describe('merge, given a shard whose names are formulas', () => {
  const dir = scratch('csv-injection');
  let shard = {} as ShardFile;
  beforeAll(() => {
    shard = JSON.parse(ok(['sweep', COIN, '--set', 'p=0:1:2', '--runs', '2', '--seed', '1', '--workers', '1', '--shard', '1/1']));
  });
  const mergeOf = (name: string, data: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(data));
    return ['merge', path, '--csv', join(dir, `${name}.csv`)];
  };

  it('refuses a parameter name that is no name, before writing anything', () => {
    const name = '=HYPERLINK("http://evil.example","x")';
    const evil = {
      ...shard,
      parameters: [{ ...shard.parameters[0], name }],
      combinations: shard.combinations.map((item) => ({ ...item, params: { [name]: item.params.p } })),
    };
    expectUsageError(mergeOf('parameter.json', evil), /parameter\.json has an invalid field parameters\.0\.name: a name of letters/);
  });

  it('refuses ids and a scenario id that are not ids, and titles longer than a scenario allows', () => {
    expectUsageError(mergeOf('event.json', { ...shard, layout: { ...shard.layout, events: [{ id: '@SUM(A1)', title: 'x' }] } }),
      /event\.json has an invalid field layout\.events\.0\.id: an id of lower-case words/);
    expectUsageError(mergeOf('metric.json', { ...shard, layout: { ...shard.layout, metrics: [{ id: '-1+2', title: 'x' }] } }),
      /metric\.json has an invalid field layout\.metrics\.0\.id/);
    expectUsageError(mergeOf('scenario.json', { ...shard, scenario: { ...shard.scenario, id: '<img src=x>' } }),
      /scenario\.json has an invalid field scenario\.id/);
    expectUsageError(mergeOf('title.json', { ...shard, scenario: { ...shard.scenario, title: 'x'.repeat(5000) } }),
      /title\.json has an invalid field scenario\.title/);
  });

  it('still writes the CSV of the shard as it was, with no formula in it', () => {
    const out = join(dir, 'fine.csv');
    const path = join(dir, 'fine.json');
    writeFileSync(path, JSON.stringify(shard));
    ok(['merge', path, '--csv', out]);
    expectNoFormula(readFileSync(out, 'utf8'));
  });
});
