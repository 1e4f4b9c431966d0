import { z } from 'zod';
import { KEBAB_ID, MAX_ID_LENGTH, NAME_ID } from '../engine/ids.js';

// The scenario file format. This schema is the single source of truth: the
// loader validates against it, the compiler reads the types it infers, and the
// JSON Schema in schema/ (for editors) is generated from it.

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
  .regex(KEBAB_ID, 'must be lower-case words joined by hyphens, such as "us-withdrawal"')
  .max(MAX_ID_LENGTH);
const name = z
  .string()
  .regex(NAME_ID, 'must be a name of letters, digits and _, starting with a letter, such as "usPresence"')
  .max(MAX_ID_LENGTH);
const text = z.string().max(LIMITS.text);
const unit = z.number().min(0).max(1);
const signed = z.number().min(-1).max(1);
/** An expression: text in the expression language, or a plain number or boolean. */
export const expressionSchema = z
  .union([z.string().min(1).max(2000), z.number(), z.boolean()])
  .describe('An expression, such as "0.1 + 0.6 * (1 - coop.niger.usa)", or a plain number or true/false.');
const expression = expressionSchema;
/** A value at turn 0: a number in its range, or an expression of parameters (format 2). */
const starting = (range: z.ZodNumber) => z.union([
  range,
  z.string().min(1).max(2000).describe('An expression of parameters, such as "param.juntaResolve * 0.8", computed when the scenario is compiled (format 2).'),
]);
/** The turn an intervention acts at: 1 or later, since turn 0 is the starting state. */
const turn = z.number().int().min(1).max(LIMITS.turns);

/** An effect's optional id (format 2), so that a file extending this one can change or remove it. */
const effectId = { id: kebabId.optional().describe('An id, so that a file or variant extending the scenario can change or remove this effect (format 2).') };

/** One effect of a rule, an action or the dynamics. */
export const effectSchema = z.union([
  z.strictObject({
    add: z.record(z.string(), expression).describe('Add to values: `ind.NAME`, `coop.A.B`, `stance.ACTOR.ISSUE`, `salience.ACTOR.ISSUE` or `attr.ACTOR.NAME` → an expression.'),
    ...effectId,
  }),
  z.strictObject({ set: z.record(z.string(), expression).describe('Set values to what the expressions give.'), ...effectId }),
  z.strictObject({
    toward: z.strictObject({
      target: z.string().describe('The value that moves, such as ind.ctSupport.'),
      goal: expression,
      rate: expression.describe('Share of the distance to the goal covered (0 to 1).'),
    }).describe('Move a value a share of the way toward a goal.'),
    ...effectId,
  }),
  z.strictObject({ flag: z.record(name, z.boolean()).describe('Set flags declared under `flags:` to true or false.'), ...effectId }),
  z.strictObject({
    schedule: z.strictObject({ event: kebabId, in: z.number().int().min(1).max(LIMITS.turns) })
      .describe('Make a rule fire `in` turns from now (whatever its condition and chance).'),
    ...effectId,
  }),
  z.strictObject({ cancel: kebabId.describe('Drop the pending scheduled occurrences of a rule.'), ...effectId }),
]).describe('One effect: add, set, toward, flag, schedule or cancel.');
const effects = z.array(effectSchema).max(LIMITS.effectsPerList);

/** An intervention, as written in a scenario or a variant. */
export const interventionSpecSchema = z.union([
  z.strictObject({ force: kebabId, turn }).describe('Make a rule fire at a turn.'),
  z.strictObject({ block: kebabId, from: turn.optional(), to: turn.optional(), turn: turn.optional() })
    .refine((item) => item.from === undefined || item.to === undefined || item.from <= item.to, {
      path: ['to'],
      error: (issue) => {
        const { from, to } = issue.input as { from: number; to: number };
        return `is ${to}, before \`from\` (${from}): no turn would be blocked; make \`to\` ${from} or later`;
      },
    })
    .describe('Stop a rule firing: at one turn, or from/to (open-ended by default).'),
  z.strictObject({ set: z.string(), value: z.number(), turn }).describe('Set a value at the start of a turn.'),
  z.strictObject({ choose: kebabId, action: kebabId, turn }).describe("Make an actor take an action at a turn."),
]).describe('An intervention: force, block, set or choose.');

/** An action in an actor's repertoire. */
export const actionSchema = z.strictObject({
  id: kebabId,
  title: text,
  tends: text.describe('One line for players: what this action tends to do.'),
  utility: expression.describe('How much the actor wants this action; higher is likelier.'),
  effects: effects.default([]),
});

/** An actor: its stance, attributes, posture labels and actions. */
export const actorSchema = z.strictObject({
  id: kebabId,
  name: text,
  description: text.default(''),
  rationality: z.number().min(0).max(100).default(3)
    .describe('How sharply the actor picks its best action (0 = at random; higher = more often the best).'),
  stance: z.record(name, starting(signed)).default({}).describe('Position on each issue, -1 to 1.'),
  salience: z.record(name, starting(unit)).default({}).describe('How much each issue matters to the actor, 0 to 1 (0.5 when left out).'),
  attrs: z.record(name, starting(unit)).default({}).describe('Attributes such as capability, 0 to 1.'),
  posture: z.array(z.strictObject({ label: z.string().max(40), when: expression.optional() })).max(16).default([])
    .describe('Readable labels, first match wins; the last one usually has no `when`.'),
  actions: z.array(actionSchema).max(LIMITS.actionsPerActor).default([]),
});

