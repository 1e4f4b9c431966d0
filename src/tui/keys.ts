import type { Key } from 'ink';
import type { Mode } from './session.js';

/** What a key asks for; the app turns commands into session actions and effects. */
export type Command =
  | 'forward' | 'back' | 'first' | 'last' | 'play'
  | 'previous-event' | 'next-event' | 'event-details'
  | 'what-if' | 'next-branch' | 'previous-branch' | 'branches' | 'compare'
  | 'new-seed' | 'export' | 'help' | 'quit' | 'interrupt'
  | 'up' | 'down' | 'page-up' | 'page-down' | 'top' | 'bottom' | 'next-section' | 'previous-section' | 'choose' | 'close';

/** One physical key: a typed character, or a named key of Ink's `Key`, with modifiers. */
export interface KeySpec {
  readonly input?: string;
  readonly key?: 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab';
  readonly ctrl?: boolean;
  readonly shift?: boolean;
}

/** Where a binding works: on the panels, in the lists (what-ifs, branches), in the event details, in help, or everywhere. */
export type Scope = 'panels' | 'list' | 'details' | 'help' | 'everywhere';

export interface Binding {
  readonly scope: Scope;
  /** The keys as help shows them. */
  readonly label: string;
  readonly keys: readonly KeySpec[];
  readonly command: Command;
  readonly description: string;
}

/** Every key of the UI. Help (`?`) and the README show this table. */
export const BINDINGS: readonly Binding[] = [
  { scope: 'panels', label: '→ l', keys: [{ key: 'rightArrow' }, { input: 'l' }], command: 'forward', description: 'step forward one month' },
  { scope: 'panels', label: '← h', keys: [{ key: 'leftArrow' }, { input: 'h' }], command: 'back', description: 'step back one month (instant, from kept states)' },
  { scope: 'panels', label: 'Home g', keys: [{ key: 'home' }, { input: 'g' }], command: 'first', description: 'go to the start (turn 0)' },
  { scope: 'panels', label: 'End G', keys: [{ key: 'end' }, { input: 'G' }], command: 'last', description: 'go to the last turn' },
  { scope: 'panels', label: 'space', keys: [{ input: ' ' }], command: 'play', description: 'autoplay / pause' },
  { scope: 'panels', label: '↑ ↓ k j', keys: [{ key: 'upArrow' }, { input: 'k' }], command: 'previous-event', description: 'select an event of this month' },
  { scope: 'panels', label: '', keys: [{ key: 'downArrow' }, { input: 'j' }], command: 'next-event', description: '' },
  { scope: 'panels', label: 'Enter', keys: [{ key: 'return' }], command: 'event-details', description: 'why the selected event fired, in full' },
  { scope: 'panels', label: 'b', keys: [{ input: 'b' }], command: 'what-if', description: 'branch a what-if at this turn (pick from a list)' },
  { scope: 'panels', label: 'Tab S-Tab', keys: [{ key: 'tab', shift: false }], command: 'next-branch', description: 'switch to the next / previous branch' },
  { scope: 'panels', label: '', keys: [{ key: 'tab', shift: true }], command: 'previous-branch', description: '' },
  { scope: 'panels', label: 't', keys: [{ input: 't' }], command: 'branches', description: 'list the branches and pick one' },
  { scope: 'panels', label: 'c', keys: [{ input: 'c', ctrl: false }], command: 'compare', description: 'show this branch side by side with its parent' },
  { scope: 'panels', label: 's', keys: [{ input: 's' }], command: 'new-seed', description: 'new run with a new seed (drops branches)' },
  { scope: 'panels', label: 'e', keys: [{ input: 'e' }], command: 'export', description: 'export the run record of the branch shown' },
  { scope: 'panels', label: '?', keys: [{ input: '?' }], command: 'help', description: 'show this help' },
  { scope: 'list', label: '↑ ↓ k j', keys: [{ key: 'upArrow' }, { input: 'k' }], command: 'up', description: 'move in the list' },
  { scope: 'list', label: '', keys: [{ key: 'downArrow' }, { input: 'j' }], command: 'down', description: '' },
  { scope: 'list', label: 'PgUp PgDn', keys: [{ key: 'pageUp' }], command: 'page-up', description: 'move a page' },
  { scope: 'list', label: '', keys: [{ key: 'pageDown' }], command: 'page-down', description: '' },
  { scope: 'list', label: 'Home End', keys: [{ key: 'home' }], command: 'top', description: 'first / last entry' },
  { scope: 'list', label: '', keys: [{ key: 'end' }], command: 'bottom', description: '' },
  { scope: 'list', label: 'Tab S-Tab', keys: [{ key: 'tab', shift: false }], command: 'next-section', description: 'next / previous section (what-ifs)' },
  { scope: 'list', label: '', keys: [{ key: 'tab', shift: true }], command: 'previous-section', description: '' },
  { scope: 'list', label: 'Enter', keys: [{ key: 'return' }], command: 'choose', description: 'choose' },
  { scope: 'list', label: 'Esc', keys: [{ key: 'escape' }], command: 'close', description: 'close the list' },
  { scope: 'details', label: '↑ ↓', keys: [{ key: 'upArrow' }, { input: 'k' }], command: 'previous-event', description: 'previous / next event' },
  { scope: 'details', label: '', keys: [{ key: 'downArrow' }, { input: 'j' }], command: 'next-event', description: '' },
  { scope: 'details', label: 'Esc Enter', keys: [{ key: 'escape' }, { key: 'return' }], command: 'close', description: 'back to the panels' },
  { scope: 'help', label: 'Esc ?', keys: [{ key: 'escape' }, { input: '?' }], command: 'close', description: 'close help' },
  { scope: 'everywhere', label: 'q', keys: [{ input: 'q' }], command: 'quit', description: 'quit' },
  { scope: 'everywhere', label: 'Ctrl+C', keys: [{ input: 'c', ctrl: true }], command: 'interrupt', description: 'quit at once (exit code 130)' },
];

