import { z } from 'zod';
import {
  actionSchema, actorSchema, cooperationSchema, indicatorSchema, issueSchema, LIMITS, metricSchema, outcomeSchema,
  ruleSchema, scenarioSchema, variantSchema,
} from './format.js';

// The format of a file that `extends:` another scenario: every field optional,
// lists of things with ids hold changes by id, and null removes a field. The
// merged result is then checked against the full scenarioSchema.

/** `extends:` a built-in scenario id or a path to another scenario file. */
export const extendsSchema = z.string().min(1).max(1000)
  .describe('The scenario this file builds on: a built-in id such as "niger-2024", or a path to a .yaml, .yml or .json file (relative to this file).');

type Shape = Record<string, z.ZodType>;

/** Every field optional and removable with null. */
function loosen(shape: Shape): Shape {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.nullable().optional()]));
}

/** An item of a list merged by id: the id, any fields to change, or `remove: true`. */
function change<T extends Shape>(schema: z.ZodObject<T>, lists: Shape = {}) {
  return z.strictObject({
    ...loosen({ ...schema.shape, ...lists }),
    id: schema.shape.id,
    remove: z.boolean().optional().describe('true removes the item with this id from the base scenario.'),
  });
}

const actorChange = change(actorSchema, { actions: z.array(change(actionSchema)).max(LIMITS.actionsPerActor) });

const lists: Shape = {
  issues: z.array(change(issueSchema)).max(LIMITS.issues),
  actors: z.array(actorChange).max(LIMITS.actors),
  indicators: z.array(change(indicatorSchema)).max(LIMITS.indicators),
  rules: z.array(change(ruleSchema)).max(LIMITS.rules),
  metrics: z.array(change(metricSchema)).max(64),
  outcomes: z.array(change(outcomeSchema)).max(32),
  variants: z.array(change(variantSchema)).max(LIMITS.variants),
  cooperation: z.strictObject(loosen(cooperationSchema.shape)),
};

/** A scenario file that extends another: the changes it makes. */
export const overlaySchema = z.strictObject({
  ...loosen({ ...scenarioSchema.shape, ...lists }),
  $schema: scenarioSchema.shape.$schema,
  extends: extendsSchema,
  id: scenarioSchema.shape.id.describe('This scenario\'s own id; it must differ from the one it extends, so runs of the two are never mixed up.'),
});
