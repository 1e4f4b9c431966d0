import { describe, expect, it } from 'vitest';
import { advanceTo, branch, startHistory } from '../../src/engine/history.js';
import { activeBranch, reduce, startSession, whatIfsOf, type Session, type SessionAction } from '../../src/tui/session.js';
import { variantOptions } from '../../src/tui/variants.js';
import { scenario } from './helpers.js';

const variants = variantOptions('niger-2024', scenario);
const fresh = () => startSession(startHistory(scenario, 123, 24), variants);
const apply = (session: Session, ...actions: SessionAction[]) => actions.reduce(reduce, session);
const forward = { type: 'forward' } as const;
const hashes = (session: Session, id: number) => session.branches[id]!.history.kept.map((turn) => turn.hash);

describe('stepping', () => {
  it('computes a turn the first time it is shown and keeps it', () => {
    const session = apply(fresh(), forward, forward, forward);
    expect(session.turn).toBe(3);
    expect(activeBranch(session).history.kept).toHaveLength(4);
  });

  it('goes back to kept states without computing anything', () => {
    const ahead = apply(fresh(), forward, forward, forward);
    const back = reduce(ahead, { type: 'back' });
    expect(back.turn).toBe(2);
    expect(back.branches).toBe(ahead.branches);
  });

  it('shows the same state when stepping forward again after going back', () => {
    const ahead = apply(fresh(), forward, forward, forward);
    const again = apply(ahead, { type: 'back' }, forward);
    expect(activeBranch(again).history.kept[3]).toBe(activeBranch(ahead).history.kept[3]);
  });

  it('jumps to the start and to the horizon', () => {
    const end = reduce(fresh(), { type: 'last' });
    expect(end.turn).toBe(24);
    expect(reduce(end, { type: 'first' }).turn).toBe(0);
  });

  it('stops at the horizon and says so', () => {
    const end = apply(fresh(), { type: 'last' }, forward);
    expect(end.turn).toBe(24);
    expect(end.notice?.text).toMatch(/last turn/);
  });

  it('matches the engine run turn for turn', () => {
    const end = reduce(fresh(), { type: 'last' });
    expect(hashes(end, 0)).toEqual(advanceTo(startHistory(scenario, 123, 24)).kept.map((turn) => turn.hash));
  });
});

describe('autoplay', () => {
  it('steps on each tick while playing and stops at the last turn', () => {
    let session = apply(fresh(), { type: 'toggle-play' });
    for (let i = 0; i < 30; i += 1) session = reduce(session, { type: 'tick' });
    expect(session.turn).toBe(24);
    expect(session.playing).toBe(false);
  });

  it('does nothing on a tick while paused', () => {
    expect(reduce(fresh(), { type: 'tick' }).turn).toBe(0);
  });

  it('starts again from the beginning when played at the last turn', () => {
    const session = apply(fresh(), { type: 'last' }, { type: 'toggle-play' });
    expect(session.turn).toBe(0);
    expect(session.playing).toBe(true);
  });
});

