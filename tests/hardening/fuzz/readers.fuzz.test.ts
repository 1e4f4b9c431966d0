import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_FORMAT, RECORD_FORMAT_VERSION } from '../../../src/engine/record.js';
import { SHARD_FORMAT, SHARD_FORMAT_VERSION } from '../../../src/engine/batch/shard-file.js';
import { TINY } from '../../scenarios/fixtures.js';
import { expectResultOrDocumentedError, FuzzWorker, fuzzSettings, PROPERTY_TIMEOUT_MS } from './harness.js';
import { junk, mutated } from './mutations.js';

// The readers every outside file goes through: the bounded reader (any file,
// or a link to anything, with any limit) gives text within the limit or a
// FileRefused; the versioned JSON reader gives a record or shard or its
// documented error; YAML alias graphs of any shape give data or a
// ScenarioError, never a blow-up. Never a crash or a hang.

const FILE_CASES = 300;
const VERSIONED_CASES = 400;
const ALIAS_CASES = 300;
const LIMIT_MS = 20_000;

const dir = mkdtempSync(join(tmpdir(), 'sandtable-fuzz-readers-'));
execFileSync('mkfifo', [join(dir, 'pipe')]);
mkdirSync(join(dir, 'folder'));

/** What a fuzzed path is: bytes in a regular file, or a link to something that is not one. */
const fileKind = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('bytes'), bytes: fc.uint8Array({ maxLength: 3000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('text'), bytes: fc.string({ unit: 'grapheme', maxLength: 2000 }).map((text) => Buffer.from(text)) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('link'),
      target: fc.constantFrom('/proc/self/pagemap', '/proc/self/mem', '/proc/self/status', '/proc/version', '/sys/kernel/address_bits',
        '/dev/zero', '/dev/urandom', '/dev/null', '/dev/shm', join(dir, 'pipe'), join(dir, 'folder'), join(dir, 'nowhere'), '/'),
      hops: fc.integer({ min: 1, max: 3 }),
    }),
  },
);

describe('the readers of outside files, fuzzed', () => {
  const worker = new FuzzWorker();
  afterAll(async () => {
    await worker.close();
    rmSync(dir, { recursive: true, force: true });
  });
  let n = 0;

  it(`the bounded reader reads or refuses ${FILE_CASES} files and links, never past its limit`, async () => {
    await fc.assert(fc.asyncProperty(fileKind, fc.integer({ min: 0, max: 4096 }), async (file, limit) => {
      n += 1;
      const path = join(dir, `case-${n}.json`);
      if (file.kind === 'link') {
        let target = file.target;
        for (let hop = 1; hop < file.hops; hop += 1) {
          symlinkSync(target, `${path}.${hop}`);
          target = `${path}.${hop}`;
        }
        symlinkSync(target, path);
      } else {
        writeFileSync(path, file.bytes);
      }
      const outcome = await worker.run('bounded', { path, limit }, LIMIT_MS);
      expectResultOrDocumentedError(outcome, file);
      if (file.kind === 'link') {
        // Nothing but a regular file on disk is read.
        expect(outcome.kind, JSON.stringify(file)).toBe('error');
        if (outcome.kind === 'error') expect(outcome.name).toBe('FileRefused');
      }
      if (outcome.kind === 'error') expect(outcome.message.split('\n')).toHaveLength(1);
    }), fuzzSettings(FILE_CASES));
  }, PROPERTY_TIMEOUT_MS);

  it(`the versioned reader reads or refuses ${VERSIONED_CASES} headers and bodies`, async () => {
    const header = fc.record({
      format: fc.oneof(fc.constantFrom(RECORD_FORMAT, SHARD_FORMAT, '', 'sandtable'), junk),
      formatVersion: fc.oneof(fc.constantFrom(RECORD_FORMAT_VERSION, SHARD_FORMAT_VERSION, 0, 2, '1', null, 1e308, -1), fc.anything()),
    }, { requiredKeys: [] });
    const body = fc.oneof(
      header.map((data) => JSON.stringify(data)),
      fc.tuple(header, fc.dictionary(junk, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 })).map(([data, rest]) => JSON.stringify({ ...rest, ...data })),
      mutated(JSON.stringify({ format: RECORD_FORMAT, formatVersion: RECORD_FORMAT_VERSION, turns: 1 })),
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
    );
    await fc.assert(fc.asyncProperty(body, async (text) => {
      const outcome = await worker.run('versioned', { text }, LIMIT_MS);
      expectResultOrDocumentedError(outcome, text);
    }), fuzzSettings(VERSIONED_CASES));
  }, PROPERTY_TIMEOUT_MS);

  it(`YAML alias graphs of ${ALIAS_CASES} shapes give data or a problem, never a blow-up`, async () => {
    // Anchors a0..aN, each a list of earlier aliases and text; the last is used by the scenario.
    const graph = fc.array(fc.record({
      uses: fc.array(fc.nat(), { maxLength: 9 }),
      text: fc.constantFrom('', 'x', 'x'.repeat(100), 'x'.repeat(5000)),
      copies: fc.integer({ min: 1, max: 3 }),
    }), { minLength: 1, maxLength: 12 });
    await fc.assert(fc.asyncProperty(graph, async (nodes) => {
      const lines = nodes.map((node, i) => {
        const items = [...node.uses.filter(() => i > 0).map((use) => `*a${use % i}`), ...Array(node.copies).fill(JSON.stringify(node.text))];
        return `x-a${i}: &a${i} [${items.join(', ')}]`;
      });
      const text = `${TINY}${lines.join('\n')}\n`;
      const outcome = await worker.run('spec', { text, file: 'aliases.yaml' }, LIMIT_MS);
      expectResultOrDocumentedError(outcome, text);
    }), fuzzSettings(ALIAS_CASES));
  }, PROPERTY_TIMEOUT_MS);
});
