import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord, replay } from '../src/engine/record.js';
import { builtinForRecord } from '../src/scenarios/builtin-versions.js';
import { ROOT, sandtable } from './helpers.js';

const dir = join(ROOT, 'tests', 'golden');
const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();

describe('golden run records', () => {
  it('are all present', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of files) {
    it(`still replays ${name} exactly`, () => {
      const record = parseRecord(readFileSync(join(dir, name), 'utf8'));
      const result = replay(record, builtinForRecord(record.scenario));
      expect(result.ok ? 'verified' : `turn ${result.turn} differs`).toBe('verified');
    });
  }

  it('verify through the command line too', () => {
    const result = sandtable(['replay', join(dir, files[0]!), '--verify']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