describe('what-if branches', () => {
  const atThree = () => apply(fresh(), forward, forward, forward);

  it('forks the branch shown at the current turn and shows the first month it can change', () => {
    const session = apply(atThree(), { type: 'open', mode: 'what-if' }, { type: 'choose' });
    expect(session.branches).toHaveLength(2);
    expect(session.active).toBe(1);
    expect(session.turn).toBe(4);
    expect(activeBranch(session)).toMatchObject({ name: 'what-if 1', parent: 0, forkTurn: 3 });
  });

  it('shares the history before the fork and draws the same random numbers as the engine branch', () => {
    const before = atThree();
    const chosen = whatIfsOf(reduce(before, { type: 'open', mode: 'what-if' }))[0];
    const session = apply(before, { type: 'fork', fork: chosen!.fork }, { type: 'last' });
    const child = activeBranch(session).history;
    expect(child.kept.slice(0, 4)).toEqual(before.branches[0]!.history.kept.slice(0, 4));
    if (chosen!.fork.kind !== 'interventions') throw new Error('the first what-if is an intervention');
    const engine = advanceTo(branch(advanceTo(startHistory(scenario, 123, 24), 3), 3, chosen!.fork.interventions));
    expect(child.kept.map((turn) => turn.hash)).toEqual(engine.kept.map((turn) => turn.hash));
  });

  it('switches between branches at the same turn, computing what the other branch needs', () => {
    const session = apply(atThree(), { type: 'open', mode: 'what-if' }, { type: 'choose' }, forward, forward);
    const main = reduce(session, { type: 'switch', to: 0 });
    expect(main.active).toBe(0);
    expect(main.turn).toBe(6);
    expect(main.branches[0]!.history.kept).toHaveLength(7);
    expect(reduce(main, { type: 'switch', to: 1 }).active).toBe(1);
  });

  it('cycles past the last branch back to main', () => {
    const session = apply(atThree(), { type: 'open', mode: 'what-if' }, { type: 'choose' });
    expect(reduce(session, { type: 'switch', to: 2 }).active).toBe(0);
    expect(reduce(session, { type: 'switch', to: -1 }).active).toBe(1);
  });

  it('lists the branches with the active one highlighted and switches to the one chosen', () => {
    const session = apply(atThree(), { type: 'open', mode: 'what-if' }, { type: 'choose' }, { type: 'open', mode: 'branches' });
    expect(session.pick).toBe(1);
    const chosen = apply(session, { type: 'move', delta: -1 }, { type: 'choose' });
    expect(chosen.active).toBe(0);
    expect(chosen.mode).toBe('main');
  });

  it('refuses a what-if at the last turn, where there is no next month to change', () => {
    const session = apply(fresh(), { type: 'last' }, { type: 'open', mode: 'what-if' });
    expect(session.mode).toBe('main');
    expect(session.notice?.tone).toBe('error');
  });

  it('compares only a branch that has a parent, and computes the parent up to the turn', () => {
    expect(reduce(fresh(), { type: 'compare' }).notice?.text).toMatch(/no parent/);
    const session = apply(atThree(), { type: 'open', mode: 'what-if' }, { type: 'choose' }, { type: 'compare' }, { type: 'last' });
    expect(session.compare).toBe(true);
    expect(session.branches[0]!.history.kept).toHaveLength(25);
  });

  it('clamps the highlight to the list', () => {
    const session = apply(atThree(), { type: 'open', mode: 'what-if' }, { type: 'move', delta: 10_000 });
    expect(session.pick).toBe(whatIfsOf(session).length - 1);
    expect(reduce(session, { type: 'move', delta: -10_000 }).pick).toBe(0);
  });
});

describe('a new seed', () => {
  it('starts a new run at once when there are no branches to lose', () => {
    const session = apply(fresh(), forward, { type: 'new-seed', seed: 99 });
    expect(session.branches[0]!.history.seed).toBe(99);
    expect(session.turn).toBe(0);
  });

  it('asks before dropping branches, and goes ahead on the second press', () => {
    const branched = apply(fresh(), forward, { type: 'open', mode: 'what-if' }, { type: 'choose' });
    const asked = reduce(branched, { type: 'new-seed', seed: 99 });
    expect(asked.branches).toHaveLength(2);
    expect(asked.notice?.text).toMatch(/again/);
    const done = reduce(asked, { type: 'new-seed', seed: 99 });
    expect(done.branches).toHaveLength(1);
    expect(done.branches[0]!.history.seed).toBe(99);
  });

  it('forgets the question after any other key', () => {
    const branched = apply(fresh(), forward, { type: 'open', mode: 'what-if' }, { type: 'choose' });
    const session = apply(branched, { type: 'new-seed', seed: 99 }, forward, { type: 'new-seed', seed: 99 });
    expect(session.branches).toHaveLength(2);
  });
});

describe('events of the turn', () => {
  it('selects within the events of the turn and opens their details', () => {
    const session = apply(fresh(), forward, { type: 'select-event', delta: 100 });
    const count = activeBranch(session).history.kept[1]!.events.length;
    expect(session.event).toBe(count - 1);
    expect(reduce(session, { type: 'open', mode: 'event' }).mode).toBe('event');
  });

  it('has no details to open at turn 0', () => {
    const session = reduce(fresh(), { type: 'open', mode: 'event' });
    expect(session.mode).toBe('main');
  });
});