const SCOPE_OF: Readonly<Record<Mode, Scope>> = {
  main: 'panels',
  'what-if': 'list',
  branches: 'list',
  event: 'details',
  help: 'help',
};

/** The command a key press means in a mode, if any. */
export function commandFor(mode: Mode, input: string, key: Key): Command | null {
  const scope = SCOPE_OF[mode];
  const binding = BINDINGS.find((item) =>
    (item.scope === scope || item.scope === 'everywhere') && item.keys.some((spec) => matches(spec, input, key)));
  return binding?.command ?? null;
}

/** Does a key press match a key spec? Shared by every key table. */
export function matches(spec: KeySpec, input: string, key: Key): boolean {
  if (spec.ctrl !== undefined && spec.ctrl !== key.ctrl) return false;
  if (spec.shift !== undefined && spec.shift !== key.shift) return false;
  if (spec.key !== undefined) return key[spec.key];
  // A typed character never counts while Ctrl is held, unless the spec asks for Ctrl.
  if (key.ctrl && spec.ctrl !== true) return false;
  return spec.input === input;
}

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

/**
 * Single key presses from one input event. Ink hands over a run of plain
 * characters typed (or sent by tmux) faster than it reads as one string, such
 * as `ll` or `j\r`; each character is a key press of its own.
 */
export function keyPresses(input: string, key: Key): { readonly input: string; readonly key: Key }[] {
  if (input.length <= 1 || key.ctrl || key.meta) return [{ input, key }];
  return [...input].map((char) => {
    if (char === '\r' || char === '\n') return { input: '\r', key: { ...NO_KEY, return: true } };
    if (char === '\t') return { input: '', key: { ...NO_KEY, tab: true } };
    return { input: char, key: { ...NO_KEY, shift: /[A-Z]/.test(char) } };
  });
}

/** Bindings of any key table, of one scope, merged into help rows (one row per label). */
export function rowsOf<S extends string>(
  bindings: readonly { readonly scope: S; readonly label: string; readonly description: string }[],
  scope: S,
): { readonly label: string; readonly description: string }[] {
  return bindings.filter((item) => item.scope === scope && item.label !== '').map(({ label, description }) => ({ label, description }));
}

/** A titled group of a key table's bindings, as help shows it. */
export interface HelpSection<S extends string> {
  readonly scope: S;
  readonly title: string;
}

/** The UI's help, section by section. */
export const HELP_SECTIONS: readonly HelpSection<Scope>[] = [
  { scope: 'everywhere', title: 'Everywhere' },
  { scope: 'panels', title: 'On the panels' },
  { scope: 'list', title: 'In a list (what-ifs, branches)' },
];

/** The bindings of a scope, merged into help rows (one row per label). */
export function helpRows(scope: Scope): { readonly label: string; readonly description: string }[] {
  return rowsOf(BINDINGS, scope);
}
