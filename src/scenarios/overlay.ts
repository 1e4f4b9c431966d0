import { z } from 'zod';
import {
  actionSchema, effectSchema, actorSchema, cooperationSchema, indicatorSchema, issueSchema, LIMITS, metricSchema, outcomeSchema,
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

/** A list of changes by id, or (format 2) an edit: items to add, changes by id, ids to remove. */
function editable(item: z.ZodType, added: z.ZodType, most: number) {
  return z.union([
    z.array(item).max(most),
    z.strictObject({
      add: z.array(added).max(most).optional().describe('Items to add, each with a new id.'),
      change: z.record(z.string(), z.record(z.string(), z.unknown())).optional().describe('The id of a base item → the fields it changes.'),
      remove: z.array(z.string()).max(most).optional().describe('Ids of base items to remove.'),
    }).describe('Add, change or remove single items by id (format 2).'),
  ]);
}

/** An effect list: a plain list replaces the base's; an edit changes it by effect id. */
const effectList = editable(effectSchema, effectSchema, LIMITS.effectsPerList);
const actionChange = change(actionSchema, { effects: effectList });
const actorChange = change(actorSchema, { actions: editable(actionChange, actionSchema, LIMITS.actionsPerActor) });

const lists: Shape = {
  issues: editable(change(issueSchema), issueSchema, LIMITS.issues),
  actors: editable(actorChange, actorSchema, LIMITS.actors),
  indicators: editable(change(indicatorSchema), indicatorSchema, LIMITS.indicators),
  rules: editable(change(ruleSchema, { effects: effectList }), ruleSchema, LIMITS.rules),
  metrics: editable(change(metricSchema), metricSchema, 64),
  outcomes: editable(change(outcomeSchema), outcomeSchema, 32),
  variants: editable(change(variantSchema), variantSchema, LIMITS.variants),
  dynamics: effectList,
  cooperation: z.strictObject(loosen(cooperationSchema.shape)),
};

/** A scenario file that extends another: the changes it makes. */
export const overlaySchema = z.strictObject({
  ...loosen({ ...scenarioSchema.shape, ...lists }),
  $schema: scenarioSchema.shape.$schema,
  extends: extendsSchema,
  id: scenarioSchema.shape.id.describe('This scenario\'s own id; it must differ from the one it extends, so runs of the two are never mixed up.'),
});
