import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './errors.js';
import { describeIoError, refuseInput } from './files.js';

/**
 * A file written as a stream to a temporary file beside its target and
 * renamed into place only when complete: a reader never sees half a file, and
 * an interrupted command leaves nothing behind.
 */
export class OutputFile {
  private fd: number | null;
  private readonly temporary: string;

  private constructor(readonly path: string) {
    refuseInput(path);
    this.temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      this.fd = openSync(this.temporary, 'wx');
    } catch (error) {
      throw new UsageError(`cannot write ${path}: ${describeIoError(error)}`);
    }
  }

  /** Start writing `path`. */
  static open(path: string): OutputFile {
    return new OutputFile(path);
  }

  /** Append text. */
  write(text: string): void {
    if (this.fd === null || text === '') return;
    try {
      writeSync(this.fd, text);
    } catch (error) {
      this.discard();
      throw new UsageError(`cannot write ${this.path}: ${describeIoError(error)}`);
    }
  }

  /** Finish: flush to disk and rename into place. */
  commit(): void {
    if (this.fd === null) return;
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = null;
      renameSync(this.temporary, this.path);
    } catch (error) {
      this.discard();
      throw new UsageError(`cannot write ${this.path}: ${describeIoError(error)}`);
    }
  }

  /** Give up: remove the temporary file. */
  discard(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // Already closed or gone: removing the file is what matters.
      }
      this.fd = null;
    }
    rmSync(this.temporary, { force: true });
  }
}
