import type { Problem } from './problem.js';

// Which version of the scenario format a file needs. A file without `format:`
// is format 1 and reads exactly as it always has; a file that uses a newer
// construct says `format: 2`, so that a sandtable that does not know it
// refuses the file in one line instead of a page of unknown fields.

/** The newest format this sandtable reads. */
export const FORMAT_VERSION = 2;

type Path = (string | number)[];

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The items of a list that are maps, with their index (nothing when it is not a list). */
function items(value: unknown): [Record<string, unknown>, number][] {
  return Array.isArray(value) ? value.flatMap((item, i): [Record<string, unknown>, number][] => (isMap(item) ? [[item, i]] : [])) : [];
}

/** The entries of a map (nothing when it is not one). */
function entries(value: unknown): [string, unknown][] {
  return isMap(value) ? Object.entries(value) : [];
}

/** Whether a file declares format 2 or later. */
export function declaresFormat2(data: unknown): boolean {
  return isMap(data) && typeof data.format === 'number' && data.format >= 2;
}

/** The one problem of a file that declares a format newer than this sandtable's, or null. */
export function newerFormatProblem(data: unknown): Problem | null {
  if (!isMap(data) || typeof data.format !== 'number' || !Number.isInteger(data.format) || data.format <= FORMAT_VERSION) return null;
  return {
    path: ['format'],
    message: `needs version ${data.format} of the scenario format; this sandtable reads versions 1 to ${FORMAT_VERSION}: install a newer sandtable`,
  };
}

/**
 * The constructs of format 2, as the error names them. Everything a format 1
 * file could not say is here; what format 1 already accepted (a narrative with
 * braces, a flag set to true or false, a whole number of turns in `in:`, a
 * sentence as a rule's source, a metric's `value`) is not.
 */
export const FORMAT_2_CONSTRUCTS = {
  startingExpression: 'a starting value computed from parameters',
  variantChanges: 'a variant with `changes:`',
  effectId: 'an effect with an `id`',
  available: 'an action available only sometimes (`available:`)',
  fallback: 'an actor\'s `fallback:` action',
  randomDelay: 'a delay that is an expression or drawn at random (`in:`)',
  month: 'a month ("YYYY-MM") in place of a turn',
  effectIf: 'an effect with `if:`',
  flagExpression: 'a flag set from an expression',
  randomSize: 'an effect size drawn at random',
  runMetric: 'a metric over the whole run (`max`, `min`, `mean`, `months`, `first` or `count`)',
  metricName: '`metric.NAME` in an expression',
  dateName: '`month` or `year` in an expression',
  scale: 'a quantity on its own scale (`range:` or `unit:`)',
  paramEntry: 'a parameter written as `{ value, range, ... }`',
  structuredSource: 'a source written as `{ quote, url, date, note }`',
  actionSource: 'a `source:` on an action',
  indicatorSource: 'a `source:` on an indicator',
  sources: 'a `sources:` map of what starting values rest on',
  article: 'an `article:` to check quotations against',
  expectations: '`expectations:`',
} as const;
export type Format2Construct = keyof typeof FORMAT_2_CONSTRUCTS;

const RUN_METRIC_KINDS = ['max', 'min', 'mean', 'months', 'first', 'count'];
const EXPRESSION_METRIC_KINDS = ['value', 'max', 'min', 'mean', 'months'];

/** An expression's text without its quoted strings (rule and action ids), where names are looked for. */
function bare(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
}

