import type { Key } from 'ink';
import { matches, type HelpSection, type KeySpec } from '../keys.js';
import type { ExerciseMode } from './session.js';

/** What a key asks for in an exercise; the app turns commands into session actions and effects. */
export type ExerciseCommand =
  | 'up' | 'down' | 'choose' | 'take-back' | 'brief' | 'instructor' | 'panels' | 'odds' | 'export' | 'help' | 'close'
  | 'fire' | 'hold' | 'earlier' | 'later' | 'quit' | 'save' | 'interrupt'
  | `select-${number}`;

/** Where a binding works: deciding, in the instructor's list, in the panels view, in the brief or help, or everywhere. */
export type ExerciseScope = 'decide' | 'instructor' | 'panels' | 'read' | 'everywhere';

export interface ExerciseBinding {
  readonly scope: ExerciseScope;
  /** The keys as help shows them. */
  readonly label: string;
  readonly keys: readonly KeySpec[];
  readonly command: ExerciseCommand;
  readonly description: string;
}

const DIGITS: readonly ExerciseBinding[] = Array.from({ length: 9 }, (_, i): ExerciseBinding => ({
  scope: 'decide',
  label: i === 0 ? '1…9' : '',
  keys: [{ input: String(i + 1) }],
  command: `select-${i}`,
  description: i === 0 ? 'highlight action 1 to 9' : '',
}));

/** Every key of an exercise. Help (`?`) shows this table. */
export const EXERCISE_BINDINGS: readonly ExerciseBinding[] = [
  { scope: 'decide', label: '↑ ↓ k j', keys: [{ key: 'upArrow' }, { input: 'k' }], command: 'up', description: 'highlight an action' },
  { scope: 'decide', label: '', keys: [{ key: 'downArrow' }, { input: 'j' }], command: 'down', description: '' },
  ...DIGITS,
  { scope: 'decide', label: 'Enter', keys: [{ key: 'return' }], command: 'choose', description: 'choose the highlighted action (the month is played when every role has chosen)' },
  { scope: 'decide', label: 'u', keys: [{ input: 'u' }], command: 'take-back', description: 'take back the last choice, or the last month' },
  { scope: 'decide', label: 'r', keys: [{ input: 'r' }], command: 'brief', description: 'read the role\'s brief and goals in full' },
  { scope: 'decide', label: 'Tab', keys: [{ key: 'tab' }], command: 'panels', description: 'the full panels: actors, cooperation, indicators, events and why' },
  { scope: 'decide', label: 'p', keys: [{ input: 'p' }], command: 'odds', description: 'show / hide the model\'s odds beside the actions' },
  { scope: 'decide', label: 'i', keys: [{ input: 'i' }], command: 'instructor', description: 'instructor: the inject timeline; fire or hold back an inject or rule' },
  { scope: 'decide', label: 'e', keys: [{ input: 'e' }], command: 'export', description: 'export the record (for replay, the report and --resume)' },
  { scope: 'decide', label: '?', keys: [{ input: '?' }], command: 'help', description: 'show this help' },
  { scope: 'instructor', label: '↑ ↓ k j', keys: [{ key: 'upArrow' }, { input: 'k' }], command: 'up', description: 'move in the list' },
  { scope: 'instructor', label: '', keys: [{ key: 'downArrow' }, { input: 'j' }], command: 'down', description: '' },
  { scope: 'instructor', label: 'f', keys: [{ input: 'f' }], command: 'fire', description: 'fire the inject or rule next month (press again to cancel)' },
  { scope: 'instructor', label: 'x', keys: [{ input: 'x' }], command: 'hold', description: 'hold back: block an inject at its turn, or a rule next month' },
  { scope: 'instructor', label: 'Esc i', keys: [{ key: 'escape' }, { input: 'i' }], command: 'close', description: 'back to the decision' },
  { scope: 'panels', label: '← →', keys: [{ key: 'leftArrow' }, { input: 'h' }], command: 'earlier', description: 'look at an earlier / later month' },
  { scope: 'panels', label: '', keys: [{ key: 'rightArrow' }, { input: 'l' }], command: 'later', description: '' },
  { scope: 'panels', label: 'Tab Esc', keys: [{ key: 'tab' }, { key: 'escape' }], command: 'close', description: 'back to the decision' },
  { scope: 'read', label: 'Esc Enter', keys: [{ key: 'escape' }, { key: 'return' }, { input: 'r' }, { input: '?' }], command: 'close', description: 'close' },
  { scope: 'everywhere', label: 'q', keys: [{ input: 'q' }], command: 'quit', description: 'quit (asks first if the turns played are not saved)' },
  { scope: 'everywhere', label: 's', keys: [{ input: 's' }], command: 'save', description: 'save the record and quit (--resume continues it)' },
  { scope: 'everywhere', label: 'Ctrl+C', keys: [{ input: 'c', ctrl: true }], command: 'interrupt', description: 'quit at once (exit code 130)' },
];

// When the exercise is over, the decision keys that still make sense stay.
const DONE: ReadonlySet<ExerciseCommand> = new Set(['take-back', 'panels', 'export', 'help', 'brief']);

const SCOPE_OF: Readonly<Record<ExerciseMode, ExerciseScope>> = {
  decide: 'decide',
  done: 'decide',
  instructor: 'instructor',
  panels: 'panels',
  brief: 'read',
  help: 'read',
};

/** The command a key press means in a mode, if any. */
export function exerciseCommandFor(mode: ExerciseMode, input: string, key: Key): ExerciseCommand | null {
  const scope = SCOPE_OF[mode];
  const binding = EXERCISE_BINDINGS.find((item) =>
    (item.scope === scope || item.scope === 'everywhere')
    && (mode !== 'done' || item.scope === 'everywhere' || DONE.has(item.command))
    && item.keys.some((spec) => matches(spec, input, key)));
  return binding?.command ?? null;
}

/** The exercise's help, section by section. */
export const EXERCISE_HELP_SECTIONS: readonly HelpSection<ExerciseScope>[] = [
  { scope: 'everywhere', title: 'Everywhere' },
  { scope: 'decide', title: 'Deciding' },
  { scope: 'instructor', title: 'Instructor (i)' },
  { scope: 'panels', title: 'All panels (Tab)' },
];
