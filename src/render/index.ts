// After-action reports: a document built from the analysis, rendered as Markdown or HTML.
import { renderHtml } from './html.js';
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
  return format === 'html' ? renderHtml(document) : renderMarkdown(document);
}