/** Every construct of format 2 a file uses, each with the path of its first use, in the order met. */
export function format2Uses(data: unknown): Map<Format2Construct, Path> {
  const found = new Map<Format2Construct, Path>();
  if (!isMap(data)) return found;
  const use = (what: Format2Construct, path: Path) => {
    if (!found.has(what)) found.set(what, path);
  };
  const expression = (value: unknown, path: Path) => {
    if (typeof value !== 'string') return;
    const text = bare(value);
    if (/(?<![\w$.])(?:month|year)(?![\w$])/.test(text)) use('dateName', path);
    if (/(?<![\w$.])metric\s*[.[]/.test(text)) use('metricName', path);
  };
  /** An effect's size or a delay: an expression, or (format 2) a random quantity. */
  const amount = (value: unknown, path: Path, random: Format2Construct) => {
    if (!isMap(value)) return expression(value, path);
    use(random, path);
    for (const [kind, inner] of entries(value)) {
      if (Array.isArray(inner)) inner.forEach((item, i) => expression(item, [...path, kind, i]));
      else expression(inner, [...path, kind]);
    }
  };
  const starting = (value: unknown, path: Path) => {
    if (typeof value === 'string') use('startingExpression', path);
  };
  const turn = (value: unknown, path: Path) => {
    if (typeof value === 'string') use('month', path);
  };
  const effects = (list: unknown, path: Path) => {
    for (const [effect, i] of items(list)) {
      const at: Path = [...path, i];
      if (effect.id !== undefined) use('effectId', [...at, 'id']);
      if (effect.if !== undefined) use('effectIf', [...at, 'if']);
      expression(effect.if, [...at, 'if']);
      for (const kind of ['add', 'set']) {
        for (const [target, value] of entries(effect[kind])) amount(value, [...at, kind, target], 'randomSize');
      }
      if (isMap(effect.toward)) for (const key of ['goal', 'rate']) expression(effect.toward[key], [...at, 'toward', key]);
      for (const [flag, value] of entries(effect.flag)) {
        if (typeof value !== 'boolean') use('flagExpression', [...at, 'flag', flag]);
        expression(value, [...at, 'flag', flag]);
      }
      if (isMap(effect.schedule)) {
        const delay = effect.schedule.in;
        if (delay !== undefined && typeof delay !== 'number') use('randomDelay', [...at, 'schedule', 'in']);
        amount(delay, [...at, 'schedule', 'in'], 'randomDelay');
        if (effect.schedule.at !== undefined) use('month', [...at, 'schedule', 'at']);
      }
    }
  };
  const interventions = (list: unknown, path: Path) => {
    for (const [item, i] of items(list)) for (const key of ['turn', 'from', 'to']) turn(item[key], [...path, i, key]);
  };

  for (const [name, value] of entries(data.params)) if (isMap(value)) use('paramEntry', ['params', name]);
  for (const [actor, a] of items(data.actors)) {
    const at: Path = ['actors', a];
    for (const key of ['stance', 'salience']) for (const [name, value] of entries(actor[key])) starting(value, [...at, key, name]);
    for (const [name, value] of entries(actor.attrs)) {
      starting(value, [...at, 'attrs', name]);
      if (isMap(value)) use('scale', [...at, 'attrs', name]);
    }
    for (const [posture, p] of items(actor.posture)) expression(posture.when, [...at, 'posture', p, 'when']);
    for (const [action, i] of items(actor.actions)) {
      const here: Path = [...at, 'actions', i];
      expression(action.utility, [...here, 'utility']);
      if (action.available !== undefined) use('available', [...here, 'available']);
      expression(action.available, [...here, 'available']);
      if (action.source !== undefined) use('actionSource', [...here, 'source']);
      effects(action.effects, [...here, 'effects']);
    }
    if (actor.fallback !== undefined) use('fallback', [...at, 'fallback']);
  }
  for (const [indicator, i] of items(data.indicators)) {
    starting(indicator.initial, ['indicators', i, 'initial']);
    for (const key of ['range', 'unit']) if (indicator[key] !== undefined) use('scale', ['indicators', i, key]);
    if (indicator.source !== undefined) use('indicatorSource', ['indicators', i, 'source']);
  }
  if (isMap(data.cooperation)) {
    for (const [a, row] of entries(data.cooperation.initial)) {
      for (const [b, value] of entries(row)) starting(value, ['cooperation', 'initial', a, b]);
    }
  }
  for (const [rule, r] of items(data.rules)) {
    expression(rule.when, ['rules', r, 'when']);
    expression(rule.chance, ['rules', r, 'chance']);
    effects(rule.effects, ['rules', r, 'effects']);
    if (isMap(rule.source)) use('structuredSource', ['rules', r, 'source']);
  }
  effects(data.dynamics, ['dynamics']);
  for (const [metric, m] of items(data.metrics)) {
    const kind = RUN_METRIC_KINDS.find((key) => metric[key] !== undefined);
    if (kind !== undefined) use('runMetric', ['metrics', m, kind]);
    for (const key of EXPRESSION_METRIC_KINDS) expression(metric[key], ['metrics', m, key]);
  }
  for (const [outcome, o] of items(data.outcomes)) expression(outcome.when, ['outcomes', o, 'when']);
  interventions(data.interventions, ['interventions']);
  for (const [variant, v] of items(data.variants)) {
    interventions(variant.interventions, ['variants', v, 'interventions']);
    if (variant.changes !== undefined) use('variantChanges', ['variants', v, 'changes']);
  }
  for (const [inject, i] of items(data.injects)) turn(inject.turn, ['injects', i, 'turn']);
  if (data.article !== undefined) use('article', ['article']);
  if (data.sources !== undefined) use('sources', ['sources']);
  if (data.expectations !== undefined) use('expectations', ['expectations']);
  return found;
}

/**
 * A construct of format 2 in a file that does not declare it: one problem for
 * each kind of construct, at its first use, so that a file using one says which
 * format it needs and an older sandtable can refuse it cleanly. Each file of an
 * `extends:` chain is checked on its own data: it declares the format it is
 * written in, whatever its base declares.
 */
export function undeclaredFormatProblems(data: unknown): Problem[] {
  if (declaresFormat2(data)) return [];
  return [...format2Uses(data)].map(([what, path]) => ({
    path,
    message: `uses ${FORMAT_2_CONSTRUCTS[what]}, which needs \`format: 2\` at the top of the file`,
  }));
}
