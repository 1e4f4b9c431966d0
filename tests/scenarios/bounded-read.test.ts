import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FileRefused, readBoundedText } from '../../src/scenarios/bounded-read.js';
import { tempDir } from './fixtures.js';

// The size a file's stat reports is a claim, not a bound: files under /proc
// report 0 bytes and go on for gigabytes. Here stat is made to claim 0 bytes
// for every file, and the reader must still stop at the limit.
const lying = vi.hoisted(() => ({ on: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fstatSync = ((fd: number) => {
    const stats = fs.fstatSync(fd);
    if (lying.on) Object.defineProperty(stats, 'size', { value: 0 });
    return stats;
  }) as typeof fs.fstatSync;
  return { ...fs, fstatSync, default: { ...fs, fstatSync } };
});

const KIND = { what: 'test file', limit: 100_000 };

describe('the bounded reader', () => {
  it('stops at the limit whatever stat says the size is', () => {
    const file = join(tempDir(), 'grown.json');
    writeFileSync(file, 'x'.repeat(KIND.limit * 3));
    lying.on = true;
    try {
      expect(() => readBoundedText(file, KIND)).toThrow(FileRefused);
      expect(() => readBoundedText(file, KIND)).toThrow(`test file ${file} is more than ${KIND.limit} bytes; test files are limited to ${KIND.limit} bytes`);
    } finally {
      lying.on = false;
    }
  });

  it('reads a file of exactly the limit, in chunks, whole', () => {
    const file = join(tempDir(), 'exact.json');
    const text = 'ab'.repeat(KIND.limit / 2);
    writeFileSync(file, text);
    lying.on = true;
    try {
      expect(readBoundedText(file, KIND)).toBe(text);
    } finally {
      lying.on = false;
    }
    expect(() => readBoundedText(file, { ...KIND, limit: KIND.limit - 1 })).toThrow(`is ${KIND.limit} bytes; test files are limited to ${KIND.limit - 1} bytes`);
  });
});
