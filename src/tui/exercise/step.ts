import type { Intervention } from '../../engine/types.js';
import type { Inject, InjectFate, Role } from './types.js';

/** What the instructor queued for the next turn. */
export interface Queue {
  /** Injects fired at the next turn instead of at their own (by id). */
  readonly fireInjects: readonly string[];
  /** Rules fired at the next turn. */
  readonly fireRules: readonly string[];
  /** Rules held back (blocked) at the next turn. */
  readonly holdRules: readonly string[];
  /** Injects held back at their turn (by id), until they come up. */
  readonly holdInjects: readonly string[];
}

export const EMPTY_QUEUE: Queue = { fireInjects: [], fireRules: [], holdRules: [], holdInjects: [] };

/** The interventions of the next turn, and what became of the injects. */
export interface TurnPlan {
  readonly interventions: readonly Intervention[];
  readonly fates: readonly InjectFate[];
}

/**
 * Everything that acts on the next turn: each role's choice, the injects due
 * (fired, or blocked when held back), and the instructor's fires and holds.
 * An event both fired and held back is held back: a hold is the stronger word.
 */
export function planTurn(
  turn: number,
  roles: readonly Role[],
  choices: Readonly<Record<string, string>>,
  injects: readonly Inject[],
  done: readonly InjectFate[],
  queue: Queue,
): TurnPlan {
  const fates: InjectFate[] = [];
  const forced: string[] = [];
  const blocked = new Set(queue.holdRules);
  for (const inject of injects) {
    if (done.some((fate) => fate.inject === inject.id)) continue;
    if (queue.fireInjects.includes(inject.id)) {
      forced.push(inject.event);
      fates.push({ inject: inject.id, turn, how: 'fired' });
    } else if (inject.turn === turn && queue.holdInjects.includes(inject.id)) {
      blocked.add(inject.event);
      fates.push({ inject: inject.id, turn, how: 'held' });
    } else if (inject.turn === turn) {
      forced.push(inject.event);
      fates.push({ inject: inject.id, turn, how: 'fired' });
    }
  }
  forced.push(...queue.fireRules);
  const interventions: Intervention[] = [
    ...roles.map((role): Intervention => {
      const action = choices[role.actor];
      if (action === undefined) throw new Error(`${role.name} has not chosen an action for turn ${turn}`);
      return { kind: 'choose', actor: role.actor, action, turn };
    }),
    ...[...new Set(forced)].filter((event) => !blocked.has(event)).map((event): Intervention => ({ kind: 'force', event, turn })),
    ...[...blocked].map((event): Intervention => ({ kind: 'block', event, from: turn, to: turn })),
  ];
  return { interventions, fates };
}
