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
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A month written YYYY-MM, where a turn can be given as the month it stands for. */
const monthText = z.string().regex(MONTH, 'must be a turn number or a month written YYYY-MM, such as "2024-06"');
/** The turn an intervention acts at: 1 or later (turn 0 is the starting state), or the month it stands for. */
const turn = z.union([z.number().int().min(1).max(LIMITS.turns), monthText])
  .describe('A turn number from 1, or the month it stands for ("2024-06"), after the start and within the scenario\'s turns.');
/** A turn an expectation looks at: 0 (the starting state) or later, or the month it stands for. */
const seenTurn = z.union([z.number().int().min(0).max(LIMITS.turns), monthText])
  .describe('A turn number (0 is the starting state), or the month it stands for ("2024-06").');

/** A quantity drawn at random, each turn it is needed, from the stream of what owns it. */
export const randomAmountSchema = z.union([
  z.strictObject({ uniform: z.tuple([expression, expression]) })
    .describe('Any number from the first to the second (for a delay: a whole number of months, both included).'),
  z.strictObject({ choice: z.array(expression).min(1).max(64) }).describe('One of the values, each as likely.'),
  z.strictObject({ poisson: expression }).describe('A whole number from a Poisson distribution with this mean (0 to 600).'),
]);
/** An effect's size: an expression, or a quantity drawn at random. */
const amount = z.union([expression, randomAmountSchema]);
/** The fields every effect may have besides its kind. */
const guard = { if: expression.optional().describe('Condition; the effect applies only while it holds.') };

/**
 * What a number or rule rests on: a sentence, or a structured reference. A
 * quote is checked against the scenario's article when it has one. Sources
 * never change a run and are not part of the scenario hash.
 */
export const sourceSchema = z.union([
  text.min(1),
  z.strictObject({
    quote: text.min(1).optional().describe('The words of the source, as written there (checked against the scenario\'s article when it has one).'),
    url: z.string().max(2000).optional().describe('Where the source can be read.'),
    date: z.string().max(32).optional().describe('When the source was published or seen, such as "2024-03-17".'),
    note: text.optional().describe('How the number or rule follows from the source, or why it is an assumption.'),
  }).refine((item) => item.quote !== undefined || item.url !== undefined || item.note !== undefined, {
    message: 'give at least one of `quote`, `url` or `note`',
  }),
]).describe('What this rests on: a sentence of the source, "Modelling assumption: ...", or { quote, url, date, note }.');

/** A parameter with its plausible range: what sensitivity analysis and calibration vary. */
export const paramEntrySchema = z.strictObject({
  value: z.number().describe('The value runs use.'),
  range: z.tuple([z.number(), z.number()]).optional()
    .describe('The plausible range [low, high]; it must contain the value. Sensitivity analysis and calibration vary only parameters with a range.'),
  distribution: z.enum(['uniform', 'triangular', 'normal']).optional()
    .describe('How plausible values spread over the range: uniform, triangular (peak at the value), or normal (mean the value, `sd`) cut to the range.'),
  sd: z.number().positive().optional().describe('The standard deviation of a normal distribution.'),
  bounds: z.tuple([z.number(), z.number()]).optional()
    .describe('The values the parameter can take at all, such as [0, 1] for a probability; value, range and variants must stay inside.'),
  source: sourceSchema.optional(),
  note: text.optional(),
});
/** A parameter: a plain number, or a number with its plausible range. */
export const paramSchema = z.union([z.number(), paramEntrySchema])
  .describe('A number, or { value, range: [low, high], distribution, source } for an uncertain one.');

/** A value at turn 0: a number in its range, or an expression of parameters (format 2). */
const starting = (range: z.ZodNumber) => z.union([
  range,
  z.string().min(1).max(2000).describe('An expression of parameters, such as "param.juntaResolve * 0.8", computed when the scenario is compiled (format 2).'),
]);

/** An effect's optional id (format 2), so that a file extending this one can change or remove it. */
const effectId = { id: kebabId.optional().describe('An id, so that a file or variant extending the scenario can change or remove this effect (format 2).') };

