import { z } from 'zod';
import { STUDY_LIMITS } from '../engine/analysis/sensitivity/study.js';
import { MAX_TURNS } from '../engine/limits.js';
import { LIMITS } from '../scenarios/format.js';
import type { SensitivitySummary } from '../engine/analysis/sensitivity/summary.js';
import type { Analysis } from '../render/analysis/index.js';
import { UsageError } from './errors.js';

// The `--json` of batch, compare, sweep and sensitivity (and of merge), read back to be
// drawn by `report`. The file may come from anywhere, so it is checked for
// every field a chart reads, with the sizes the commands can produce; its
// text reaches the page only through the renderer's escaping.

const text = z.string().max(LIMITS.text);
const key = z.string().min(1).max(64);
const unit = z.number().min(-1).max(1);
const number = z.number().finite();
const interval = z.tuple([number, number]).readonly();
const count = z.number().int().min(0);
const byTurn = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_TURNS + 1).readonly();
const table = <T extends z.ZodType>(item: T, most: number) => z.record(key, item).refine((value) => Object.keys(value).length <= most, `at most ${most} entries`).readonly();

const scenario = z.object({
  id: key, title: text, version: z.string().max(32), variant: key.nullable(), hash: z.string().max(64),
  start: z.object({ year: z.number().int().min(0).max(9999), month: z.number().int().min(1).max(12) }).readonly().optional(),
}).readonly();

// An indicator on its own scale (`range`) has its values on that scale; otherwise they are in [0, 1].
const indicator = z.object({
  title: text,
  range: interval.optional(),
  byTurn: byTurn(z.object({ turn: count, mean: number, p5: number.optional(), p50: number.optional(), p95: number.optional() }).readonly()),
}).readonly();
const indicators = table(indicator, LIMITS.indicators);
const outcomes = table(z.object({ title: text, count, p: unit, ci95: interval }).readonly(), LIMITS.rules);
const metrics = table(z.object({ title: text, mean: number, sd: number, ci95: interval.nullable() }).readonly(), LIMITS.rules);
const tally = {
  events: table(z.object({
    title: text, fired: count, p: unit, ci95: interval, medianTurn: number.nullable(), byTurn: byTurn(unit), byTurnCi95: byTurn(interval),
  }).readonly(), LIMITS.rules),
  indicators,
  outcomes,
  metrics,
};
const head = { runs: count, seed: count, turns: z.number().int().min(1).max(MAX_TURNS) };

const batch = z.object({ ...head, scenario, ...tally }).readonly();
const chance = z.object({ title: text, base: unit, variant: unit, difference: unit, ci95: interval, baseOnly: count, variantOnly: count }).readonly();
const compare = z.object({
  ...head,
  base: scenario,
  variant: scenario,
  diverged: count,
  firstDivergence: z.object({ byTurn: byTurn(count), min: number.nullable(), median: number.nullable(), max: number.nullable() }).readonly(),
  metrics: table(z.object({ title: text, base: number, variant: number, difference: number, ci95: interval.nullable() }).readonly(), LIMITS.rules),
  events: table(chance, LIMITS.rules),
  outcomes: table(chance, LIMITS.rules),
  arms: z.object({ base: z.object({ indicators }).readonly(), variant: z.object({ indicators }).readonly() }).readonly().optional(),
}).readonly();
const sweep = z.object({
  ...head,
  scenario,
  parameters: table(z.array(number).min(1).max(10_000).readonly(), 16),
  combinations: z.array(z.object({ params: table(number, 16), hash: z.string().max(64), ...tally }).readonly()).max(10_000).readonly(),
}).readonly();

const parameterName = z.string().min(1).max(64);
const morrisIndex = z.object({ mu: number, muStar: number, sigma: number, muStarCi95: interval }).readonly();
const sobolIndex = z.object({ S1: number, S1Ci95: interval, ST: number, STCi95: interval }).readonly();
const studyOutput = <T extends z.ZodType>(index: T) => z.object({
  kind: z.enum(['metric', 'event', 'outcome']), id: key, title: text, mean: number, sd: number,
  ranking: z.array(parameterName).max(STUDY_LIMITS.parameters).readonly(),
  indices: z.record(parameterName, index).nullable(),
}).readonly();
const study = <M extends 'morris' | 'sobol', T extends z.ZodType>(method: M, index: T) => z.object({
  method: z.literal(method),
  ...head,
  scenario,
  parameters: z.record(parameterName, z.object({
    value: number, range: interval, distribution: z.enum(['uniform', 'triangular', 'normal']), centre: number, sd: number.optional(),
  }).readonly()).refine((value) => Object.keys(value).length >= 1 && Object.keys(value).length <= STUDY_LIMITS.parameters, `1 to ${STUDY_LIMITS.parameters} parameters`).readonly(),
  design: z.object({
    points: count, trajectories: count.optional(), levels: count.optional(), delta: number.optional(), samples: count.optional(),
  }).readonly(),
  bootstrap: z.object({ resamples: count, level: unit }).readonly(),
  outputs: z.record(z.string().min(1).max(80), studyOutput(index)).refine((value) => Object.keys(value).length <= 3 * LIMITS.rules, `at most ${3 * LIMITS.rules} outputs`).readonly(),
}).readonly().superRefine((value, context) => {
  // Every output ranks exactly the study's parameters, and has an index for each.
  const names = Object.keys(value.parameters);
  for (const [key, output] of Object.entries(value.outputs)) {
    const ranked = [...output.ranking].sort().join(',') === [...names].sort().join(',');
    const indexed = output.indices === null || Object.keys(output.indices).sort().join(',') === [...names].sort().join(',');
    if (!ranked || !indexed) context.addIssue({ code: 'custom', path: ['outputs', key, ranked ? 'indices' : 'ranking'], message: 'must name each of the study\'s parameters once' });
  }
});
const morrisStudy = study('morris', morrisIndex);
const sobolStudy = study('sobol', sobolIndex);

/** Which analysis a parsed `--json` is, by its shape: null when it is none of them (a run record, say). */
export function analysisKind(data: unknown): Analysis['kind'] | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  if ('combinations' in data && 'parameters' in data) return 'sweep';
  if ('method' in data && 'outputs' in data && 'bootstrap' in data) return 'sensitivity';
  if ('firstDivergence' in data && 'diverged' in data) return 'compare';
  if ('events' in data && 'indicators' in data && 'outcomes' in data && !('formatVersion' in data)) return 'batch';
  return null;
}

/** Check a parsed `--json` of the given kind, with a one-line error naming the file and the first wrong field. */
export function parseAnalysis(file: string, kind: Analysis['kind'], data: unknown): Analysis {
  switch (kind) {
    case 'batch': return { kind, summary: checked(file, kind, batch, data) };
    case 'compare': return { kind, summary: checked(file, kind, compare, data) };
    case 'sweep': return { kind, summary: checked(file, kind, sweep, data) };
    case 'sensitivity': return { kind, summary: (methodOf(data) === 'sobol' ? checked(file, kind, sobolStudy, data) : checked(file, kind, morrisStudy, data)) as SensitivitySummary };
  }
}

/** A study's method, to check it against that method's shape (and name the wrong field, not just the union). */
function methodOf(data: unknown): unknown {
  return typeof data === 'object' && data !== null && 'method' in data ? data.method : undefined;
}

function checked<T>(file: string, kind: string, schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length === 0 ? '' : ` at ${issue.path.map(String).join('.')}`;
  throw new UsageError(`${file} is not ${kind} --json output${where}: ${issue.message}`);
}
