import { misfit, verdictCounts, type ExpectationResult } from './expectations.js';
import { valuesAt, type StudyParameter } from './sensitivity/parameters.js';
import { sobolPoints } from './sensitivity/sobol-sequence.js';
import { studyStream } from './sensitivity/uniform.js';

// Calibration by approximate Bayesian computation (rejection ABC) over a
// space-filling sample: candidates are the points of a scrambled Sobol'
// sequence in the unit cube, mapped through each parameter's declared
// distribution (the prior); every candidate is run on the same seeds (common
// random numbers) and scored by the scenario's expectations; the candidates
// that fail none are accepted. A second round samples a smaller box around
// the best candidate to refine the best values; the accepted set (and its
// spread) is that of the first round alone, a sample of the prior kept where
// the expectations hold. Pure: the command runs the candidates and feeds the
// results back.

/** Everything a calibration's candidates depend on: the same plan makes the same candidates everywhere. */
export interface CalibrationPlan {
  readonly parameters: readonly StudyParameter[];
  /** Candidates of the first round. */
  readonly samples: number;
  /** Candidates of the refinement round (0: none). */
  readonly refine: number;
  readonly seed: number;
}

/** One point tried: its coordinates in the unit cube and its parameter values. */
export interface Candidate {
  readonly index: number;
  readonly round: 1 | 2;
  readonly unit: readonly number[];
  readonly values: Readonly<Record<string, number>>;
}

/** A candidate with the expectations' results at it. */
export interface ScoredCandidate extends Candidate {
  readonly results: readonly ExpectationResult[];
  readonly fails: number;
  readonly undecided: number;
  readonly misfit: number;
  /** How far the estimates sit from the middles of their ranges (in half-widths, squared, weighted): breaks ties among candidates with no misfit. */
  readonly offCentre: number;
}

/** Share of the first round kept when no candidate meets every expectation. */
export const FALLBACK_FRACTION = 0.1;

export const DEFAULT_CALIBRATION_SAMPLES = 64;
export const CALIBRATION_LIMITS = { samples: 65_536, parameters: 16 } as const;

/** The refinement round's size when not given: a quarter of the first. */
export function defaultRefine(samples: number): number {
  return Math.max(1, Math.floor(samples / 4));
}

function candidatesIn(plan: CalibrationPlan, round: 1 | 2, count: number, box: readonly (readonly [number, number])[], first: number): Candidate[] {
  const k = plan.parameters.length;
  const points = sobolPoints(k, count, studyStream(plan.seed, `calibration-round-${round}`));
  return Array.from({ length: count }, (_, i) => {
    const unit = box.map(([low, high], d) => low + (high - low) * points[i * k + d]!);
    return { index: first + i, round, unit, values: valuesAt(plan.parameters, unit) };
  });
}

/** The first round: `samples` scrambled Sobol' points over the whole of every range. */
export function firstRound(plan: CalibrationPlan): Candidate[] {
  return candidatesIn(plan, 1, plan.samples, plan.parameters.map(() => [0, 1] as const), 0);
}

/** Score a candidate from its expectations' results. */
export function scoreCandidate(candidate: Candidate, results: readonly ExpectationResult[]): ScoredCandidate {
  const counts = verdictCounts(results);
  let offCentre = 0;
  for (const result of results) {
    const [low, high] = result.range;
    const half = Math.max((high - low) / 2, 1e-6);
    offCentre += result.weight * ((result.estimate - (low + high) / 2) / half) ** 2;
  }
  return { ...candidate, results, fails: counts.fail, undecided: counts.undecided, misfit: misfit(results), offCentre };
}

/** Better first: fewer failures, fewer undecided, less misfit, nearer the middles, then the earlier candidate. */
export function byFit(a: ScoredCandidate, b: ScoredCandidate): number {
  return a.fails - b.fails || a.undecided - b.undecided || a.misfit - b.misfit || a.offCentre - b.offCentre || a.index - b.index;
}

/** The candidates of the first round the expectations accept: those that fail none, or the best tenth when none does. */
export function acceptedOf(scored: readonly ScoredCandidate[]): { accepted: ScoredCandidate[]; fallback: boolean } {
  const round = scored.filter((candidate) => candidate.round === 1).sort((a, b) => a.index - b.index);
  const passing = round.filter((candidate) => candidate.fails === 0);
  if (passing.length > 0 || round.length === 0) return { accepted: passing, fallback: false };
  const keep = Math.max(1, Math.ceil(round.length * FALLBACK_FRACTION));
  return { accepted: [...round].sort(byFit).slice(0, keep).sort((a, b) => a.index - b.index), fallback: true };
}

/**
 * The refinement round: Sobol' points in a box around the best first-round
 * candidate, half as wide in each coordinate as the accepted set's spread
 * (at least one first-round cell wide), inside the unit cube.
 */
export function refineRound(plan: CalibrationPlan, scored: readonly ScoredCandidate[]): Candidate[] {
  if (plan.refine === 0 || scored.length === 0) return [];
  const best = [...scored].sort(byFit)[0]!;
  const { accepted } = acceptedOf(scored);
  const k = plan.parameters.length;
  const cell = 1 / Math.max(1, plan.samples ** (1 / k));
  const box = best.unit.map((centre, d) => {
    const us = accepted.map((candidate) => candidate.unit[d]!);
    const spread = us.length === 0 ? 0 : Math.max(...us) - Math.min(...us);
    const half = Math.max(spread / 4, cell / 2);
    const low = Math.max(0, centre - half);
    const high = Math.min(1, centre + half);
    return [low, high] as const;
  });
  return candidatesIn(plan, 2, plan.refine, box, plan.samples);
}

/** Minimum, median and maximum of a parameter over a set. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { min: sorted[0]!, median: Math.round(median * 1e6) / 1e6, max: sorted[n - 1]! };
}

export interface CalibrationSummary {
  readonly parameters: readonly StudyParameter[];
  readonly samples: number;
  readonly refine: number;
  /** Candidates run (fewer than samples + refine when interrupted). */
  readonly evaluated: number;
  readonly interrupted: boolean;
  /** No candidate of the first round met every expectation: the accepted set is the best tenth. */
  readonly fallback: boolean;
  readonly best: ScoredCandidate | null;
  readonly accepted: {
    readonly count: number;
    readonly spread: Readonly<Record<string, Spread>>;
  };
}

/** The outcome of a calibration from the candidates scored (in any order). */
export function summarizeCalibration(plan: CalibrationPlan, scored: readonly ScoredCandidate[], interrupted: boolean): CalibrationSummary {
  const ordered = [...scored].sort((a, b) => a.index - b.index);
  const { accepted, fallback } = acceptedOf(ordered);
  const best = ordered.length === 0 ? null : [...ordered].sort(byFit)[0]!;
  const spread = accepted.length === 0
    ? {}
    : Object.fromEntries(plan.parameters.map((parameter) => [parameter.name, spreadOf(accepted.map((candidate) => candidate.values[parameter.name]!))]));
  return {
    parameters: plan.parameters,
    samples: plan.samples,
    refine: plan.refine,
    evaluated: ordered.length,
    interrupted,
    fallback,
    best,
    accepted: { count: accepted.length, spread },
  };
}