/** A rule: an event with a condition, a chance and effects. */
export const ruleSchema = z.strictObject({
  id: kebabId,
  title: text,
  when: expression.optional().describe('Condition; the rule can fire only while it holds.'),
  chance: expression.describe('Probability of firing this turn, 0 to 1.'),
  once: z.boolean().default(false).describe('Fire at most once in a run.'),
  effects: effects.default([]),
  narrative: text.describe('The line shown when the rule fires.'),
  source: text.min(1).describe('The sentence of the source the rule rests on, or "Modelling assumption: ...".'),
});

/** A variant: changed parameters and interventions over the base scenario. */
export const variantSchema = z.strictObject({
  id: kebabId,
  title: text,
  description: text.default(''),
  params: z.record(name, z.number()).default({}).describe('Parameters this variant changes.'),
  interventions: z.array(interventionSpecSchema).max(256).default([]),
  changes: z.record(z.string(), z.unknown()).optional()
    .describe('Changes to the scenario itself, written as in a file that extends it: actions, rules, dynamics, starting values... (format 2).'),
});

/** A role a person can play in an exercise (`sandtable exercise --role ACTOR`). */
export const roleSchema = z.strictObject({
  actor: kebabId.describe('The actor the player decides for, such as "usa".'),
  brief: text.min(1).describe('What the player reads before deciding: the situation from this actor\'s side.'),
  goals: z.array(text).max(16).default([]).describe('What the actor wants, one line each; shown beside the brief.'),
});

/** An inject: an event the instructor's timeline makes happen at a turn of an exercise. */
export const injectSchema = z.strictObject({
  id: kebabId.describe('The inject\'s id, such as "flights-declared-illegal".'),
  turn: z.number().int().min(1).max(LIMITS.turns).describe('The turn it fires at (1 = the month after the start).'),
  event: kebabId.describe('The rule it fires.'),
  brief: text.min(1).describe('What the players are told when it fires.'),
});

/** An issue on which actors take stances. */
export const issueSchema = z.strictObject({ id: name, title: text, description: text.default('') });
/** A world quantity in [0, 1]. */
export const indicatorSchema = z.strictObject({ id: name, title: text, description: text.default(''), initial: starting(unit) });
/** The pairwise cooperation matrix at turn 0. */
export const cooperationSchema = z.strictObject({
  symmetric: z.boolean().default(true).describe('Whether coop.A.B and coop.B.A are the same number.'),
  default: unit.default(0.5).describe('Cooperation between actors not listed under initial.'),
  initial: z.record(kebabId, z.record(kebabId, starting(unit))).default({}),
});
/** A named number computed from the final state. */
export const metricSchema = z.strictObject({ id: name, title: text, value: expression });
/** An outcome class; the first whose condition holds is the run's outcome. */
export const outcomeSchema = z.strictObject({
  id: kebabId,
  title: text,
  when: expression.optional().describe('First match wins; the last outcome has no `when`.'),
});

/** A whole scenario file (without `extends:`). */
export const scenarioSchema = z.strictObject({
  $schema: z.string().optional().describe('The JSON Schema of this format, for editors.'),
  format: z.number().int().min(1).max(2).optional()
    .describe('The version of the scenario format the file needs: 2 for starting values from parameters, list edits and variants that change the model; 1 (the default) otherwise.'),
  id: kebabId.describe('The scenario id, such as "niger-2024".'),
  title: text,
  version: z.string().max(32),
  description: text.default(''),
  start: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, such as "2024-04"')
    .describe('The month of turn 0, YYYY-MM.'),
  turns: z.number().int().min(1).max(LIMITS.turns).default(24).describe('Default number of turns (months).'),
  issues: z.array(issueSchema).max(LIMITS.issues),
  params: z.record(name, z.number()).default({}).describe('Named numbers read as param.NAME; variants change them.'),
  actors: z.array(actorSchema).min(1).max(LIMITS.actors),
  indicators: z.array(indicatorSchema).max(LIMITS.indicators),
  cooperation: cooperationSchema,
  flags: z.record(name, z.boolean()).default({}).describe('Named true/false facts read as flag.NAME.'),
  rules: z.array(ruleSchema).max(LIMITS.rules),
  dynamics: effects.default([]).describe('Effects applied every turn after the rules (drift, decay).'),
  metrics: z.array(metricSchema).max(64).default([]),
  outcomes: z.array(outcomeSchema).min(1).max(32),
  /** Interventions the scenario always applies (variants add to them). */
  interventions: z.array(interventionSpecSchema).max(256).default([]),
  variants: z.array(variantSchema).max(LIMITS.variants).default([]),
  roles: z.array(roleSchema).max(LIMITS.actors).default([])
    .describe('Role briefs for exercises; not part of the scenario hash (they do not change runs).'),
  injects: z.array(injectSchema).max(256).default([])
    .describe('The exercise inject timeline; not part of the scenario hash (fired injects are recorded as interventions).'),
});

/** A scenario as written in a file (before defaults). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario as validated (defaults filled in). */
export type ScenarioSpec = z.output<typeof scenarioSchema>;
export type EffectSpec = z.output<typeof effectSchema>;
export type InterventionSpec = z.output<typeof interventionSpecSchema>;
export type VariantSpec = z.output<typeof variantSchema>;
export type RoleSpec = z.output<typeof roleSchema>;
export type InjectSpec = z.output<typeof injectSchema>;
