import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { scenarioSchema } from './format.js';
import { overlaySchema } from './overlay.js';

/** The generated JSON Schema in the package (the same place from src/ and from dist/). */
export const SCHEMA_FILE = fileURLToPath(new URL('../../schema/scenario.schema.json', import.meta.url));

function generate(schema: z.ZodType): Record<string, unknown> {
  // io: 'input' describes files as written: fields with defaults are optional.
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
}

/**
 * The JSON Schema of scenario files, generated from the zod schemas so that the
 * two never disagree: a complete scenario, or with `extends:` the changes to one.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'sandtable scenario',
    description: 'A sandtable scenario file (YAML or JSON). With `extends:`, only the changes to another scenario. ' +
      'Generated from src/scenarios/format.ts by `npm run schema`; see docs/writing-scenarios.md.',
    if: { type: 'object', required: ['extends'] },
    then: { $ref: '#/$defs/overlay' },
    else: { $ref: '#/$defs/scenario' },
    $defs: { scenario: generate(scenarioSchema), overlay: generate(overlaySchema) },
  };
}

/** The schema file's text, exactly as committed. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
