// Writes schema/scenario.schema.json from the zod schema of the scenario format.
// Run with `npm run schema` (which builds dist/ first); a test checks the
// committed file equals a fresh generation.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText } from '../dist/scenarios/json-schema.js';

const target = new URL('./scenario.schema.json', import.meta.url);
writeFileSync(target, scenarioJsonSchemaText());
process.stderr.write(`wrote ${target.pathname}\n`);
