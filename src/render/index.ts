// After-action reports: a document built from the analysis, rendered as Markdown or HTML.
// The HTML renderer draws charts with Vega, which is loaded only when a page is asked for,
// so a Markdown report starts as quickly as the run it reports on.
import type { ReportInput } from './input.js';
import { renderMarkdown } from './markdown.js';
import { reportDocument } from './sections.js';

export type { ReportInput, RoleBrief, InjectBrief } from './input.js';
export { reportDocument } from './sections.js';

/** The formats `sandtable report` writes. */
export type ReportFormat = 'md' | 'html';

/** The after-action report in a format. */
export async function renderReport(input: ReportInput, format: ReportFormat): Promise<string> {
  const document = reportDocument(input);
  if (format !== 'html') return renderMarkdown(document);
  const { renderHtml } = await import('./html.js');
  return renderHtml(document);
}
