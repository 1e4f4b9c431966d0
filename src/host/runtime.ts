// A hosted exercise with its journal and its clock: every change is checked
// against the game, appended to the journal and flushed before it counts, and
// the run record is rewritten after every turn played. No network here: the
// server and the console both drive it through `submit`.
import { hashOf } from '../engine/hash.js';
import { startHistory } from '../engine/history.js';
import { recordOf, type RunRecord } from '../engine/record.js';
import type { Scenario } from '../engine/types.js';
import { compileScenario } from '../scenarios/compile.js';
import { embeddedSpec } from '../scenarios/embedded.js';
import { startExercise } from '../tui/exercise/session.js';
import { applyEntry, decidingTurn, everyoneChose, isOver, Refusal, startGame, type HostGame } from './game.js';
import { JOURNAL_FORMAT, JOURNAL_VERSION, type JournalEntry, type StartEntry } from './journal-entry.js';
import { Journal, JournalError } from './journal.js';
import type { Inject, Role } from '../tui/exercise/types.js';

/** Writes a file whole or not at all. */
export type WriteFile = (path: string, content: string) => void;

export interface RuntimeOptions {
  readonly writeFile: WriteFile;
  /** Milliseconds now; a test's clock can stand in. */
  readonly now?: () => number;
  /** Told after every change (the server re-sends views, the console redraws). */
  readonly onChange?: (text: string) => void;
}

/** What a new exercise is started with. */
export interface NewExercise {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly turns: number;
  readonly roles: readonly Role[];
  readonly injects: readonly Inject[];
  readonly injectFile: boolean;
  readonly deadline: number | null;
  readonly tokens: Readonly<Record<string, string>>;
  readonly recordPath: string;
  readonly listen: string;
}

/** The journal's first line for a new exercise. */
export function startEntryOf(spec: NewExercise): StartEntry {
  const record = recordOf(startHistory(spec.scenario, spec.seed, spec.turns), recordOptions(spec.roles, spec.injectFile ? spec.injects : undefined));
  return {
    t: 'start',
    format: JOURNAL_FORMAT,
    version: JOURNAL_VERSION,
    record: { scenario: { ...record.scenario, dataHash: record.scenario.dataHash! }, scenarioData: record.scenarioData as Record<string, unknown> },
    seed: spec.seed,
    turns: spec.turns,
    roles: spec.roles.map((role) => ({ ...role, goals: [...role.goals] })),
    injects: [...spec.injects],
    injectFile: spec.injectFile,
    deadline: spec.deadline,
    tokens: { ...spec.tokens },
    listen: spec.listen,
    recordPath: spec.recordPath,
  };
}

function recordOptions(roles: readonly Role[], injects: readonly Inject[] | undefined) {
  return { roles, ...(injects === undefined ? {} : { injects }) };
}

/** The scenario a journal's start embeds, checked against its hashes. */
export function scenarioOfStart(start: StartEntry): Scenario {
  const { scenario, scenarioData } = start.record;
  if (hashOf(scenarioData) !== scenario.dataHash) throw new JournalError('has a start line whose embedded scenario does not match its hash');
  const spec = embeddedSpec({ scenario, scenarioData } as unknown as RunRecord);
  if (spec === null) throw new JournalError('has a start line without its scenario');
  return compileScenario(spec, scenario.variant);
}

export class HostRuntime {
  private gameValue: HostGame;
  /** When the running turn's deadline passes (ms), or null. */
  private endsAt: number | null = null;
  /** Milliseconds left of a paused turn's deadline. */
  private left: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  private readonly listeners: ((text: string, entry: JournalEntry) => void)[] = [];

  constructor(readonly start: StartEntry, scenario: Scenario, readonly journal: Journal, entries: readonly JournalEntry[], private readonly options: RuntimeOptions) {
    this.now = options.now ?? Date.now;
    const history = startHistory(scenario, start.seed, start.turns);
    let game = startGame(startExercise(history, start.roles, start.injects));
    for (const [i, entry] of entries.entries()) {
      try {
        game = applyEntry(game, entry).game;
      } catch (error) {
        if (error instanceof Refusal) throw new JournalError(`line ${i + 2} cannot be replayed: ${error.message}`);
        throw error;
      }
    }
    this.gameValue = game;
    this.restartClock();
    // A turn every team had chosen for, cut off by a crash before it was played, is played now.
    this.playIfReady();
    if (entries.some((entry) => entry.t === 'play')) this.writeRecord();
  }

  /** Be told every change, with its sentence and its entry. */
  subscribe(listener: (text: string, entry: JournalEntry) => void): void {
    this.listeners.push(listener);
  }

  get game(): HostGame {
    return this.gameValue;
  }

  /** Milliseconds left of this turn's deadline, or null with none. */
  remaining(): number | null {
    if (isOver(this.gameValue) || this.start.deadline === null) return null;
    if (this.endsAt === null) return this.left;
    return Math.max(0, this.endsAt - this.now());
  }

  /** Apply an entry: refused (a Refusal) or journaled, flushed and applied. Returns what happened, in a sentence. */
  submit(entry: JournalEntry): string {
    const { game, text } = applyEntry(this.gameValue, entry);
    this.journal.append(entry);
    this.gameValue = game;
    if (entry.t === 'play') {
      this.writeRecord();
      this.restartClock();
    }
    if (entry.t === 'pause') this.pauseClock(entry.paused);
    this.options.onChange?.(text);
    for (const listener of this.listeners) listener(text, entry);
    this.playIfReady();
    return text;
  }

  /** The run record of the turns played. */
  record(): RunRecord {
    return recordOf(this.gameValue.session.history, {
      ...recordOptions(this.start.roles, this.start.injectFile ? this.start.injects : undefined),
      decidedByPolicy: this.gameValue.policy,
    });
  }

  close(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.journal.close();
  }

  private playIfReady(): void {
    const game = this.gameValue;
    if (!isOver(game) && !game.paused && everyoneChose(game)) this.submit({ t: 'play', turn: decidingTurn(game), reason: 'all' });
  }

  private writeRecord(): void {
    if (this.gameValue.session.history.kept.length < 2) return;
    this.options.writeFile(this.start.recordPath, `${JSON.stringify(this.record(), null, 2)}\n`);
  }

  /** A new turn's clock: the whole deadline (a resumed host starts the turn's clock again, paused if it was). */
  private restartClock(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.endsAt = null;
    this.left = null;
    if (this.start.deadline === null || isOver(this.gameValue)) return;
    const length = this.start.deadline * 60_000;
    if (this.gameValue.paused) this.left = length;
    else this.arm(length);
  }

  private pauseClock(paused: boolean): void {
    if (this.start.deadline === null) return;
    if (paused && this.endsAt !== null) {
      this.left = Math.max(0, this.endsAt - this.now());
      this.endsAt = null;
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
    } else if (!paused && this.endsAt === null) {
      this.arm(this.left ?? this.start.deadline * 60_000);
      this.left = null;
    }
  }

  private arm(ms: number): void {
    this.endsAt = this.now() + ms;
    const turn = decidingTurn(this.gameValue);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (decidingTurn(this.gameValue) !== turn || isOver(this.gameValue)) return;
      try {
        this.submit({ t: 'play', turn, reason: 'deadline' });
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
      }
    }, ms);
    this.timer.unref();
  }
}
