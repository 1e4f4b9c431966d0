import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/scenarios/json-schema.js';
import { BUILTIN_DIR } from '../../src/scenarios/load.js';
import { sandtable } from '../helpers.js';
import { tempDir, TINY } from './fixtures.js';

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(scenarioJsonSchema());

describe('the JSON Schema for editors', () => {
  it('is committed exactly as generated from the zod schema (run `npm run schema` after changing the format)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('accepts the built-in scenario, a small scenario and the files init writes', () => {
    const dir = tempDir();
    expect(sandtable(['init', join(dir, 'copy.yaml')]).code).toBe(0);
    expect(sandtable(['init', '--extends', 'niger-2024', join(dir, 'changes.yaml')]).code).toBe(0);
    expect(sandtable(['init', '--from', 'niger-2024/us-withdrawal', join(dir, 'variant.json')]).code).toBe(0);
    const files = [`${BUILTIN_DIR}niger-2024.yaml`, join(dir, 'copy.yaml'), join(dir, 'changes.yaml'), join(dir, 'variant.json')];
    for (const file of files) {
      expect(validate(parse(readFileSync(file, 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate(parse(TINY))).toBe(true);
    expect(validate({ extends: 'niger-2024', id: 'slow', params: { russianGrowth: 0.01 }, rules: [{ id: 'iran-ties', when: null }] })).toBe(true);
  });

  it('flags what the loader refuses: unknown fields, wrong types, values out of range', () => {
    const tiny = parse(TINY);
    expect(validate({ ...tiny, rationalty: 2 })).toBe(false);
    expect(validate({ ...tiny, turns: 'six' })).toBe(false);
    expect(validate({ ...tiny, indicators: [{ id: 'presence', title: 'P', initial: 1.5 }] })).toBe(false);
    expect(validate({ extends: 'niger-2024', id: 'slow', actors: [{ name: 'no id' }] })).toBe(false);
  });

  it('describes fields, so that editors can explain them', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toContain('Probability of firing this turn, 0 to 1.');
  });
});
