import { current, type History } from '../../engine/history.js';
import type { Queue } from './step.js';
import type { Inject, InjectFate } from './types.js';

/** What the instructor's list is made from: the part of an exercise session it reads. */
export interface InstructorView {
  readonly history: History;
  readonly injects: readonly Inject[];
  readonly fates: readonly InjectFate[];
  readonly queue: Queue;
}

/** A row of the instructor's list: an inject of the timeline, or any rule of the scenario. */
export type InstructorItem =
  | {
      readonly kind: 'inject';
      readonly inject: Inject;
      /** What became of it, once it came up. */
      readonly fate: InjectFate | null;
      readonly status: 'scheduled' | 'fire-next' | 'held' | 'fired' | 'held-back' | 'after-end';
    }
  | { readonly kind: 'rule'; readonly rule: { readonly id: string; readonly title: string }; readonly status: 'none' | 'fire-next' | 'hold-next' };

/** The instructor's list: the inject timeline in turn order, then every rule. */
export function instructorItems(session: InstructorView): InstructorItem[] {
  const { queue, history } = session;
  const turns = history.turns;
  const injects = [...session.injects].sort((a, b) => a.turn - b.turn).map((inject): InstructorItem => {
    const fate = session.fates.find((item) => item.inject === inject.id) ?? null;
    const status = fate !== null
      ? (fate.how === 'fired' ? 'fired' : 'held-back')
      : queue.fireInjects.includes(inject.id)
        ? 'fire-next'
        : queue.holdInjects.includes(inject.id)
          ? 'held'
          : inject.turn > turns ? 'after-end' : 'scheduled';
    return { kind: 'inject', inject, fate, status };
  });
  const rules = history.scenario.rules.map((rule): InstructorItem => ({
    kind: 'rule',
    rule: { id: rule.id, title: rule.title },
    status: queue.fireRules.includes(rule.id) ? 'fire-next' : queue.holdRules.includes(rule.id) ? 'hold-next' : 'none',
  }));
  return [...injects, ...rules];
}

/** How many things the instructor has queued for the next turn (shown in the header). */
export function queuedCount(session: InstructorView): number {
  const { queue } = session;
  const next = current(session.history).turn + 1;
  const holdsDue = session.injects.filter((inject) => inject.turn === next && queue.holdInjects.includes(inject.id)).length;
  return queue.fireInjects.length + queue.fireRules.length + queue.holdRules.length + holdsDue;
}
