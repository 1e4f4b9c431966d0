import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioHash } from '../../src/scenarios/scenario-hash.js';
import { scenarioJsonSchema } from '../../src/scenarios/json-schema.js';
import { builtinSpec, BUILTIN_DIR, loadScenario, parseSpec } from '../../src/scenarios/load.js';
import { builtinSpecForHash } from '../../src/scenarios/builtin-versions.js';
import { ROOT } from '../helpers.js';

const ARTICLE = readFileSync(`${BUILTIN_DIR}niger-2024.article.txt`, 'utf8');

/** A file that extends niger-2024 with `extra` YAML. */
function course(extra: string) {
  return () => parseSpec(`extends: niger-2024\nid: course\n${extra}`, 'course.yaml');
}

describe('roles and injects in the scenario format', () => {
  it('gives niger-2024 role briefs for niger, usa and russia, each with goals', () => {
    const spec = builtinSpec('niger-2024');
    expect(spec.roles.map((role) => role.actor)).toEqual(['niger', 'usa', 'russia']);
    for (const role of spec.roles) {
      expect(role.brief.length).toBeGreaterThan(200);
      expect(role.goals.length).toBeGreaterThan(0);
    }
  });

  it('quotes the article in the briefs and injects of niger-2024, word for word', () => {
    const spec = builtinSpec('niger-2024');
    const texts = [...spec.roles.flatMap((role) => [role.brief, ...role.goals]), ...spec.injects.map((inject) => inject.brief)];
    const quotes = texts.flatMap((text) => [...text.matchAll(/"([^"]{12,})"/g)].map((match) => match[1]!));
    expect(quotes.length).toBeGreaterThan(15);
    // A quote may end where the article's sentence goes on, with its own full stop or comma.
    const flat = ARTICLE.replace(/\s+/g, ' ');
    for (const quote of quotes) expect(flat, quote).toContain(quote.replace(/[.,]$/, ''));
  });

  it('gives niger-2024 a default inject timeline of existing rules within its turns', () => {
    const spec = builtinSpec('niger-2024');
    const rules = new Set(spec.rules.map((rule) => rule.id));
    expect(spec.injects.length).toBeGreaterThanOrEqual(5);
    for (const inject of spec.injects) {
      expect(rules.has(inject.event), inject.event).toBe(true);
      expect(inject.turn).toBeGreaterThanOrEqual(1);
      expect(inject.turn).toBeLessThanOrEqual(spec.turns);
    }
    expect(spec.injects.map((inject) => inject.event)).toContain('us-flights-declared-illegal');
  });

  it('leaves roles and injects out of the scenario hash, so the golden records still hold', () => {
    const spec = builtinSpec('niger-2024');
    const bare = { ...spec, roles: [], injects: [] };
    expect(scenarioHash(spec, null)).toBe(scenarioHash(bare, null));
    // The golden records were made with version 1, which is kept so that they replay; its briefs and injects are outside its hash too.
    const golden = JSON.parse(readFileSync(`${ROOT}tests/golden/niger-2024-seed-1.json`, 'utf8'));
    const kept = builtinSpecForHash('niger-2024', null, golden.scenario.hash);
    expect(kept.version).toBe('1');
    expect(scenarioHash({ ...kept, roles: [], injects: [] }, null)).toBe(golden.scenario.hash);
    expect(scenarioHash(kept, null)).toBe(golden.scenario.hash);
  });

  it('refuses a role for an unknown actor, with a suggestion', () => {
    expect(course('roles:\n  - { actor: usaa, brief: You are Washington. }')).toThrow(/course\.yaml:4:\d+: roles\[0\]\.actor: unknown actor `usaa`; did you mean `usa`\?/);
  });

  it('refuses two roles for one actor', () => {
    expect(course('roles:\n  - { actor: usa, brief: One. }\n  - { actor: usa, brief: Two. }')).toThrow(/roles\[1\]\.actor: `usa` has two roles/);
  });

  it('refuses an inject of an unknown event, a turn after the scenario\'s last, and an id used twice', () => {
    expect(course('injects:\n  - { id: a, turn: 2, event: russian-suplies, brief: A plane. }')).toThrow(/injects\[0\]\.event: unknown event `russian-suplies`; did you mean `russian-supplies`\?/);
    expect(course('injects:\n  - { id: a, turn: 30, event: russian-supplies, brief: A plane. }')).toThrow(/injects\[0\]\.turn: turn 30 is after the scenario's last turn \(24\)/);
    expect(course('injects:\n  - { id: a, turn: 2, event: russian-supplies, brief: A. }\n  - { id: a, turn: 3, event: iran-ties, brief: B. }')).toThrow(/inject id `a` is used twice/);
    expect(course('injects:\n  - { id: a, turn: 0, event: russian-supplies, brief: A. }')).toThrow(/injects\[0\]\.turn: must be at least 1/);
  });

  it('lets a file that extends a scenario replace its roles and injects', () => {
    const spec = course('injects:\n  - { id: early-talks, turn: 1, event: us-reassessment-talks, brief: Talks open. }')();
    expect(spec.injects.map((inject) => inject.id)).toEqual(['early-talks']);
    expect(spec.roles.map((role) => role.actor)).toEqual(['niger', 'usa', 'russia']);
  });

  it('is in the JSON Schema for editors', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(scenarioJsonSchema());
    const data = parse(readFileSync(`${BUILTIN_DIR}niger-2024.yaml`, 'utf8'));
    expect(validate(data)).toBe(true);
    expect(validate({ ...data, injects: [{ id: 'a', turn: 1, event: 'iran-ties' }] })).toBe(false);
    expect(validate({ ...data, roles: [{ actor: 'usa', brief: 'x', mission: 'y' }] })).toBe(false);
  });
});