/** One effect of a rule, an action or the dynamics. */
export const effectSchema = z.union([
  z.strictObject({
    add: z.record(z.string(), amount).describe('Add to values: `ind.NAME`, `coop.A.B`, `stance.ACTOR.ISSUE`, `salience.ACTOR.ISSUE` or `attr.ACTOR.NAME` → an expression or a random quantity.'),
    ...guard,
    ...effectId,
  }),
  z.strictObject({ set: z.record(z.string(), amount).describe('Set values to what the expressions (or random quantities) give.'), ...guard, ...effectId }),
  z.strictObject({
    toward: z.strictObject({
      target: z.string().describe('The value that moves, such as ind.ctSupport.'),
      goal: expression,
      rate: expression.describe('Share of the distance to the goal covered (0 to 1).'),
    }).describe('Move a value a share of the way toward a goal.'),
    ...guard,
    ...effectId,
  }),
  z.strictObject({
    flag: z.record(name, expression).describe('Set flags declared under `flags:`: true, false, or an expression (on when not 0).'),
    ...guard,
    ...effectId,
  }),
  z.strictObject({
    schedule: z.strictObject({
      event: kebabId,
      at: monthText.optional().describe('The month the rule fires in, "YYYY-MM" (the next turn if it has passed); instead of `in`.'),
      in: z.union([
        z.number().int().min(1).max(LIMITS.turns),
        z.string().min(1).max(2000).describe('An expression, rounded to whole turns (at least 1).'),
        randomAmountSchema,
      ]).optional(),
    }).refine((item) => (item.in === undefined) !== (item.at === undefined), 'needs either `in` (turns from now) or `at` (a month), not both')
      .describe('Make a rule fire `in` turns from now, or `at` a month (whatever its condition and chance).'),
    ...guard,
    ...effectId,
  }),
  z.strictObject({ cancel: kebabId.describe('Drop the pending scheduled occurrences of a rule.'), ...guard, ...effectId }),
]).describe('One effect: add, set, toward, flag, schedule or cancel, with an optional `if:`.');
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

/** A quantity's own scale: its range (default [0, 1]) and the unit it is shown with. */
const scale = {
  range: z.tuple([z.number(), z.number()]).optional()
    .describe('The values it can take, [lowest, highest]; every write is kept within them. Default [0, 1].'),
  unit: z.string().min(1).max(24).optional().describe('Shown after its value, such as "troops" or "%".'),
};
/** For editors (JSON Schema can say what `checkScale` checks when there is no range): an initial value in [0, 1]. */
const DEFAULT_SCALE = {
  if: { not: { required: ['range'] } },
  then: { properties: { initial: { minimum: 0, maximum: 1 } } },
};
/** Check that a quantity's range is in order and its initial value within it. */
function checkScale(item: { initial: number | string; range?: [number, number] | undefined }, ctx: z.RefinementCtx): void {
  const [lo, hi] = item.range ?? [0, 1];
  if (!(lo < hi)) {
    ctx.addIssue({ code: 'custom', path: ['range'], message: `must be [lowest, highest] with lowest below highest, not [${lo}, ${hi}]` });
  } else if (typeof item.initial === 'string') {
    // An expression of parameters: its value is checked against the range when the scenario is compiled.
  } else if (item.initial > hi) {
    ctx.addIssue({ code: 'custom', path: ['initial'], message: `must be at most ${hi}, not ${item.initial}` });
  } else if (item.initial < lo) {
    ctx.addIssue({ code: 'custom', path: ['initial'], message: `must be at least ${lo}, not ${item.initial}` });
  }
}
/** An attribute with its own scale, written in place of its initial value. */
export const scaledAttributeSchema = z.strictObject({ initial: z.number(), ...scale }).superRefine(checkScale).meta(DEFAULT_SCALE);
/** An action in an actor's repertoire. */
export const actionSchema = z.strictObject({
  id: kebabId,
  title: text,
  tends: text.describe('One line for players: what this action tends to do.'),
  utility: expression.describe('How much the actor wants this action; higher is likelier.'),
  available: expression.optional()
    .describe('Condition; while it is 0 the action is not offered and the policy does not choose it.'),
  effects: effects.default([]),
  source: sourceSchema.optional().describe('What the action and its utility rest on; not part of the scenario hash.'),
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
  attrs: z.record(name, z.union([starting(unit), scaledAttributeSchema])).default({})
    .describe('Attributes such as capability, 0 to 1 (or an expression of parameters); or `{ initial, range, unit }` for one on its own scale.'),
  posture: z.array(z.strictObject({ label: z.string().max(40), when: expression.optional() })).max(16).default([])
    .describe('Readable labels, first match wins; the last one usually has no `when`.'),
  actions: z.array(actionSchema).max(LIMITS.actionsPerActor).default([]),
  fallback: kebabId.optional()
    .describe('The action taken when none is available; required when every action has `available`.'),
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
  source: sourceSchema.describe('The sentence of the source the rule rests on, "Modelling assumption: ...", or { quote, url, date, note }.'),
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
  turn: z.union([z.number().int().min(1).max(LIMITS.turns), monthText])
    .describe('The turn it fires at (1 = the month after the start), or its month, "YYYY-MM".'),
  event: kebabId.describe('The rule it fires.'),
  brief: text.min(1).describe('What the players are told when it fires.'),
});

