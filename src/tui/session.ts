import { monthLabel } from '../engine/calendar.js';
import { startHistory, type History } from '../engine/history.js';
import { stripControl } from '../engine/text.js';
import { forkBranch, mainBranch, reach, keptTurn, type Branch, type Fork } from './branches.js';
import { error, info, type Notice } from './notice.js';
import { sectionPick, whatIfsAt, type VariantOption, type WhatIf } from './what-ifs.js';

/** Which screen has the keyboard: the panels or one of the overlays. */
export type Mode = 'main' | 'help' | 'what-if' | 'branches' | 'event';

/** Everything the UI shows, as one value; changed only by `reduce`. */
export interface Session {
  readonly branches: readonly Branch[];
  /** Id (= index) of the branch shown. */
  readonly active: number;
  /** The turn shown. */
  readonly turn: number;
  readonly playing: boolean;
  readonly mode: Mode;
  /** Show the branch side by side with its parent. */
  readonly compare: boolean;
  /** Highlighted row of the open list. */
  readonly pick: number;
  /** Selected event of the turn. */
  readonly event: number;
  readonly notice: Notice | null;
  /** `s` was pressed once and a second press would drop branches. */
  readonly confirmNewSeed: boolean;
  /** The variants of the scenario, for what-if branches. */
  readonly variants: readonly VariantOption[];
}

export type SessionAction =
  | { readonly type: 'forward' | 'back' | 'first' | 'last' | 'toggle-play' | 'tick' | 'close' | 'compare' | 'choose' }
  | { readonly type: 'open'; readonly mode: Exclude<Mode, 'main'> }
  /** Move the highlight of the open list by `delta` rows (clamped to the list). */
  | { readonly type: 'move'; readonly delta: number }
  | { readonly type: 'section'; readonly delta: 1 | -1 }
  | { readonly type: 'fork'; readonly fork: Fork }
  | { readonly type: 'switch'; readonly to: number }
  | { readonly type: 'select-event'; readonly delta: number }
  /** `s`: asks first when branches would be dropped; `seed` is used when it goes ahead. */
  | { readonly type: 'new-seed'; readonly seed: number }
  | { readonly type: 'notice'; readonly notice: Notice };

/** A session on a new run, at turn 0. */
export function startSession(history: History, variants: readonly VariantOption[] = []): Session {
  return {
    branches: [mainBranch(history)],
    active: 0,
    turn: 0,
    playing: false,
    mode: 'main',
    compare: false,
    pick: 0,
    event: 0,
    notice: null,
    confirmNewSeed: false,
    variants,
  };
}

/** The branch shown. */
export function activeBranch(session: Session): Branch {
  // `active` is always one of the session's branches.
  return session.branches[session.active]!;
}

/** The what-ifs the branch shown can fork at the turn shown. */
export function whatIfsOf(session: Session): WhatIf[] {
  const branch = activeBranch(session);
  const { history } = branch;
  return whatIfsAt(history.scenario, keptTurn(branch, session.turn).state, session.turn, history.turns, session.variants);
}

/** How many rows the open list has. */
function listSize(session: Session): number {
  if (session.mode === 'what-if') return whatIfsOf(session).length;
  if (session.mode === 'branches') return session.branches.length;
  return 0;
}

/** The next state of the session. Pure: every result comes from the engine. */
export function reduce(session: Session, action: SessionAction): Session {
  // A key press clears the last message; the autoplay clock does not.
  const state = action.type === 'tick' || action.type === 'notice' ? session : { ...session, notice: null, confirmNewSeed: false };
  return settle(apply(state, action, session));
}

