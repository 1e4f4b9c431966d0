import { describe, expect, it } from 'vitest';
import { current } from '../../src/engine/history.js';
import { recordOf, replay } from '../../src/engine/record.js';
import { instructorItems } from '../../src/tui/exercise/instructor.js';
import { playedTurn } from '../../src/tui/exercise/session.js';
import { exercise, injects, pickAction, play, scenario } from './helpers.js';

const usaActions = scenario.actors.find((actor) => actor.id === 'usa')!.actions.map((action) => action.id);

/** Move the instructor's highlight to the row of an inject or rule. */
function rowOf(session: ReturnType<typeof exercise>, id: string): number {
  return instructorItems(session).findIndex((item) => (item.kind === 'inject' ? item.inject.id : item.rule.id) === id);
}

describe('an exercise session', () => {
  it('opens on the first role\'s brief, then waits for a choice at turn 0', () => {
    const session = exercise(['usa']);
    expect(session.mode).toBe('decide');
    expect(playedTurn(session)).toBe(0);
  });

  it('plays a month with the player\'s choice as a choose intervention of that turn', () => {
    const session = play(exercise(['usa']), ...pickAction(2));
    expect(playedTurn(session)).toBe(1);
    expect(session.history.interventions).toContainEqual({ kind: 'choose', actor: 'usa', action: usaActions[2], turn: 1 });
    const decision = current(session.history).decisions.find((item) => item.actor === 'usa')!;
    expect(decision).toMatchObject({ action: usaActions[2], by: 'chosen' });
  });

  it('asks several roles in turn and plays the month only when the last has chosen', () => {
    let session = exercise(['usa', 'russia']);
    session = play(session, ...pickAction(1));
    expect(playedTurn(session)).toBe(0);
    expect(session.seat).toBe(1);
    expect(session.notice?.text).toBe('United States has chosen. Russia decides next.');
    session = play(session, ...pickAction(3));
    expect(playedTurn(session)).toBe(1);
    expect(session.seat).toBe(0);
    const chosen = session.history.interventions.filter((item) => item.kind === 'choose');
    expect(chosen).toEqual([
      { kind: 'choose', actor: 'usa', action: usaActions[1], turn: 1 },
      { kind: 'choose', actor: 'russia', action: 'consolidate', turn: 1 },
    ]);
  });

  it('fires the injects due at their turn as recorded force interventions, and announces them', () => {
    const session = play(exercise(['usa']), ...pickAction(0), ...pickAction(0));
    const forced = session.history.interventions.filter((item) => item.kind === 'force');
    expect(forced).toEqual([
      { kind: 'force', event: 'us-flights-declared-illegal', turn: 1 },
      { kind: 'force', event: 'russian-supplies', turn: 2 },
    ]);
    expect(session.fates).toEqual([
      { inject: 'flights-declared-illegal', turn: 1, how: 'fired' },
      { inject: 'second-russian-delivery', turn: 2, how: 'fired' },
    ]);
    expect(session.notice?.text).toBe('June 2024 played. An inject fired.');
  });

  it('holds an inject back when the instructor says so: its event is blocked at its turn', () => {
    let session = exercise(['usa']);
    session = play(session, { type: 'open', mode: 'instructor' }, { type: 'move', delta: rowOf(session, 'second-russian-delivery') }, { type: 'hold' });
    expect(session.notice?.text).toBe('second-russian-delivery is held back: its event is blocked at its turn.');
    session = play(session, { type: 'close' }, ...pickAction(0), ...pickAction(0));
    expect(session.history.interventions).toContainEqual({ kind: 'block', event: 'russian-supplies', from: 2, to: 2 });
    expect(session.history.interventions).not.toContainEqual({ kind: 'force', event: 'russian-supplies', turn: 2 });
    expect(current(session.history).events.map((event) => event.id)).not.toContain('russian-supplies');
    expect(session.fates).toContainEqual({ inject: 'second-russian-delivery', turn: 2, how: 'held' });
  });

  it('fires any rule now (at the next turn) when the instructor says so, once', () => {
    let session = exercise(['usa']);
    session = play(session, { type: 'open', mode: 'instructor' }, { type: 'move', delta: rowOf(session, 'us-troops-ordered-out') }, { type: 'fire' });
    expect(session.notice?.text).toBe('The CNSP orders U.S. troops to leave will fire in May 2024.');
    session = play(session, { type: 'close' }, ...pickAction(0), ...pickAction(0));
    const forced = session.history.interventions.filter((item) => item.kind === 'force' && item.event === 'us-troops-ordered-out');
    expect(forced).toEqual([{ kind: 'force', event: 'us-troops-ordered-out', turn: 1 }]);
    expect(session.history.kept[1]!.events.map((event) => event.id)).toContain('us-troops-ordered-out');
  });

  it('fires an inject early when the instructor says so, and not again at its turn', () => {
    let session = exercise(['usa']);
    session = play(session, { type: 'open', mode: 'instructor' }, { type: 'move', delta: rowOf(session, 'reassessment-talks') }, { type: 'fire' });
    session = play(session, { type: 'close' }, ...pickAction(0), ...pickAction(0), ...pickAction(0));
    const talks = session.history.interventions.filter((item) => item.kind === 'force' && item.event === 'us-reassessment-talks');
    expect(talks).toEqual([{ kind: 'force', event: 'us-reassessment-talks', turn: 1 }]);
  });

  it('takes back the last choice of a round, then the last month, recomputing nothing else', () => {
    let session = exercise(['usa', 'russia']);
    session = play(session, ...pickAction(1), { type: 'take-back' });
    expect(session.seat).toBe(0);
    expect(session.choices).toEqual({});
    session = play(session, ...pickAction(1), ...pickAction(0), ...pickAction(2), ...pickAction(0));
    const afterTwo = session.history.kept[1]!.hash;
    session = play(session, { type: 'take-back' });
    expect(playedTurn(session)).toBe(1);
    expect(session.history.kept[1]!.hash).toBe(afterTwo);
    expect(session.history.interventions.every((item) => (item.kind === 'block' ? item.from : item.turn) <= 1)).toBe(true);
    expect(session.fates.every((fate) => fate.turn <= 1)).toBe(true);
  });

  it('ends at the last turn, where nothing more can be chosen or fired', () => {
    let session = exercise(['usa'], { turns: 2 });
    session = play(session, ...pickAction(0), ...pickAction(3));
    expect(session.mode).toBe('done');
    expect(session.notice?.text).toMatch(/^The exercise is over in June 2024: .+\. An inject fired\. e exports the record/);
    expect(play(session, { type: 'choose' }).history).toBe(session.history);
    expect(play(session, { type: 'open', mode: 'instructor' }).notice?.tone).toBe('error');
  });

  it('asks before quitting with months played that are not exported, and quits at once when they are', () => {
    const played = play(exercise(['usa']), ...pickAction(0));
    const asked = play(played, { type: 'quit' });
    expect(asked.quit).toBe(false);
    expect(asked.notice?.text).toMatch(/press q again to quit/);
    expect(play(asked, { type: 'quit' }).quit).toBe(true);
    const saved = play(played, { type: 'saved', path: '/tmp/x.json', turns: 1 });
    expect(play(saved, { type: 'quit' }).quit).toBe(true);
    expect(play(exercise(['usa']), { type: 'quit' }).quit).toBe(true);
  });

  it('makes a record that replays exactly, choices, injects and holds included', () => {
    let session = exercise(['usa', 'niger'], { turns: 4 });
    session = play(session, { type: 'open', mode: 'instructor' }, { type: 'move', delta: rowOf(session, 'reassessment-talks') }, { type: 'hold' }, { type: 'close' });
    for (let turn = 0; turn < 4; turn += 1) session = play(session, ...pickAction(turn % 4), ...pickAction((turn + 2) % 5));
    const record = recordOf(session.history);
    expect(record.turns).toBe(4);
    expect(record.interventions.filter((item) => item.kind === 'choose')).toHaveLength(8);
    expect(record.interventions).toContainEqual({ kind: 'block', event: 'us-reassessment-talks', from: 3, to: 3 });
    expect(replay(JSON.parse(JSON.stringify(record)), scenario).ok).toBe(true);
  });

  it('lists the inject timeline before the rules for the instructor, with what became of each', () => {
    const session = play(exercise(['usa'], { turns: 6 }), ...pickAction(0));
    const items = instructorItems(session);
    const timeline = items.filter((item) => item.kind === 'inject');
    expect(timeline.map((item) => item.kind === 'inject' && item.inject.id)).toEqual(injects().map((item) => item.id));
    expect(timeline.map((item) => item.status)).toEqual(['fired', 'scheduled', 'scheduled', 'scheduled', 'after-end', 'after-end', 'after-end']);
    expect(items.filter((item) => item.kind === 'rule')).toHaveLength(scenario.rules.length);
  });
});
