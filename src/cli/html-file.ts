import type { Analysis } from '../render/analysis/index.js';
import { UsageError } from './errors.js';
import { refuseInput, writeFileAtomic } from './files.js';
import { note } from './terminal.js';

/**
 * Check `--html FILE` before any run: an output over an input is refused as
 * `--out` is, and a shard has no summary to draw (its JSON is for `merge`).
 */
export function checkHtmlOption(path: string | undefined, sharded: boolean): void {
  if (path === undefined) return;
  if (sharded) throw new UsageError('a shard has no summary to draw: merge the shards with `sandtable merge --json`, then draw it with `sandtable report FILE --format html --out F`');
  refuseInput(path);
}

/** Write an analysis's charts to one self-contained HTML page, atomically. */
export async function writeAnalysisHtml(path: string, analysis: Analysis): Promise<void> {
  // The charting library is loaded only when a page is drawn: batch, compare and sweep start without it.
  const { analysisHtml } = await import('../render/analysis/index.js');
  writeFileAtomic(path, await analysisHtml(analysis));
  note(`wrote the charts to ${path}`);
}
