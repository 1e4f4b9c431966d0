import { z } from 'zod';

// The scenario file format. This schema is the single source of truth: the
// loader validates against it and the compiler reads the types it infers.

/** Limits that keep a scenario file from a stranger cheap to load. */
export const LIMITS = {
  actors: 64,
  issues: 32,
  indicators: 128,
  rules: 512,
  actionsPerActor: 32,
  effectsPerList: 64,
  variants: 64,
  text: 4000,
  turns: 600,
} as const;

const kebabId = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, such as "us-withdrawal"')
  .max(64);
const name = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a name of letters, digits and _, starting with a letter, such as "usPresence"')
  .max(64);
const text = z.string().max(LIMITS.text);
const unit = z.number().min(0).max(1);
const signed = z.number().min(-1).max(1);
/** An expression: text in the expression language, or a plain number or boolean. */
const expression = z.union([z.string().min(1).max(2000), z.number(), z.boolean()]);
const turn = z.number().int().min(0).max(LIMITS.turns);

export const effectSchema = z.union([
  z.strictObject({ add: z.record(z.string(), expression) }),
  z.strictObject({ set: z.record(z.string(), expression) }),
  z.strictObject({ toward: z.strictObject({ target: z.string(), goal: expression, rate: expression }) }),
  z.strictObject({ flag: z.record(name, z.boolean()) }),
  z.strictObject({ schedule: z.strictObject({ event: kebabId, in: z.number().int().min(1).max(LIMITS.turns) }) }),
  z.strictObject({ cancel: kebabId }),
]);
const effects = z.array(effectSchema).max(LIMITS.effectsPerList);

export const interventionSpecSchema = z.union([
  z.strictObject({ force: kebabId, turn }),
  z.strictObject({ block: kebabId, from: turn.optional(), to: turn.optional(), turn: turn.optional() }),
  z.strictObject({ set: z.string(), value: z.number(), turn }),
  z.strictObject({ choose: kebabId, action: kebabId, turn }),
]);

const actionSchema = z.strictObject({
  id: kebabId,
  title: text,
  tends: text,
  utility: expression,
  effects: effects.default([]),
});

const actorSchema = z.strictObject({
  id: kebabId,
  name: text,
  description: text.default(''),
  rationality: z.number().min(0).max(100).default(3),
  stance: z.record(name, signed).default({}),
  salience: z.record(name, unit).default({}),
  attrs: z.record(name, unit).default({}),
  posture: z.array(z.strictObject({ label: z.string().max(40), when: expression.optional() })).max(16).default([]),
  actions: z.array(actionSchema).max(LIMITS.actionsPerActor).default([]),
});

const ruleSchema = z.strictObject({
  id: kebabId,
  title: text,
  when: expression.optional(),
  chance: expression,
  once: z.boolean().default(false),
  effects: effects.default([]),
  narrative: text,
  source: text.min(1),
});

const variantSchema = z.strictObject({
  id: kebabId,
  title: text,
  description: text.default(''),
  params: z.record(name, z.number()).default({}),
  interventions: z.array(interventionSpecSchema).max(256).default([]),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id: kebabId,
  title: text,
  version: z.string().max(32),
  description: text.default(''),
  start: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, such as "2024-04"'),
  turns: z.number().int().min(1).max(LIMITS.turns).default(24),
  issues: z.array(z.strictObject({ id: name, title: text, description: text.default('') })).max(LIMITS.issues),
  params: z.record(name, z.number()).default({}),
  actors: z.array(actorSchema).min(1).max(LIMITS.actors),
  indicators: z
    .array(z.strictObject({ id: name, title: text, description: text.default(''), initial: unit }))
    .max(LIMITS.indicators),
  cooperation: z.strictObject({
    symmetric: z.boolean().default(true),
    default: unit.default(0.5),
    initial: z.record(kebabId, z.record(kebabId, unit)).default({}),
  }),
  flags: z.record(name, z.boolean()).default({}),
  rules: z.array(ruleSchema).max(LIMITS.rules),
  dynamics: effects.default([]),
  metrics: z.array(z.strictObject({ id: name, title: text, value: expression })).max(64).default([]),
  outcomes: z.array(z.strictObject({ id: kebabId, title: text, when: expression.optional() })).min(1).max(32),
  /** Interventions the scenario always applies (variants add to them). */
  interventions: z.array(interventionSpecSchema).max(256).default([]),
  variants: z.array(variantSchema).max(LIMITS.variants).default([]),
});

/** A scenario as written in a file (before defaults). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario as validated (defaults filled in). */
export type ScenarioSpec = z.output<typeof scenarioSchema>;
export type EffectSpec = z.output<typeof effectSchema>;
export type InterventionSpec = z.output<typeof interventionSpecSchema>;
export type VariantSpec = z.output<typeof variantSchema>;
