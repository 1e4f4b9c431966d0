import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startProgress } from '../../src/cli/parallel/progress.js';

/** A stream that records what is written, pretending to be a terminal or not. */
function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      sink.text += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream & { text: string };
  sink.text = '';
  Object.assign(sink, { isTTY, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return sink;
}

describe('progress bar', () => {
  it('shows runs done, runs/s and time left on a terminal', () => {
    const out = stream(true);
    const progress = startProgress(1000, out);
    progress.update(500);
    progress.stop();
    expect(out.text).toMatch(/\/1000 runs \| [\d-]+ runs\/s \| .* left/);
  });

  it('draws nothing when the stream is not a terminal', () => {
    const out = stream(false);
    const progress = startProgress(1000, out);
    progress.update(500);
    progress.stop();
    expect(out.text).toBe('');
  });
});
