import type { AfterAction } from '../engine/analysis/after-action.js';

/** A role brief, as the scenario gives it. */
export interface RoleBrief {
  readonly actor: string;
  readonly brief: string;
  readonly goals: readonly string[];
}

/** An inject of the scenario's timeline, to give the injects that fired their briefs. */
export interface InjectBrief {
  readonly id: string;
  /** A turn, or the month it stands for (`2024-06`), as the scenario writes it. */
  readonly turn: number | string;
  readonly event: string;
  readonly brief: string;
}

/** What a report is made from: the analysis of the run, and the scenario's exercise texts. */
export interface ReportInput {
  readonly analysis: AfterAction;
  readonly roles: readonly RoleBrief[];
  readonly injects: readonly InjectBrief[];
  /** Teams of a hosted exercise decided by their actor's policy (the record's `decidedByPolicy`). */
  readonly decidedByPolicy?: readonly { readonly turn: number; readonly actor: string; readonly why: 'deadline' | 'instructor' }[];
  /** The record file as the user named it, for the commands that reproduce the report. */
  readonly record: string;
  /** The scenario file the record must be read with (`--scenario`; a version 1 record of a file scenario), or null. */
  readonly scenarioFile?: string | null;
  /** How this report was written besides its runs (`--format html --out FILE`), so "this report again" writes the same file. */
  readonly output?: readonly string[];
}