function apply(state: Session, action: SessionAction, session: Session): Session {
  const branch = activeBranch(state);
  const horizon = branch.history.turns;
  switch (action.type) {
    case 'forward':
      if (state.turn >= horizon) return info(state, `This is the last turn (${horizon}); Home goes back to the start.`);
      return { ...state, turn: state.turn + 1, event: 0 };
    case 'back':
      return state.turn === 0 ? state : { ...state, turn: state.turn - 1, event: 0 };
    case 'first':
      return { ...state, turn: 0, event: 0 };
    case 'last':
      return { ...state, turn: horizon, event: 0 };
    case 'tick':
      if (!state.playing || state.mode !== 'main') return state;
      if (state.turn >= horizon) return { ...state, playing: false };
      return { ...state, turn: state.turn + 1, event: 0, playing: state.turn + 1 < horizon };
    case 'toggle-play':
      if (state.playing) return { ...state, playing: false };
      // Playing from the last turn starts again from the beginning, like a player.
      return state.turn >= horizon ? { ...state, turn: 0, event: 0, playing: true } : { ...state, playing: true };
    case 'open':
      return open(state, action.mode);
    case 'close':
      return { ...state, mode: 'main' };
    case 'move':
      return { ...state, pick: Math.max(0, Math.min(listSize(state) - 1, state.pick + action.delta)) };
    case 'section':
      return state.mode === 'what-if' ? { ...state, pick: sectionPick(whatIfsOf(state), state.pick, action.delta) } : state;
    case 'choose':
      if (state.mode === 'branches') return switchTo(state, state.pick);
      if (state.mode === 'what-if') {
        const chosen = whatIfsOf(state)[state.pick];
        return chosen === undefined ? { ...state, mode: 'main' } : fork(state, chosen.fork);
      }
      return state;
    case 'fork':
      return fork(state, action.fork);
    case 'switch':
      return switchTo(state, action.to);
    case 'compare':
      if (!state.compare && branch.parent === null) {
        return error(state, `${branch.name} has no parent to compare with; press b to branch a what-if first.`);
      }
      return { ...state, compare: !state.compare };
    case 'select-event': {
      const count = keptTurn(branch, state.turn).events.length;
      return { ...state, event: Math.max(0, Math.min(count - 1, state.event + action.delta)) };
    }
    case 'new-seed':
      if (state.branches.length === 1 || session.confirmNewSeed) return restart(state, action.seed);
      return {
        ...state,
        confirmNewSeed: true,
        notice: {
          tone: 'info',
          text: `Press s again for a new run with a new seed; this drops ${state.branches.length - 1} what-if branch${state.branches.length > 2 ? 'es' : ''}.`,
        },
      };
    case 'notice':
      return { ...state, notice: action.notice };
  }
}

function restart(state: Session, seed: number): Session {
  const main = state.branches[0]!.history;
  const fresh = startSession(startHistory(main.scenario, seed, main.turns), state.variants);
  return info(fresh, `New run with seed ${seed}, from ${monthLabel(main.scenario.start, 0)}; press → to step.`);
}

function open(state: Session, mode: Exclude<Mode, 'main'>): Session {
  const branch = activeBranch(state);
  if (mode === 'what-if' && state.turn >= branch.history.turns) {
    return error(state, 'This is the last turn: there is no next month for a what-if to change. Step back first.');
  }
  if (mode === 'event' && keptTurn(branch, state.turn).events.length === 0) {
    return info(state, 'No events this month.');
  }
  return { ...state, mode, playing: false, pick: mode === 'branches' ? state.active : 0 };
}

function fork(state: Session, change: Fork): Session {
  const parent = activeBranch(state);
  const id = state.branches.length;
  const child = forkBranch(parent, id, state.turn, change);
  // Show the first month the what-if can change, where the difference starts.
  const turn = state.turn + 1;
  const next = { ...state, branches: [...state.branches, child], active: id, turn, event: 0, mode: 'main' as const };
  return info(next, stripControl(`Forked ${child.name} from ${parent.name} at turn ${state.turn}: ${change.change}. Showing turn ${turn}.`));
}

function switchTo(state: Session, to: number): Session {
  const count = state.branches.length;
  const id = ((to % count) + count) % count;
  // `id` is taken modulo the branch count, and a session has its main line.
  const target = state.branches[id]!;
  const from = target.parent === null ? '' : ` (from ${state.branches[target.parent]!.name} at turn ${target.forkTurn}: ${target.change})`;
  return info({ ...state, active: id, mode: 'main', event: 0 }, stripControl(`Showing ${target.name}${from}.`));
}

/** Compute what the screen needs: the shown branch (and its parent when comparing) up to the turn. */
function settle(state: Session): Session {
  const branch = activeBranch(state);
  const turn = Math.min(state.turn, branch.history.turns);
  const compare = state.compare && branch.parent !== null;
  const branches = state.branches.map((item) => {
    if (item.id === state.active || (compare && item.id === branch.parent)) return reach(item, turn);
    return item;
  });
  const changed = branches.some((item, index) => item !== state.branches[index]);
  if (!changed && turn === state.turn && compare === state.compare) return state;
  return { ...state, branches, turn, compare };
}
