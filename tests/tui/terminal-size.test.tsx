import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { mountApp } from './helpers.js';

afterEach(() => cleanup());

/** Make the test terminal report a size, and tell the app it changed, as a real one does. */
function resize(stdout: NodeJS.EventEmitter, columns: number, rows: number) {
  Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(stdout, 'rows', { value: rows, configurable: true });
  stdout.emit('resize');
}

describe('terminal size', () => {
  it('reflows to the new size when the terminal is resized', async () => {
    const app = mountApp();
    await app.waitFor('─ Actors');
    resize(app.stdout, 120, 40);
    await app.waitUntilLines(39);
    resize(app.stdout, 80, 24);
    await app.waitUntilLines(23);
    expect(app.frame()).toContain('Turn 0/24');
  });

  it('says what to do when resized too small, and comes back when there is room again', async () => {
    const app = mountApp();
    resize(app.stdout, 50, 15);
    await app.waitFor(/Window too small \(50×15\): sandtable needs at least\s+76×24/);
    expect(app.frame().split('\n').length).toBeLessThan(15);
    resize(app.stdout, 100, 30);
    await app.waitFor('─ Actors');
  });
});
