import { pointOf } from './design.js';
import { DEFAULT_LEVELS, morrisDesign, type MorrisDesign } from './morris.js';
import { valuesAt, type StudyParameter } from './parameters.js';
import { saltelliDesign, type SaltelliDesign } from './sobol.js';
import { studyStream } from './uniform.js';

/** How a study samples the parameters' ranges. */
export type StudyMethod = 'morris' | 'sobol';

/** Everything a study's design depends on: the same plan makes the same points on every machine. */
export interface StudyPlan {
  readonly method: StudyMethod;
  readonly parameters: readonly StudyParameter[];
  /** Morris: the number of trajectories. Sobol: the number of base samples N. */
  readonly size: number;
  /** Grid levels of a Morris design (ignored by Sobol). */
  readonly levels: number;
  readonly seed: number;
}

export type StudyDesign =
  | { readonly method: 'morris'; readonly design: MorrisDesign }
  | { readonly method: 'sobol'; readonly design: SaltelliDesign };

export const DEFAULT_TRAJECTORIES = 10;
export const DEFAULT_SAMPLES = 256;
export { DEFAULT_LEVELS };

/** The points a plan's study runs. */
export function designStudy(plan: StudyPlan): StudyDesign {
  const random = studyStream(plan.seed, 'design');
  const k = plan.parameters.length;
  return plan.method === 'morris'
    ? { method: 'morris', design: morrisDesign(k, plan.size, random, plan.levels) }
    : { method: 'sobol', design: saltelliDesign(k, plan.size, random) };
}

/** How many points a plan's study has, counted without making them. */
export function pointCount(plan: Pick<StudyPlan, 'method' | 'parameters' | 'size'>): number {
  const k = plan.parameters.length;
  return plan.method === 'morris' ? plan.size * (k + 1) : plan.size * (k + 2);
}

/** The parameter values of every point, as overrides of the scenario's parameters. */
export function pointParameters(plan: StudyPlan, study: StudyDesign): Record<string, number>[] {
  return Array.from({ length: study.design.count }, (_, index) => valuesAt(plan.parameters, pointOf(study.design, index)));
}

/**
 * The largest study: the points' parameter values go to every worker, and
 * the study keeps each output's value at each point (8 bytes a point an
 * output), so 200,000 points of 100 outputs take 160 MB.
 */
export const STUDY_LIMITS = { parameters: 64, trajectories: 10_000, samples: 65_536, levels: 100, points: 200_000 } as const;