/** An issue on which actors take stances. */
export const issueSchema = z.strictObject({ id: name, title: text, description: text.default('') });
/** A world quantity, in [0, 1] unless it declares its range. */
export const indicatorSchema = z.strictObject({
  id: name, title: text, description: text.default(''), initial: starting(z.number()), ...scale,
  source: sourceSchema.optional().describe('What the starting value rests on; not part of the scenario hash.'),
}).superRefine(checkScale).meta(DEFAULT_SCALE);
/** The pairwise cooperation matrix at turn 0. */
export const cooperationSchema = z.strictObject({
  symmetric: z.boolean().default(true).describe('Whether coop.A.B and coop.B.A are the same number.'),
  default: unit.default(0.5).describe('Cooperation between actors not listed under initial.'),
  initial: z.record(kebabId, z.record(kebabId, starting(unit))).default({}),
});
/** The kinds of metric, one of which a metric gives; all but `value` look at the whole run. */
export const METRIC_KINDS = ['value', 'max', 'min', 'mean', 'months', 'first', 'count'] as const;
/**
 * A named number of a run: an expression on the final state (`value`), or over
 * the turns played: the largest, smallest or mean value of an expression, the
 * number of months a condition held, the turn an event first fired, or how often.
 */
export const metricSchema = z.strictObject({
  id: name,
  title: text,
  value: expression.optional().describe('An expression computed on the final state.'),
  max: expression.optional().describe('The largest value of the expression over the turns played (1 to the last).'),
  min: expression.optional().describe('The smallest value of the expression over the turns played.'),
  mean: expression.optional().describe('The mean value of the expression over the turns played.'),
  months: expression.optional().describe('The number of turns played at whose end the condition held.'),
  first: kebabId.optional().describe('The turn the rule first fired, 0 if it never did.'),
  count: kebabId.optional().describe('How many times the rule fired.'),
}).superRefine((metric, ctx) => {
  const given = METRIC_KINDS.filter((kind) => metric[kind] !== undefined);
  if (given.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message: given.length === 0
        ? `needs one of ${METRIC_KINDS.map((kind) => `\`${kind}\``).join(', ')}`
        : `has ${given.map((kind) => `\`${kind}\``).join(' and ')}; give only one`,
    });
  }
});
/** An outcome class; the first whose condition holds is the run's outcome. */
export const outcomeSchema = z.strictObject({
  id: kebabId,
  title: text,
  when: expression.optional().describe('First match wins; the last outcome has no `when`.'),
});

const expectationFields = {
  id: kebabId.describe('The expectation\'s id, such as "us-withdrawal-within-a-year".'),
  title: text.optional(),
  range: z.tuple([z.number(), z.number()]).describe('The range [low, high] the quantity should fall in.'),
  source: sourceSchema.describe('What the expectation rests on: a reference class, a published estimate or an expert judgement.'),
  weight: z.number().positive().max(1000).optional().describe('How much the expectation counts in calibration (1 when left out).'),
};
/** What the scenario should reproduce, checked by `sandtable check`. */
export const expectationSchema = z.union([
  z.strictObject({
    ...expectationFields,
    event: kebabId.describe('The rule whose firing is counted.'),
    by: seenTurn.optional().describe('The share of runs in which the event has fired by this turn (the last turn when left out).'),
  }).describe('The share of runs in which an event has fired by a turn.'),
  z.strictObject({
    ...expectationFields,
    indicator: name.describe('The indicator.'),
    at: seenTurn.optional().describe('The turn (the last turn when left out).'),
    stat: z.enum(['mean', 'median']).optional().describe('The mean (the default) or the median over the runs.'),
  }).describe("An indicator's mean or median over the runs at a turn."),
  z.strictObject({
    ...expectationFields,
    outcome: kebabId.describe('The outcome class.'),
  }).describe('The share of runs that end in an outcome class.'),
  z.strictObject({
    ...expectationFields,
    metric: name.describe('The metric.'),
  }).describe("A metric's mean over the runs."),
]).describe('An expectation: event, indicator, outcome or metric, with the range it should fall in and its source.');

/** A whole scenario file (without `extends:`). */
export const scenarioSchema = z.strictObject({
  $schema: z.string().optional().describe('The JSON Schema of this format, for editors.'),
  format: z.number().int().min(1).max(2).optional()
    .describe('The version of the scenario format the file needs: 2 for any construct added in format 2 (available actions, random quantities, months, `if:`, run metrics, scales, parameter ranges, structured sources, expectations, starting values from parameters, list edits, variant changes...); 1 (the default) otherwise.'),
  id: kebabId.describe('The scenario id, such as "niger-2024".'),
  title: text,
  version: z.string().max(32),
  description: text.default(''),
  start: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, such as "2024-04"')
    .describe('The month of turn 0, YYYY-MM.'),
  turns: z.number().int().min(1).max(LIMITS.turns).default(24).describe('Default number of turns (months).'),
  issues: z.array(issueSchema).max(LIMITS.issues),
  params: z.record(name, paramSchema).default({}).describe('Named numbers read as param.NAME; variants change them. A number, or { value, range } for an uncertain one.'),
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
  article: z.string().min(1).max(1000).optional()
    .describe('The article quotes are checked against: a text file, relative to this file (NAME.article.txt beside the file when left out); not part of the scenario hash.'),
  sources: z.record(z.string().max(200), sourceSchema).optional()
    .describe('What starting values rest on, by path: ind.NAME, stance.ACTOR.ISSUE, salience.ACTOR.ISSUE, attr.ACTOR.NAME, coop.A.B; not part of the scenario hash.'),
  expectations: z.array(expectationSchema).max(256).optional()
    .describe('What runs of the scenario should reproduce, checked by `sandtable check`; not part of the scenario hash.'),
});

/** A scenario as written in a file (before defaults). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario as validated (defaults filled in). */
export type ScenarioSpec = z.output<typeof scenarioSchema>;
export type EffectSpec = z.output<typeof effectSchema>;
export type RandomAmountSpec = z.output<typeof randomAmountSchema>;
export type InterventionSpec = z.output<typeof interventionSpecSchema>;
export type VariantSpec = z.output<typeof variantSchema>;
export type RoleSpec = z.output<typeof roleSchema>;
export type InjectSpec = z.output<typeof injectSchema>;
export type ParamEntrySpec = z.output<typeof paramEntrySchema>;
export type ParamSpec = z.output<typeof paramSchema>;
export type SourceSpec = z.output<typeof sourceSchema>;
export type ExpectationSpec = z.output<typeof expectationSchema>;
