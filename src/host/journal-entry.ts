import { z } from 'zod';

// The lines of a host's journal: one JSON object a line, the start first,
// then every choice, instructor action and played turn in the order the host
// took them. Read back with these schemas when a host resumes.

export const JOURNAL_FORMAT = 'sandtable-host-journal';
export const JOURNAL_VERSION = 1;

const id = z.string().min(1).max(200);
const turn = z.number().int().min(1).max(100_000);

/** Why a turn was played: every team had chosen, the instructor ended it, or its deadline passed. */
export const playReason = z.enum(['all', 'instructor', 'deadline']);
export type PlayReason = z.output<typeof playReason>;

const roleSchema = z.object({ actor: id, name: z.string().max(500), brief: z.string().max(20_000), goals: z.array(z.string().max(2000)).max(100) });
const injectSchema = z.object({ id, turn, event: id, title: z.string().max(500), brief: z.string().max(20_000) });

/** Who holds which token: a role's actor id, `instructor` or `screen`. */
export const tokensSchema = z.record(z.string().max(200), z.string().regex(/^[A-Za-z0-9_-]{22,64}$/)).refine((tokens) => Object.keys(tokens).length <= 64, 'at most 64 seats');

export const startEntrySchema = z.object({
  t: z.literal('start'),
  format: z.literal(JOURNAL_FORMAT),
  version: z.literal(JOURNAL_VERSION),
  /** The exercise's run record at turn 0: it embeds the resolved scenario, so a resumed host needs no scenario file. */
  record: z.object({
    scenario: z.object({ id, variant: id.nullable(), hash: z.string(), dataHash: z.string() }),
    scenarioData: z.record(z.string(), z.unknown()),
  }).passthrough(),
  seed: z.number().int().min(0),
  turns: z.number().int().min(1).max(100_000),
  roles: z.array(roleSchema).min(1).max(32),
  injects: z.array(injectSchema).max(256),
  /** Whether an inject file changed the scenario's timeline (the record then embeds the one played). */
  injectFile: z.boolean(),
  /** Minutes a turn lasts, or null for no deadline. */
  deadline: z.number().positive().max(24 * 60).nullable(),
  tokens: tokensSchema,
  /** The address the host listened on (`ADDR:PORT`): a resumed host listens there again, so the links still work. */
  listen: z.string().min(1).max(300),
  /** Where the run record is written after every turn. */
  recordPath: z.string().min(1).max(4096),
});
export type StartEntry = z.output<typeof startEntrySchema>;

export const entrySchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('choose'), turn, actor: id, action: id }),
  z.strictObject({ t: z.literal('instruct'), turn, how: z.enum(['fire', 'hold']), kind: z.enum(['inject', 'rule']), id }),
  z.strictObject({ t: z.literal('odds'), shown: z.boolean() }),
  z.strictObject({ t: z.literal('pause'), paused: z.boolean() }),
  z.strictObject({ t: z.literal('play'), turn, reason: playReason }),
]);
/** A journal line after the start: what changed the exercise. */
export type JournalEntry = z.output<typeof entrySchema>;
