import { oneLine } from '../../engine/text.js';
import { compileScenario } from '../../scenarios/compile.js';
import { splitReference } from '../../scenarios/load.js';
import { flatText, quoteFound, sourceEntries, sourceText, type Basis, type SourceEntry } from '../../scenarios/sources.js';
import { articleOf } from '../article.js';
import { EXIT } from '../errors.js';
import { jsonText } from '../json.js';
import { asUsageError, specForCommand } from '../scenario.js';
import { printData } from '../terminal.js';
import { columns, plural } from '../text/format.js';

/** One quotation of an entry and whether the article holds it (null: there is no article to check against). */
interface CheckedQuote {
  readonly text: string;
  readonly found: boolean | null;
}

const BASIS_TEXT: Record<Basis, string> = {
  quote: 'quote',
  citation: 'citation',
  statement: 'source',
  assumption: 'assumption',
  none: 'assumption (no source)',
};

/**
 * `sandtable sources SCENARIO [--json]`: every parameter, starting value,
 * action and rule with what it rests on, which are assumptions, and whether
 * each quotation is in the scenario's article. Exit 1 when one is not.
 */
export function sourcesCommand(ref: string, options: { json?: boolean }): number {
  const { scenario: name } = splitReference(ref);
  const spec = specForCommand(name);
  const compiled = asUsageError(() => compileScenario(spec));
  const article = articleOf(name, spec);
  const flat = article === null ? '' : flatText(article.text);
  const entries = sourceEntries(spec).map((entry) => ({
    ...entry,
    quotes: entry.quotes.map((text): CheckedQuote => ({ text, found: article === null ? null : quoteFound(text, flat) })),
  }));
  const count = (basis: Basis) => entries.filter((entry) => entry.basis === basis).length;
  const quotes = entries.flatMap((entry) => entry.quotes);
  const missing = entries.flatMap((entry) => entry.quotes.filter((quote) => quote.found === false).map((quote) => ({ entry, quote })));
  const summary = {
    entries: entries.length,
    quote: count('quote'),
    citation: count('citation'),
    statement: count('statement'),
    assumption: count('assumption'),
    none: count('none'),
    quotations: quotes.length,
    notFound: missing.length,
  };
  const code = missing.length === 0 ? EXIT.ok : EXIT.checkFailed;
  if (options.json) {
    printData(jsonText({
      scenario: { id: spec.id, version: spec.version, hash: compiled.hash },
      article: article === null ? null : { file: article.file },
      summary,
      entries: entries.map(({ kind, id, field, value, range, basis, source, quotes: checked }) => ({
        kind, id, field, ...(value === undefined ? {} : { value }), ...(range === undefined ? {} : { range }), basis, source, quotes: checked,
      })),
    }, 2));
    return code;
  }
  const lines = [
    oneLine(`${spec.id} ${spec.version}: ${entries.length} numbers and rules: ${summary.quote} quote a source, ` +
      `${summary.citation} cite one, ${summary.statement} name one otherwise, ${summary.assumption + summary.none} are assumptions (${summary.none} with no source)`),
    article === null
      ? `no article: ${plural(quotes.length, 'quotation')} not checked (give the scenario \`article: FILE\`)`
      : oneLine(`article ${article.file}: ${plural(quotes.length, 'quotation')}, ${missing.length === 0 ? 'all found' : `${missing.length} not found`}`),
  ];
  for (const kind of ['param', 'start', 'action', 'rule'] as const) {
    const rows = entries.filter((entry) => entry.kind === kind).map((entry) => row(entry));
    if (rows.length === 0) continue;
    lines.push('', `${HEADINGS[kind]}:`, columns(rows));
  }
  if (missing.length > 0) {
    lines.push('', 'quotations not found in the article:');
    for (const { entry, quote } of missing) lines.push(oneLine(`  ${entry.field} (${entry.id}): "${quote.text}"`));
  }
  printData(`${lines.join('\n')}\n`);
  return code;
}

const HEADINGS: Record<SourceEntry['kind'], string> = {
  param: 'parameters',
  start: 'starting values',
  action: 'actions',
  rule: 'rules',
};

function row(entry: Omit<SourceEntry, 'quotes'> & { readonly quotes: readonly CheckedQuote[] }): string[] {
  const value = entry.value === undefined ? '' : entry.range === undefined ? String(entry.value) : `${entry.value} [${entry.range[0]}, ${entry.range[1]}]`;
  const missing = entry.quotes.some((quote) => quote.found === false);
  const basis = entry.basis === 'quote' && missing ? 'quote NOT FOUND' : BASIS_TEXT[entry.basis];
  return [entry.id, value, basis, entry.source === null ? '' : sourceText(entry.source)];
}
