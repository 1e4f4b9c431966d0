import { z } from 'zod';

// What clients of a host send, checked before anything reads it, and what
// the host sends back. Every client message carries a number `id` that the
// host's answer (an `ack` or an `error`) echoes.

/** The largest message a client may send, in bytes (the WebSocket refuses larger ones). */
export const MAX_MESSAGE_BYTES = 4096;

const msgId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const name = z.string().min(1).max(200);
const turn = z.number().int().min(1).max(100_000);

export const clientMessage = z.discriminatedUnion('type', [
  /** The first message of a connection: the seat's token. */
  z.strictObject({ type: z.literal('hello'), id: msgId, token: z.string().min(1).max(100) }),
  /** A team's choice for the turn being decided (it can change it until the turn ends). */
  z.strictObject({ type: z.literal('choose'), id: msgId, turn, action: name }),
  /** The instructor's: fire or hold an inject or a rule in the next turn. */
  z.strictObject({ type: z.enum(['fire', 'hold']), id: msgId, turn, kind: z.enum(['inject', 'rule']), target: name }),
  /** The instructor's: show or hide the model's odds to the teams. */
  z.strictObject({ type: z.literal('odds'), id: msgId, shown: z.boolean() }),
  /** The instructor's: pause or run the clock. */
  z.strictObject({ type: z.literal('pause'), id: msgId, paused: z.boolean() }),
  /** The instructor's: end the turn now (teams that have not chosen are decided by policy). */
  z.strictObject({ type: z.literal('end-turn'), id: msgId, turn }),
]);
export type ClientMessage = z.output<typeof clientMessage>;

/** The seat a token opens. */
export type Seat = { readonly kind: 'team'; readonly actor: string } | { readonly kind: 'instructor' } | { readonly kind: 'screen' };

export interface SituationRow {
  readonly id: string;
  readonly title: string;
  readonly value: number;
  readonly change: number;
}

export interface HappenedItem {
  readonly kind: 'inject' | 'held' | 'event' | 'choice';
  readonly title: string;
  readonly text: string;
}

export interface ActionRow {
  readonly id: string;
  readonly title: string;
  /** What the action tends to do. */
  readonly tends: string;
  /** The actor's own policy's chance of picking it, when the instructor shows the odds. */
  readonly probability: number | null;
}

export interface TeamStatus {
  readonly actor: string;
  readonly name: string;
  readonly decided: boolean;
  /** Seats of this team connected now. */
  readonly online: number;
}

/** What every seat sees: the shared situation. */
export interface SharedView {
  readonly title: string;
  /** The month on screen (played last) and the one being decided. */
  readonly month: string;
  readonly deciding: string;
  readonly turn: number;
  readonly turns: number;
  readonly over: boolean;
  /** The outcome's title, once the exercise is over. */
  readonly outcome: string | null;
  readonly paused: boolean;
  /** Milliseconds left of the turn's deadline when this was sent, or null with no deadline (or paused). */
  readonly remaining: number | null;
  readonly posture: string;
  readonly situation: readonly SituationRow[];
  /** What happened last month. */
  readonly happened: readonly HappenedItem[];
  readonly teams: readonly TeamStatus[];
}

export interface TeamView extends SharedView {
  readonly seat: 'team';
  readonly role: { readonly actor: string; readonly name: string; readonly brief: string; readonly goals: readonly string[] };
  readonly actions: readonly ActionRow[];
  /** The team's choice for the turn being decided, or null. */
  readonly choice: string | null;
}

export interface InstructorRow {
  readonly kind: 'inject' | 'rule';
  readonly id: string;
  readonly title: string;
  readonly status: string;
}

export interface InstructorView extends SharedView {
  readonly seat: 'instructor';
  /** Every team's choice so far this turn. */
  readonly choices: Readonly<Record<string, string>>;
  readonly odds: boolean;
  readonly items: readonly InstructorRow[];
}

export interface ScreenView extends SharedView {
  readonly seat: 'screen';
}

export type View = TeamView | InstructorView | ScreenView;

export type ServerMessage =
  | { readonly type: 'welcome'; readonly id: number; readonly seat: Seat }
  | { readonly type: 'state'; readonly view: View }
  | { readonly type: 'ack'; readonly id: number; readonly text: string }
  | { readonly type: 'error'; readonly id: number | null; readonly message: string };
