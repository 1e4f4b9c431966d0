import { closeSync, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { FileRefused, readBounded } from '../scenarios/bounded-read.js';
import { entrySchema, startEntrySchema, type JournalEntry, type StartEntry } from './journal-entry.js';

/** The largest journal a host resumes from: a class of thirty over 600 turns writes far less. */
export const MAX_JOURNAL_BYTES = 64 * 1024 * 1024;

/** A journal that cannot be read back, with a sentence saying why. */
export class JournalError extends Error {}

/**
 * An append-only journal on disk. Every line is written and flushed to the
 * disk (fsync) before `append` returns, so whatever the host acknowledged is
 * there after a crash or a power cut.
 */
export class Journal {
  /** Lines written since the last flush to the disk, while a group of messages is taken (see `group`). */
  private unsynced = 0;
  private grouping = false;

  private constructor(private fd: number | null, readonly path: string) {}

  /**
   * Take several entries with one flush to the disk at the end (a group
   * commit): `work` appends, then the lines are flushed before `group`
   * returns. Nothing taken in the group may be acknowledged before it returns.
   */
  group<T>(work: () => T): T {
    if (this.grouping) return work();
    this.grouping = true;
    try {
      return work();
    } finally {
      this.grouping = false;
      if (this.unsynced > 0 && this.fd !== null) {
        this.unsynced = 0;
        fsyncSync(this.fd);
      }
    }
  }

  /** A new journal holding the start entry; refuses a file that exists. Readable by its owner only (it holds the seats' tokens). */
  static create(path: string, start: StartEntry): Journal {
    const fd = openSync(path, 'wx', 0o600);
    const journal = new Journal(fd, path);
    journal.write(start);
    return journal;
  }

  /**
   * A journal read back to resume from: its start and entries. A last line
   * cut off by a crash mid-write (no newline at its end) was never
   * acknowledged: it is dropped from the file.
   */
  static resume(path: string): { journal: Journal; start: StartEntry; entries: JournalEntry[]; dropped: boolean } {
    // Read as every file from outside is (a regular file on disk, not under /proc, /sys or /dev, at most the cap),
    // then opened to append to it.
    let text: string;
    try {
      text = readBounded(path, { what: 'host journal', limit: MAX_JOURNAL_BYTES }, '').toString('utf8');
    } catch (error) {
      if (error instanceof FileRefused) throw new JournalError(error.message.replace(/^host journal  ?/, ''));
      throw error;
    }
    const fd = openSync(path, 'r+');
    try {
      const end = text.lastIndexOf('\n') + 1;
      const dropped = end < text.length;
      if (dropped) ftruncateSync(fd, Buffer.byteLength(text.slice(0, end)));
      const lines = text.slice(0, end).split('\n').slice(0, -1);
      const [first, ...rest] = lines;
      if (first === undefined) throw new JournalError('is empty: it has no start line');
      const start = parseLine(first, 1, startEntrySchema);
      const entries = rest.map((line, i) => parseLine(line, i + 2, entrySchema));
      return { journal: new Journal(fd, path), start, entries, dropped };
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Append one entry and flush it to the disk. */
  append(entry: JournalEntry): void {
    this.write(entry);
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }

  private write(entry: object): void {
    if (this.fd === null) throw new Error('the journal is closed');
    const bytes = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
    if (this.grouping) this.unsynced += 1;
    else fsyncSync(this.fd);
  }
}

function parseLine<T>(line: string, number: number, schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } }): T {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new JournalError(`line ${number} is not JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue === undefined || issue.path.length === 0 ? '' : ` field ${issue.path.map(String).join('.')}`;
    throw new JournalError(`line ${number} has an invalid${field}: ${issue?.message ?? 'not a journal entry'}`);
  }
  return parsed.data;
}
