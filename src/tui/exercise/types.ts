// What an exercise is played with, as the command line hands it over: checked
// roles and a checked inject timeline.

/** A role a person plays: the actor they decide for, and what they read. */
export interface Role {
  readonly actor: string;
  readonly name: string;
  readonly brief: string;
  readonly goals: readonly string[];
}

/** An inject of the timeline: it fires its rule at its turn unless the instructor holds it back. */
export interface Inject {
  readonly id: string;
  readonly turn: number;
  readonly event: string;
  /** The title of the rule it fires. */
  readonly title: string;
  readonly brief: string;
}

/** What happened to an inject: fired (at its turn or earlier, by the instructor) or held back at its turn. */
export interface InjectFate {
  readonly inject: string;
  readonly turn: number;
  readonly how: 'fired' | 'held';
}
