#!/usr/bin/env node
// `npm run bench [-- --json] [-- --quick] [-- --only ladder,batch,tui,sensitivity,evidence,host,html] [-- --million]`
//
// The benchmark ladder of sandtable: one reference model four ways (plain
// JavaScript, boardgame.io, sandtable's interactive and batch paths), checked
// equal before anything is timed; then niger-2024 through `sandtable batch`
// and the time to render one frame of the terminal UI, where those exist.
// Progress goes to stderr, the report to stdout.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

// boardgame.io logs every turn and checks every move's result outside production.
process.env.NODE_ENV = 'production';

const BENCH = new URL('.', import.meta.url).pathname;
const ROOT = join(BENCH, '..');

const argv = process.argv.slice(2);
const options = {
  json: argv.includes('--json'),
  quick: argv.includes('--quick'),
  million: argv.includes('--million'),
  only: (() => {
    const i = argv.indexOf('--only');
    return i >= 0 && argv[i + 1] ? new Set(argv[i + 1].split(',')) : new Set(['ladder', 'batch', 'tui', 'sensitivity', 'evidence', 'host', 'html']);
  })(),
};
for (const arg of argv) {
  if (arg.startsWith('--') && !['--json', '--quick', '--million', '--only'].includes(arg)) {
    process.stderr.write(`bench: unknown option ${arg} (use --json, --quick, --only ladder,batch,tui,sensitivity,evidence,host,html, --million)\n`);
    process.exit(2);
  }
}
const log = (line) => process.stderr.write(`${line}\n`);

/** Install bench/'s own dependencies (boardgame.io) when missing or out of date. */
function ensureDependencies() {
  const marker = join(BENCH, 'node_modules', '.package-lock.json');
  const lock = join(BENCH, 'package-lock.json');
  if (existsSync(marker) && existsSync(join(BENCH, 'node_modules', 'boardgame.io', 'package.json'))
    && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('bench: installing bench/ dependencies (npm ci --prefix bench)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--prefix', BENCH, '--no-audit', '--no-fund'], { stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    log('bench: npm ci --prefix bench failed');
    process.exit(1);
  }
}

function machine() {
  let nproc = cpus().length;
  try { nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()); } catch { /* os.cpus() */ }
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) cpu = match[1].trim();
  } catch { /* os.cpus() */ }
  let commit = 'unknown';
  let srcChanged = false;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    srcChanged = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
  } catch { /* not a checkout */ }
  return {
    nproc,
    cpu,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    /** The 1-minute load average when the benchmark started: other work on the machine skews figures. */
    loadAverage: Math.round(loadavg()[0] * 100) / 100,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    sandtable: srcChanged ? `${commit} with uncommitted changes in src/` : commit,
    date: new Date().toISOString(),
  };
}

