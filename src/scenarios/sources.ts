import { ExpressionError } from './expression.js';
import type { ScenarioSpec, SourceSpec } from './format.js';
import { formatPath, type Problem } from './problem.js';
import type { ScenarioScope } from './scope.js';

// What each number and rule of a scenario rests on. A source is a sentence
// ("Article: "..."", "Modelling assumption: ...") or { quote, url, date, note }.
// Sources never change a run and are not part of the scenario hash.

/** How an entry is grounded: a quotation, a reference without a quotation, another stated source, an assumption, or nothing said. */
export type Basis = 'quote' | 'citation' | 'statement' | 'assumption' | 'none';

/** One number or rule and what it rests on. */
export interface SourceEntry {
  readonly kind: 'param' | 'start' | 'action' | 'rule';
  /** The parameter's name, the starting value's path, `ACTOR.ACTION` or the rule's id. */
  readonly id: string;
  /** Where it is written, such as `rules[3]`. */
  readonly field: string;
  readonly value?: number;
  readonly range?: readonly [number, number];
  readonly source: SourceSpec | null;
  readonly basis: Basis;
  readonly quotes: readonly string[];
}

/** The shortest quotation in a text source that counts as one: shorter quoted words are emphasis, not a quotation. */
const MIN_QUOTE = 12;
const ASSUMPTION = /^\s*modell?ing assumption\b/i;

/** The quotations a source makes: its `quote`, or the passages of a text source in double quotes. */
export function quotesOf(source: SourceSpec | null | undefined): string[] {
  if (source === null || source === undefined) return [];
  if (typeof source !== 'string') return source.quote === undefined ? [] : [source.quote];
  return [...source.matchAll(/"([^"]+)"/g)].map((match) => match[1]!).filter((quote) => quote.trim().length >= MIN_QUOTE);
}

/** How a source grounds what it is attached to. */
export function basisOf(source: SourceSpec | null | undefined): Basis {
  if (source === null || source === undefined) return 'none';
  if (quotesOf(source).length > 0) return 'quote';
  if (typeof source === 'string') return ASSUMPTION.test(source) ? 'assumption' : 'statement';
  if (source.url !== undefined) return 'citation';
  return 'assumption';
}

/** A source as one line of text: the text itself, or its quote, note, address and date. */
export function sourceText(source: SourceSpec): string {
  if (typeof source === 'string') return source;
  return [
    source.quote === undefined ? null : `"${source.quote}"`,
    source.note ?? null,
    source.url === undefined ? null : `<${source.url}>`,
    source.date === undefined ? null : `(${source.date})`,
  ].filter((part): part is string => part !== null).join(' ');
}

/** Every parameter, starting value, action and rule, in the file's order, with what it rests on. */
export function sourceEntries(spec: ScenarioSpec): SourceEntry[] {
  const out: SourceEntry[] = [];
  const sources = spec.sources ?? {};
  const entry = (kind: SourceEntry['kind'], id: string, path: (string | number)[], source: SourceSpec | undefined, extra: Partial<SourceEntry> = {}) => {
    out.push({ kind, id, field: formatPath(path), ...extra, source: source ?? null, basis: basisOf(source), quotes: quotesOf(source) });
  };
  for (const [name, param] of Object.entries(spec.params)) {
    if (typeof param === 'number') entry('param', name, ['params', name], undefined, { value: param });
    else entry('param', name, ['params', name], param.source, { value: param.value, ...(param.range === undefined ? {} : { range: param.range }) });
  }
  spec.indicators.forEach((indicator, i) => {
    const path = `ind.${indicator.id}`;
    entry('start', path, ['indicators', i, 'initial'], indicator.source ?? sources[path], { value: numberOf(indicator.initial) });
  });
  spec.actors.forEach((actor, a) => {
    for (const [field, prefix] of [['stance', 'stance'], ['salience', 'salience'], ['attrs', 'attr']] as const) {
      for (const [name, value] of Object.entries(actor[field])) {
        const path = `${prefix}.${actor.id}.${name}`;
        entry('start', path, ['actors', a, field, name], sources[path], { value: numberOf(typeof value === 'object' ? value.initial : value) });
      }
    }
  });
  for (const [a, row] of Object.entries(spec.cooperation.initial)) {
    for (const [b, value] of Object.entries(row)) {
      const path = `coop.${a}.${b}`;
      entry('start', path, ['cooperation', 'initial', a, b], sources[path] ?? (spec.cooperation.symmetric ? sources[`coop.${b}.${a}`] : undefined), { value: numberOf(value) });
    }
  }
  spec.actors.forEach((actor, a) => actor.actions.forEach((action, i) => {
    entry('action', `${actor.id}.${action.id}`, ['actors', a, 'actions', i], action.source);
  }));
  spec.rules.forEach((rule, r) => entry('rule', rule.id, ['rules', r], rule.source));
  return out;
}

/** The keys of `sources:` name starting values that exist. */
export function checkSourceKeys(spec: ScenarioSpec, scope: ScenarioScope, problems: Problem[]): void {
  for (const path of Object.keys(spec.sources ?? {})) {
    try {
      scope.target(path);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      problems.push({ path: ['sources', path], atKey: true, message: error.message });
    }
  }
}

/** Text with every run of white space one space, for comparing quotations with an article however it is wrapped. */
export function flatText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether an article (flattened by flatText) holds a quotation, white space
 * aside. A quotation may end with its own full stop or comma where the
 * article's sentence goes on.
 */
export function quoteFound(quote: string, flatArticle: string): boolean {
  const flat = flatText(quote);
  return flatArticle.includes(flat) || flatArticle.includes(flat.replace(/[.,;:]$/, ''));
}

/** A starting value as listed: its number, or none when it is an expression of parameters. */
function numberOf(value: number | string): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
