#!/usr/bin/env node
// Writes the golden run records in tests/golden/. Run it once per deliberate
// change of results (a new scenario version or record format), never to make a
// failing verification pass: every future version must verify these files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordOf, run } from '../dist/engine/index.js';
import { loadScenario } from '../dist/scenarios/load.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'tests', 'golden');
mkdirSync(out, { recursive: true });

const cases = [
  { name: 'niger-2024-seed-1', ref: 'niger-2024', seed: 1, turns: 24 },
  { name: 'niger-2024-seed-4294967295', ref: 'niger-2024', seed: 4294967295, turns: 36 },
  { name: 'niger-2024-us-withdrawal', ref: 'niger-2024/us-withdrawal', seed: 2024, turns: 24 },
  { name: 'niger-2024-russian-expansion', ref: 'niger-2024/russian-expansion', seed: 7, turns: 24 },
  { name: 'niger-2024-negotiated-stay', ref: 'niger-2024/negotiated-stay', seed: 99, turns: 24 },
  { name: 'niger-2024-insurgent-surge', ref: 'niger-2024/insurgent-surge', seed: 123456, turns: 24 },
  {
    name: 'niger-2024-interventions',
    ref: 'niger-2024',
    seed: 31337,
    turns: 18,
    interventions: [
      { kind: 'choose', actor: 'usa', action: 'negotiate', turn: 1 },
      { kind: 'block', event: 'us-withdrawal-announced', from: 1, to: 6 },
      { kind: 'set', path: 'ind.insurgency', value: 0.8, turn: 4 },
      { kind: 'force', event: 'us-russia-cooperation', turn: 9 },
    ],
  },
];

for (const { name, ref, seed, turns, interventions = [] } of cases) {
  const record = recordOf(run(loadScenario(ref), { seed, turns, interventions }));
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(`${name}: ${record.finalHash}\n`);
}
