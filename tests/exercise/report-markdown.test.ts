import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, HtmlRenderer } from 'commonmark';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { code, escapeMarkdown } from '../../src/render/markdown.js';
import { scratch } from '../batch/cli.js';
import { sandtable } from '../helpers.js';

// A file name or id shown as code in the Markdown report is shown as it is,
// whatever it holds: it cannot close its code span early and put live HTML
// in a course page (both CommonMark parsers, raw HTML allowed).

const markdownIt = new MarkdownIt({ html: true });
const toHtml = (markdown: string) => new HtmlRenderer().render(new Parser().parse(markdown));
const NAME = 'run``<img src=x onerror=alert(1)>``.json';

describe('text in the Markdown report', () => {
  it('keeps named entities as text, so they cannot bring back the controls the sanitiser removed', () => {
    const markdown = escapeMarkdown('abc&rlm;&lrm;xyz&NewLine;&Tab; ~~s~~ ![i](x)');
    for (const html of [markdownIt.render(markdown), toHtml(markdown)]) {
      expect(html).not.toMatch(/[\u200e\u200f\n\t].*<\/p>/s);
      expect(html).toContain('abc&amp;rlm;&amp;lrm;xyz&amp;NewLine;&amp;Tab; ~~s~~ ![i](x)');
      expect(html).not.toMatch(/<(s|del|img)\b/);
    }
  });
});

describe('a code span in the Markdown report', () => {
  it('holds a name with two backticks and an <img onerror> whole, as text', () => {
    const markdown = `See ${code(NAME)} here.`;
    for (const html of [markdownIt.render(markdown), toHtml(markdown)]) {
      expect(html).not.toMatch(/<img/);
      expect(html).toContain('<code>run``&lt;img src=x onerror=alert(1)&gt;``.json</code>');
    }
  });

  it('holds text that starts or ends with a backtick or a space, and gives a blank text no span', () => {
    expect(markdownIt.renderInline(code('`a`'))).toBe('<code>`a`</code>');
    expect(markdownIt.renderInline(code(' a'))).toBe('<code> a</code>');
    expect(code('   ')).not.toContain('`');
  });

  it('keeps a pipe inside its table cell', () => {
    const markdown = `| a | b |\n| --- | --- |\n| ${code('x|<img src=x onerror=alert(1)>', true)} | y |`;
    const html = markdownIt.render(markdown);
    expect(html).not.toMatch(/<img/);
    expect(html).toContain('<td><code>x|&lt;img src=x onerror=alert(1)&gt;</code></td>');
  });
});

describe('sandtable report of a record named to break out of a code span', () => {
  it('writes Markdown in which the name is text, never HTML', () => {
    const dir = scratch('report-markdown');
    const record = join(dir, 'plain.json');
    expect(sandtable(['run', '--seed', '1', '--turns', '2', '--record', record]).code).toBe(0);
    const hostile = join(dir, NAME);
    copyFileSync(record, hostile);
    const result = sandtable(['report', hostile, '--runs', '2']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('<img src=x onerror=alert(1)>');
    for (const html of [markdownIt.render(result.stdout), toHtml(result.stdout)]) expect(html).not.toMatch(/<img/);
  });
});
