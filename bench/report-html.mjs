// The time to draw the HTML page of a 10,000-run batch: the batch is run
// once (not timed) for its --json; then the page is drawn from it in this
// process (Vega-Lite compiled and rendered to SVG for every chart), and by
// `sandtable report FILE --out F` as a fresh process, start-up included.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'sandtable.js');
const RUNS = 10_000;

/** Is the chart path there to measure? Returns null when it is, else why not. */
export function htmlMissing() {
  if (!existsSync(join(ROOT, 'dist', 'render', 'analysis', 'index.js'))) return 'the analysis pages are not built yet (no src/render/analysis)';
  return null;
}

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function measureReportHtml({ reps = 3, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'sandtable-bench-html-'));
  try {
    log(`html: running a batch of ${RUNS} runs for its --json (not timed)`);
    const batch = spawnSync(process.execPath, [BIN, 'batch', 'niger-2024', '--runs', String(RUNS), '--seed', '1', '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    if (batch.status !== 0) throw new Error(`sandtable batch exited ${batch.status}: ${batch.stderr.trim().split('\n')[0]}`);
    const json = join(dir, 'batch.json');
    writeFileSync(json, batch.stdout);
    const summary = JSON.parse(batch.stdout);
    const { analysisHtml } = await import(pathToFileURL(join(ROOT, 'dist', 'render', 'analysis', 'index.js')).href);
    const inProcess = [];
    let html = '';
    for (let rep = 0; rep < reps + 1; rep += 1) {
      const start = process.hrtime.bigint();
      html = await analysisHtml({ kind: 'batch', summary });
      inProcess.push(ms(start));
    }
    const command = [];
    for (let rep = 0; rep < reps; rep += 1) {
      const start = process.hrtime.bigint();
      const report = spawnSync(process.execPath, [BIN, 'report', json, '--out', join(dir, 'batch.html')], { cwd: ROOT, encoding: 'utf8' });
      command.push(ms(start));
      if (report.status !== 0) throw new Error(`sandtable report exited ${report.status}: ${report.stderr.trim().split('\n')[0]}`);
    }
    if (readFileSync(join(dir, 'batch.html'), 'utf8') !== html) throw new Error('report wrote another page than the one drawn in process');
    return {
      available: true,
      description: `the page of a ${RUNS}-run batch of niger-2024 (${(html.match(/<figure>/g) ?? []).length} charts, ${Math.round(html.length / 1024)} KiB)`,
      firstDrawMs: inProcess[0],
      medianDrawMs: median(inProcess.slice(1)),
      medianReportCommandMs: median(command),
      bytes: html.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
