// Pages of charts for the analyses of many runs (batch, compare, sweep, sensitivity), drawn
// on the same chart path as the after-action report.
import type { SensitivitySummary } from '../../engine/analysis/sensitivity/summary.js';
import type { Comparison } from '../../engine/batch/comparison.js';
import type { BatchSummary } from '../../engine/batch/summary.js';
import type { SweepSummary } from '../../engine/batch/sweep-summary.js';
import { renderHtml } from '../html.js';
import { batchDocument } from './batch-document.js';
import { compareDocument } from './compare-document.js';
import { sensitivityDocument } from './sensitivity-document.js';
import { sweepDocument } from './sweep-document.js';

/** An analysis as its command's `--json` prints it, with the kind of command. */
export type Analysis =
  | { readonly kind: 'batch'; readonly summary: BatchSummary }
  | { readonly kind: 'compare'; readonly summary: Comparison }
  | { readonly kind: 'sweep'; readonly summary: SweepSummary }
  | { readonly kind: 'sensitivity'; readonly summary: SensitivitySummary };

/** The self-contained HTML page of an analysis: the same for the command's `--html` and for `report` of its `--json`. */
export function analysisHtml(analysis: Analysis): Promise<string> {
  switch (analysis.kind) {
    case 'batch': return renderHtml(batchDocument(analysis.summary));
    case 'compare': return renderHtml(compareDocument(analysis.summary));
    case 'sweep': return renderHtml(sweepDocument(analysis.summary));
    case 'sensitivity': return renderHtml(sensitivityDocument(analysis.summary));
  }
}
