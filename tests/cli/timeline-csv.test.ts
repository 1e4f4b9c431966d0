import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advanceTo, startHistory } from '../../src/engine/history.js';
import { recordOf } from '../../src/engine/record.js';
import type { Intervention } from '../../src/engine/types.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { builtinSpec, loadScenario } from '../../src/scenarios/load.js';
import { readCsv } from '../csv-table.js';
import { expectUsageError, sandtable } from '../helpers.js';

const scenario = loadScenario('niger-2024');
const scratch = () => mkdtempSync(join(tmpdir(), 'sandtable-timeline-csv-'));

function ok(args: string[]): string {
  const result = sandtable(args);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

interface JsonTurn {
  turn: number;
  date: string;
  events: { id: string }[];
  decisions: { actor: string; action: string; by: string }[];
}

describe('run --csv', () => {
  const file = join(scratch(), 'run.csv');
  const json = JSON.parse(ok(['run', 'niger-2024', '--seed', '9', '--turns', '12', '--json', '--csv', file, '--columns', 'metrics,coop']));
  const { header, rows } = readCsv(readFileSync(file, 'utf8'));

  it('has one header row of stable names and one row per turn from 0, months as YYYY-MM', () => {
    const deciding = scenario.actors.filter((actor) => actor.actions.length > 0).map((actor) => `action.${actor.id}`);
    expect(header.slice(0, 2 + scenario.indicators.length)).toEqual(['turn', 'date', ...scenario.indicators.map((item) => item.id)]);
    expect(header).toContain('fired.us-withdrawal-announced');
    expect(header).toContain('flag.usGone');
    expect(header).toContain('events');
    expect(header.filter((name) => name.startsWith('action.'))).toEqual(deciding);
    expect(header).toContain('coop.niger.usa');
    expect(header.slice(-scenario.metrics.length)).toEqual(scenario.metrics.map((metric) => `metric.${metric.id}`));
    expect(rows.map((row) => row.turn)).toEqual(Array.from({ length: 13 }, (_, t) => String(t)));
    expect(rows[0]!.date).toBe('2024-04');
    expect(rows[12]!.date).toBe('2025-04');
  });

  it('holds what run --json of the same run holds: events and actions by turn, the final indicators and metrics', () => {
    for (const turn of json.timeline as JsonTurn[]) {
      const row = rows[turn.turn]!;
      expect(row.date).toBe(turn.date.slice(0, 7));
      expect(row.events).toBe(turn.events.map((event) => event.id).join(';'));
      for (const decision of turn.decisions) expect(row[`action.${decision.actor}`]).toBe(decision.action);
    }
    const last = rows[12]!;
    for (const [id, value] of Object.entries(json.final.indicators as Record<string, number>)) expect(Number(last[id])).toBe(value);
    for (const [id, value] of Object.entries(json.outcome.metrics as Record<string, number>)) expect(Number(last[`metric.${id}`])).toBe(value);
    expect(Number(last['coop.niger.usa'])).toBe(json.final.coop.niger.usa);
  });

  it('refuses --columns without --csv, and an unknown group, exit 2', () => {
    expectUsageError(['run', '--seed', '1', '--columns', 'coop'], /--columns .*--csv/);
    expectUsageError(['run', '--seed', '1', '--csv', join(scratch(), 'x.csv'), '--columns', 'atrs'], /"atrs".*did you mean `attrs`\?/);
  });
});

describe('report --format csv', () => {
  const interventions: Intervention[] = [
    { kind: 'choose', actor: 'usa', action: 'withdraw', turn: 1 },
    { kind: 'force', event: 'us-flights-declared-illegal', turn: 1 },
    { kind: 'block', event: 'russian-supplies', from: 2, to: 2 },
    { kind: 'choose', actor: 'usa', action: 'pressure', turn: 3 },
  ];
  const dir = scratch();
  const record = join(dir, 'exercise.json');
  writeFileSync(record, JSON.stringify(recordOf(advanceTo(startHistory(scenario, 42, 4, interventions)))));
  const text = ok(['report', record, '--format', 'csv']);
  const { header, rows } = readCsv(text);

  it('has the documented columns and a row per decision, intervention and event', () => {
    expect(header).toEqual(['turn', 'date', 'kind', 'actor', 'id', 'title', 'by', 'probability', 'roll']);
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(['decision', 'intervention', 'event']));
    expect(rows.filter((row) => row.kind === 'decision')).toHaveLength(4 * scenario.actors.filter((actor) => actor.actions.length > 0).length);
  });

  it('says who decided: the person, the policy, or an inject', () => {
    const usa = rows.filter((row) => row.kind === 'decision' && row.actor === 'usa');
    expect(usa.map((row) => [row.turn, row.id, row.by])).toEqual([
      ['1', 'withdraw', 'person'], ['2', usa[1]!.id, 'policy'], ['3', 'pressure', 'person'], ['4', usa[3]!.id, 'policy'],
    ]);
    expect(rows.find((row) => row.kind === 'event' && row.id === 'us-flights-declared-illegal')).toMatchObject({ turn: '1', date: '2024-05', by: 'inject' });
    expect(rows.find((row) => row.kind === 'intervention' && row.id === 'russian-supplies')).toMatchObject({ turn: '2', by: 'inject' });
    expect(rows.filter((row) => row.kind === 'event' && row.by === 'rule').length).toBeGreaterThan(0);
  });

  it('lists the events replay --json finds, turn by turn', () => {
    const replayed = JSON.parse(ok(['replay', record, '--json']));
    for (const turn of (replayed.timeline as JsonTurn[]).slice(1)) {
      expect(rows.filter((row) => row.kind === 'event' && row.turn === String(turn.turn)).map((row) => row.id)).toEqual(turn.events.map((event) => event.id));
    }
  });

  it('writes the same to --out FILE.csv without --format', () => {
    const out = join(dir, 'timeline.csv');
    ok(['report', record, '--out', out]);
    expect(readFileSync(out, 'utf8')).toBe(text);
  });
});

describe('report --format csv of a record whose scenario has hostile titles', () => {
  it('writes every title that starts like a formula with a leading \', and quotes what needs quoting', () => {
    const spec = builtinSpec('niger-2024');
    const hostile = compileScenario({
      ...spec,
      rules: spec.rules.map((rule) => ({ ...rule, title: `=HYPERLINK("http://evil.example","${rule.id}, really")` })),
      actors: spec.actors.map((actor) => ({ ...actor, actions: actor.actions.map((action) => ({ ...action, title: `@SUM(A1:A2) ${action.id}` })) })),
    });
    const record = join(scratch(), 'hostile.json');
    writeFileSync(record, JSON.stringify(recordOf(advanceTo(startHistory(hostile, 3, 3)))));
    const { rows } = readCsv(ok(['report', record, '--format', 'csv']));
    const events = rows.filter((row) => row.kind === 'event');
    expect(events.length).toBeGreaterThan(0);
    for (const row of events) expect(row.title).toBe(`'=HYPERLINK("http://evil.example","${row.id}, really")`);
    for (const row of rows.filter((item) => item.kind === 'decision')) expect(row.title).toBe(`'@SUM(A1:A2) ${row.id}`);
  });
});
