import { EXIT, UsageError } from '../errors.js';

/** A command stopped by SIGINT (Ctrl+C) or SIGTERM: one line, exit 130 or 143. */
export class Interrupted extends UsageError {
  constructor(signal: 'SIGINT' | 'SIGTERM') {
    super(
      `interrupted by ${signal}: the workers were stopped and no output file was written`,
      signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated,
    );
  }
}

/**
 * While `work` runs, SIGINT and SIGTERM abort its signal (instead of killing
 * the process) so it can stop its workers and remove its temporary files.
 */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onInt = () => controller.abort(new Interrupted('SIGINT'));
  const onTerm = () => controller.abort(new Interrupted('SIGTERM'));
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