const fmt = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('   ');
  return [line(header), ...rows.map(line)].join('\n');
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
    log('bench: dist/ is missing; run `npm run bench` (it builds first) or `npm run build`');
    process.exit(1);
  }
  if (options.only.has('ladder')) ensureDependencies();
  const report = { machine: machine() };
  /** Sections that ran and failed: reported, and the exit code is 1. */
  const failed = [];
  const out = [];
  const m = report.machine;
  out.push(`sandtable benchmark, ${m.date.slice(0, 10)}`);
  out.push(`machine: ${m.nproc} cores (nproc), ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, sandtable ${m.sandtable}, load ${m.loadAverage}`);

  if (options.only.has('ladder')) {
    const { checkEqual, ladderTargets, timeLadder } = await import('./ladder.mjs');
    log('ladder: checking that the four implementations give equal final states');
    const checked = checkEqual();
    const results = timeLadder({ reps: options.quick ? 3 : 7, sliceMs: options.quick ? 150 : 400, warmupMs: options.quick ? 250 : 600, log });
    // Check again after timing: the timed code is the checked code.
    checkEqual(16, 1000);
    const targets = ladderTargets(results);
    report.ladder = {
      model: '8 actors × 4 actions (logit), full 8 × 8 cooperation matrix, 6 indicators, 3 flags, 16 rules, 42 dynamics, 24 turns',
      equalFinalStates: { seeds: checked + 16, hash: 'sha256 of canonical JSON (hashOf)' },
      results,
      targets,
    };
    out.push('');
    out.push(`Ladder: the reference model (${report.ladder.model})`);
    out.push(`final states equal (hashOf) for all four on ${checked + 16} seeds, checked before and after timing`);
    out.push(`median of ${options.quick ? 3 : 7} alternated repetitions, after warm-up, in one process`);
    out.push('');
    out.push(table(
      ['implementation', 'turns/s', 'µs/turn', 'speed vs limit', 'cost vs limit'],
      results.map((r) => [r.title, fmt(r.turnsPerSecond), fmt(r.microsecondsPerTurn, 2), `${fmt(r.ratioToLimit * 100, 1)} %`, `${fmt(r.costToLimit, 2)} ×`]),
    ));
    out.push('');
    for (const t of targets) out.push(`${t.met ? 'met    ' : 'NOT met'}  ${t.target}: ${t.shown}`);
  }

  if (options.only.has('batch')) {
    const { batchMissing, measureBatch } = await import('./cli-batch.mjs');
    const missing = batchMissing();
    out.push('');
    if (missing !== null) {
      report.batch = { available: false, reason: missing };
      out.push(`Batch (niger-2024 via sandtable batch): not measured: ${missing}`);
    } else {
      try {
        report.batch = await measureBatch({ sliceSeconds: options.quick ? 4 : 12, reps: options.quick ? 2 : 3, million: options.million, log });
      } catch (error) {
        failed.push('batch');
        report.batch = { available: true, error: error.message };
        out.push(`Batch (niger-2024 via sandtable batch): FAILED: ${error.message}`);
      }
    }
    if (report.batch?.available && report.batch.error === undefined) {
      const b = report.batch;
      out.push(`Batch: niger-2024 via \`sandtable batch --json\`, one process per measurement, start-up ${fmt(b.startupMs)} ms`);
      out.push('');
      out.push(table(
        ['workers', 'runs', 'seconds', 'runs/s', 'runs/s without start-up', 'CPU time / wall time', 'runs per CPU second'],
        [['1', b.oneWorker], ['2', b.twoWorkers]].map(([workers, w]) => [
          workers, fmt(b.runs), fmt(w.seconds, 2), fmt(w.runsPerSecond), fmt(w.runsPerSecondNet),
          w.coresBusy === null ? '?' : fmt(w.coresBusy, 2), w.coresBusy === null ? '?' : fmt(w.runsPerSecond / w.coresBusy),
        ]),
      ));
      out.push('');
      out.push(table(
        ['runs (default workers)', 'seconds', 'runs/s', 'CPU time / wall time', 'peak memory (MiB)'],
        b.memory.map((row) => [
          fmt(row.runs), fmt(row.seconds, 1), fmt(row.runsPerSecond),
          row.cpuSeconds === null ? '?' : fmt(row.cpuSeconds / row.seconds, 2), row.peakMiB === null ? '?' : fmt(row.peakMiB),
        ]),
      ));
      out.push('');
      for (const t of b.targets) out.push(`${t.met ? 'met    ' : 'NOT met'}  ${t.target}: ${t.shown}`);
      if (b.twoWorkers.coresBusy !== null && b.twoWorkers.coresBusy < 1.6) {
        out.push(`note: 2 workers kept only ${fmt(b.twoWorkers.coresBusy, 2)} cores busy: other work on the machine competed for them`);
      }
    }
  }

  if (options.only.has('tui')) {
    const { tuiMissing, measureTuiFrame } = await import('./tui-frame.mjs');
    const missing = await tuiMissing();
    out.push('');
    if (missing !== null) {
      report.tui = { available: false, reason: missing };
      out.push(`TUI frame: not measured: ${missing}`);
    } else {
      try {
        report.tui = await measureTuiFrame({ log });
      } catch (error) {
        failed.push('tui');
        report.tui = { available: true, error: error.message };
        out.push(`TUI frame: FAILED: ${error.message}`);
      }
    }
    if (report.tui?.available && report.tui.error === undefined) {
      const t = report.tui;
      out.push(`TUI frame: ${t.description}`);
      out.push(table(
        ['what', 'median ms per frame', 'p95 ms'],
        t.results.map((r) => [r.what, fmt(r.medianMs, 2), fmt(r.p95Ms, 2)]),
      ));
    }
  }

  if (options.only.has('sensitivity')) {
    const { sensitivityMissing, measureSensitivity } = await import('./cli-sensitivity.mjs');
    const missing = sensitivityMissing();
    out.push('');
    if (missing !== null) {
      report.sensitivity = { available: false, reason: missing };
      out.push(`Sensitivity: not measured: ${missing}`);
    } else {
      try {
        report.sensitivity = await measureSensitivity({ quick: options.quick, log });
        const s = report.sensitivity;
        out.push(`Sensitivity: 8 parameters of niger-2024 (${s.scenario}) via \`sandtable sensitivity --json\`, one process each, default workers`);
        out.push(table(
          ['study', 'points', 'runs', 'seconds', 'runs/s', 'CPU time / wall time', 'peak memory (MiB)'],
          s.results.map((r) => [r.study, fmt(r.points), fmt(r.runs), fmt(r.seconds, 1), fmt(r.runsPerSecond),
            r.coresBusy === null ? '?' : fmt(r.coresBusy, 2), r.peakMiB === null ? '?' : fmt(r.peakMiB)]),
        ));
        for (const r of s.results) out.push(`${r.met ? 'met    ' : 'NOT met'}  ${r.target}: ${fmt(r.seconds, 1)} s`);
        if (options.quick) out.push('(--quick: the Sobol study was not run)');
      } catch (error) {
        failed.push('sensitivity');
        report.sensitivity = { available: true, error: error.message };
        out.push(`Sensitivity: FAILED: ${error.message}`);
      }
    }
  }

  if (options.only.has('host')) {
    const { measureHost } = await import('./host.mjs');
    out.push('');
    try {
      report.host = await measureHost({ log });
      const h = report.host;
      out.push(`Host: ${h.description}`);
      out.push(table(
        ['choices', 'median ms choice→ack', 'p99 ms', 'max ms', 'median ms end of turn→ack', 'host peak memory (MiB)'],
        [[fmt(h.choices), fmt(h.medianMs, 2), fmt(h.p99Ms, 2), fmt(h.maxMs, 2), fmt(h.endTurnMedianMs, 2), fmt(h.peakMiB)]],
      ));
      out.push('');
      for (const t of h.targets) out.push(`${t.met ? 'met    ' : 'NOT met'}  ${t.target}: ${t.shown}`);
    } catch (error) {
      failed.push('host');
      report.host = { error: error.message };
      out.push(`Host: FAILED: ${error.message}`);
    }
  }

  if (options.only.has('html')) {
    const { htmlMissing, measureReportHtml } = await import('./report-html.mjs');
    const missing = htmlMissing();
    out.push('');
    if (missing !== null) {
      report.html = { available: false, reason: missing };
      out.push(`HTML page: not measured: ${missing}`);
    } else {
      try {
        report.html = await measureReportHtml({ reps: options.quick ? 2 : 3, log });
        const h = report.html;
        out.push(`HTML page: ${h.description}`);
        out.push(table(
          ['what', 'ms'],
          [['first draw in process (cold)', fmt(h.firstDrawMs)], ['draw in process (median)', fmt(h.medianDrawMs)], ['sandtable report FILE --out F (median, start-up included)', fmt(h.medianReportCommandMs)]],
        ));
      } catch (error) {
        failed.push('html');
        report.html = { available: true, error: error.message };
        out.push(`HTML page: FAILED: ${error.message}`);
      }
    }
  }

  if (options.only.has('evidence')) {
    const { evidenceMissing, measureEvidence } = await import('./cli-evidence.mjs');
    const missing = evidenceMissing();
    out.push('');
    if (missing !== null) {
      report.evidence = { available: false, reason: missing };
      out.push(`Evidence: not measured: ${missing}`);
    } else {
      try {
        report.evidence = await measureEvidence({ quick: options.quick, log });
        out.push('Evidence: `sandtable check` and `calibrate` of niger-2024 (--json), one process each, default workers');
        out.push(table(
          ['what', 'runs', 'seconds', 'runs/s', 'CPU time / wall time', 'peak memory (MiB)'],
          report.evidence.results.map((r) => [r.what, fmt(r.runs), fmt(r.seconds, 1), fmt(r.runsPerSecond),
            r.coresBusy === null ? '?' : fmt(r.coresBusy, 2), r.peakMiB === null ? '?' : fmt(r.peakMiB)]),
        ));
        for (const r of report.evidence.results) if (r.target !== null) out.push(`${r.met ? 'met    ' : 'NOT met'}  ${r.target}: ${fmt(r.seconds, 1)} s`);
        if (options.quick) out.push('(--quick: the calibration was not run)');
      } catch (error) {
        failed.push('evidence');
        report.evidence = { available: true, error: error.message };
        out.push(`Evidence: FAILED: ${error.message}`);
      }
    }
  }

  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${out.join('\n')}\n`);
  if (failed.length > 0) {
    log(`bench: failed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  log(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
