import { Parser, type Node } from 'commonmark';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { oneLine } from '../../../src/engine/text.js';
import type { Block, Inline, Line, LineChart, ReportDocument } from '../../../src/render/document.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { fuzzSettings } from './harness.js';

// The Markdown writer on generated documents whose every text (titles, names,
// narratives, table cells, code spans such as file names) is hostile: raw
// HTML, backtick runs that try to close a code span, pipes that try to split
// a table cell, link and image syntax, control and bidirectional characters.
// Parsed by two CommonMark parsers with raw HTML on (markdown-it, which also
// reads GitHub tables, and commonmark.js, the reference), the Markdown holds
// no raw HTML, no link and no image: the writer makes none itself, so any
// would have come from the input. Every code span holds exactly one of the
// texts given as code (a span that closed early would hold a piece of one).

const CASES = 1500;

const TOKENS = [
  '`', '``', '```', '````', ' `', '` ', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<!-- x -->', '<!--',
  '<?php ?>', '<![CDATA[x]]>', '</p>', '<div>', '<a href="javascript:alert(1)">x</a>', '<http://evil.example>',
  '<mailto:x@example.com>', '[x](javascript:alert(1))', '![x](y.png)', '[x]: http://evil.example', '|', '\\|', '\\\\|', '\\',
  '\\`', '*', '**', '_', '#', '> ', '- ', '1. ', '    ', '\n', '\r\n', '\r', '\u2028', '&lt;img src=x onerror=alert(1)&gt;',
  '&#60;img&#62;', '<', '>', ' ', '\t', '\u202e', '\u2066', '\u001b[2J', '\u009b31m', '~~~', '---', '===', '<details open ontoggle=alert(1)>',
  'a.json', 'niger-2024',
];

const text: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 8 })
  .map((parts) => parts.join(''));

const inline: fc.Arbitrary<Inline> = fc.oneof(text, text.map((strong) => ({ strong })), text.map((code) => ({ code })));
const line: fc.Arbitrary<Line> = fc.array(inline, { minLength: 1, maxLength: 5 });

const chart: fc.Arbitrary<LineChart> = fc.record({
  kind: fc.constant('lines' as const),
  title: text,
  months: fc.constant(['April 2024', 'May 2024']),
  min: fc.constant(0),
  max: fc.constant(1),
  series: fc.array(fc.record({ label: text, values: fc.constant([0.1, 0.2]), style: fc.constant('run' as const) }), { minLength: 1, maxLength: 2 }),
});

const table: fc.Arbitrary<Block> = fc.integer({ min: 1, max: 4 }).chain((width) => fc.record({
  kind: fc.constant('table' as const),
  head: fc.array(text, { minLength: width, maxLength: width }),
  rows: fc.array(fc.array(line, { minLength: width, maxLength: width }), { maxLength: 3 }),
  numeric: fc.array(fc.boolean(), { minLength: width, maxLength: width }),
}));

const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ kind: fc.constant('heading' as const), level: fc.constantFrom(2 as const, 3 as const), text }),
  fc.record({ kind: fc.constant('paragraph' as const), line }),
  fc.record({ kind: fc.constant('list' as const), items: fc.array(line, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('quote' as const), text }),
  table,
  fc.record({ kind: fc.constant('charts' as const), charts: fc.array(chart, { minLength: 1, maxLength: 2 }) }),
);

const documents: fc.Arbitrary<ReportDocument> = fc.record({ title: text, blocks: fc.array(block, { maxLength: 6 }) });

/** Every text given as code, as a code span shows it. */
function codes(document: ReportDocument): Set<string> {
  const out = new Set<string>();
  const ofLine = (parts: Line) => {
    for (const part of parts) if (typeof part !== 'string' && 'code' in part) out.add(oneLine(part.code));
  };
  for (const item of document.blocks) {
    if (item.kind === 'paragraph') ofLine(item.line);
    if (item.kind === 'list') item.items.forEach(ofLine);
    if (item.kind === 'table') item.rows.forEach((row) => row.forEach(ofLine));
  }
  return out;
}

const markdownIt = new MarkdownIt({ html: true });
const commonmark = new Parser();

interface Found {
  readonly kinds: string[];
  readonly code: string[];
}

/** What markdown-it makes of the text: the kinds of token, and the content of every code span. */
function withMarkdownIt(markdown: string): Found {
  const found: Found = { kinds: [], code: [] };
  const walk = (tokens: readonly { type: string; content: string; children: unknown }[]) => {
    for (const token of tokens) {
      found.kinds.push(token.type);
      if (token.type === 'code_inline') found.code.push(token.content);
      if (Array.isArray(token.children)) walk(token.children);
    }
  };
  walk(markdownIt.parse(markdown, {}));
  return found;
}

/** What commonmark.js makes of it. */
function withCommonmark(markdown: string): Found {
  const found: Found = { kinds: [], code: [] };
  const walker = commonmark.parse(markdown).walker();
  for (let event = walker.next(); event !== null; event = walker.next()) {
    if (!event.entering) continue;
    const node: Node = event.node;
    found.kinds.push(node.type);
    if (node.type === 'code') found.code.push(node.literal ?? '');
  }
  return found;
}

describe('the Markdown writer, fuzzed', () => {
  it(`writes no raw HTML, link or image from ${CASES} hostile documents, and every code span holds one whole code text`, () => {
    fc.assert(fc.property(documents, (document) => {
      const markdown = renderMarkdown(document);
      const allowed = codes(document);
      const it = withMarkdownIt(markdown);
      expect(it.kinds.filter((kind) => /^html_|^link_|^image$/.test(kind)), markdown).toEqual([]);
      for (const content of it.code) expect(allowed, markdown).toContain(content);
      expect(markdownIt.render(markdown), markdown).not.toMatch(/<(img|script|a|div|details)\b/i);
      const cm = withCommonmark(markdown);
      expect(cm.kinds.filter((kind) => ['html_inline', 'html_block', 'link', 'image'].includes(kind)), markdown).toEqual([]);
      // commonmark.js reads no tables: a table row is a paragraph there, where `\|` in a span is two characters.
      for (const content of cm.code) expect([...allowed].map((code) => [code, code.replace(/\|/g, '\\|')]).flat(), markdown).toContain(content);
    }), fuzzSettings(CASES));
  });
});
