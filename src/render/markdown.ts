import { oneLine } from '../engine/text.js';
import type { Block, Chart, Inline, Line, LineChart, ReportDocument } from './document.js';
import { value } from './numbers.js';

/** Text made safe for Markdown: no control sequences, one line, no character Markdown would read as syntax. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|#&~!]/g, (char) => `\\${char}`);
}

/**
 * A code span that holds any text as it is. Its fence is one backtick longer
 * than the longest run of backticks inside, so nothing inside can close it;
 * it is padded with a space when the text starts or ends with a backtick or a
 * space (the parser removes one space on each side). In a table cell every `|`
 * is escaped, because tables are split into cells before code spans are read
 * (`\|` stands for a pipe there). Text with nothing to show is written plainly:
 * an empty span is no span at all.
 */
export function code(text: string, inTable = false): string {
  const clean = oneLine(text);
  if (clean.trim() === '') return escapeMarkdown(clean);
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(clean) ? ' ' : '';
  return `${fence}${pad}${inTable ? clean.replace(/\|/g, '\\|') : clean}${pad}${fence}`;
}

function inline(part: Inline, inTable: boolean): string {
  if (typeof part === 'string') return escapeMarkdown(part);
  if ('strong' in part) return `**${escapeMarkdown(part.strong)}**`;
  return code(part.code, inTable);
}

/** Inline parts in a row; two code spans side by side get a space between them, or their fences would run together into one. */
function line(parts: Line, inTable = false): string {
  let out = '';
  for (const part of parts) {
    const next = inline(part, inTable);
    out += out.endsWith('`') && next.startsWith('`') ? ` ${next}` : next;
  }
  return out;
}

/** An indicator chart block as a table: the value at the start, and each series at the end. */
function lineTable(charts: readonly LineChart[]): string[] {
  if (charts.length === 0) return [];
  const series = charts[0]!.series;
  const head = ['Indicator', 'Start', ...series.map((item) => `${item.label}, at the end`)];
  const rows = charts.map((chart) => [
    escapeMarkdown(chart.title),
    value(chart.series[chart.series.length - 1]!.values[0] ?? 0),
    ...chart.series.map((item) => value(item.values[item.values.length - 1] ?? 0)),
  ]);
  return [
    `| ${head.map(escapeMarkdown).join(' | ')} |`,
    `| --- | ${head.slice(1).map(() => '---:').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

function block(item: Block): string[] {
  switch (item.kind) {
    case 'heading':
      return [`${'#'.repeat(item.level)} ${escapeMarkdown(item.text)}`];
    case 'paragraph':
      return [line(item.line)];
    case 'list':
      return item.items.map((entry) => `- ${line(entry)}`);
    case 'quote':
      return [`> ${escapeMarkdown(item.text)}`];
    case 'table':
      return [
        `| ${item.head.map(escapeMarkdown).join(' | ')} |`,
        `| ${item.numeric.map((numeric) => (numeric ? '---:' : '---')).join(' | ')} |`,
        ...item.rows.map((row) => `| ${row.map((cell) => line(cell, true)).join(' | ')} |`),
      ];
    case 'charts':
      // Bars and differences repeat tables given just before them; indicators become a table of their own.
      return lineTable(item.charts.filter((chart: Chart): chart is LineChart => chart.kind === 'lines'));
  }
}

/** The report as Markdown that pastes into a course page. */
export function renderMarkdown(document: ReportDocument): string {
  const parts = [`# ${escapeMarkdown(document.title)}`];
  for (const item of document.blocks) {
    const lines = block(item);
    if (lines.length > 0) parts.push(lines.join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
