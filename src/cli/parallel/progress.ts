import cliProgress from 'cli-progress';

/** Progress of a long command, shown on stderr. */
export interface Progress {
  /** `done` of the total runs are finished. */
  update(done: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/**
 * A progress bar with runs/s and time left, drawn only when `stream` is a
 * terminal: piped or redirected stderr stays clean for logs.
 */
export function startProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total === 0) return SILENT;
  const bar = new cliProgress.SingleBar({
    format: 'sandtable {bar} {percentage}% | {value}/{total} runs | {speed} runs/s | {eta_formatted} left',
    stream,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
    fps: 5,
  }, cliProgress.Presets.shades_classic);
  const started = performance.now();
  bar.start(total, 0, { speed: '-' });
  return {
    update(done: number) {
      const seconds = (performance.now() - started) / 1000;
      bar.update(done, { speed: seconds > 0 ? Math.round(done / seconds) : '-' });
    },
    stop() {
      bar.stop();
    },
  };
}
