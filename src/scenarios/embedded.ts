import { hashOf } from '../engine/hash.js';
import { RecordError, type RunRecord } from '../engine/record.js';
import { formatProblem } from './problem.js';
import { scenarioHash } from './scenario-hash.js';
import type { ScenarioSpec } from './format.js';
import { validateData } from './validation.js';

// The scenario a run record embeds (format version 2): checked as strictly as
// a scenario file, and compared with a file the user names beside the record.

/** The variants a record's run uses: the one it starts with, then each it switches to. */
export function variantsOf(record: RunRecord): { readonly variant: string | null; readonly hash: string; readonly field: string }[] {
  return [
    { variant: record.scenario.variant, hash: record.scenario.hash, field: 'scenario.hash' },
    ...(record.switches ?? []).map((item, i) => ({ variant: item.variant, hash: item.hash, field: `switches[${i}].hash` })),
  ];
}

/**
 * The scenario a record embeds, or null for a version 1 record (which only
 * names it). The data must be a valid scenario of the record's id, and give
 * the recorded run hash with the record's variant and with each variant it
 * switches to; otherwise the record is refused.
 */
export function embeddedSpec(record: RunRecord): ScenarioSpec | null {
  if (record.scenarioData === undefined) return null;
  const result = validateData(record.scenarioData);
  if (result.spec === null) {
    const first = result.problems[0];
    const why = first === undefined ? '' : `: scenarioData.${formatProblem({ ...first, line: undefined })}`;
    throw new RecordError(`has an embedded scenario that is not a valid scenario${why}`);
  }
  const spec = result.spec;
  if (spec.id !== record.scenario.id) {
    throw new RecordError(`embeds scenario ${spec.id}, not ${record.scenario.id}, the scenario it names`);
  }
  for (const { variant, hash, field } of variantsOf(record)) {
    if (variant !== null && !spec.variants.some((item) => item.id === variant)) {
      throw new RecordError(`embeds a scenario without the variant \`${variant}\` that its run uses`);
    }
    const actual = scenarioHash(spec, variant);
    if (actual !== hash) {
      throw new RecordError(
        `has an embedded scenario that does not give its run hash (${field} ${hash.slice(0, 12)}…, ` +
          `the embedded scenario gives ${actual.slice(0, 12)}…): the record was changed after it was written`,
      );
    }
  }
  return spec;
}

/**
 * How a scenario differs from the one a record embeds:
 * - `same`: not at all;
 * - `text`: only in text read by people (titles, descriptions, narratives,
 *   sources, names, briefs, goals, posture labels, the version);
 * - `unused`: also in parts this record's run does not use (other variants,
 *   the roles' actors, the inject timeline), so this run replays the same;
 * - `runs`: in what the run computes, so runs (this record's among them) can
 *   come out differently.
 */
export type Difference = 'same' | 'text' | 'unused' | 'runs';

export function differenceOf(embedded: ScenarioSpec, other: ScenarioSpec, record: RunRecord): Difference {
  // `format` says how a file is written: a record made before its file declared one is the same scenario.
  const { $schema: _schema, format: _format, ...plain } = other;
  const { format: _embeddedFormat, ...embeddedPlain } = embedded;
  if (hashOf(plain) === hashOf(embeddedPlain)) return 'same';
  const a = withoutText(embedded);
  const b = withoutText(other);
  for (const { variant } of variantsOf(record)) {
    if (variant !== null && !b.variants.some((item) => item.id === variant)) return 'runs';
    if (scenarioHash(a, variant) !== scenarioHash(b, variant)) return 'runs';
  }
  return hashOf(a) === hashOf(b) ? 'text' : 'unused';
}

/**
 * A scenario with every text read only by people emptied, and its id and
 * version too (neither enters a run's state): two scenarios that differ only
 * in such text give the same runs.
 */
export function withoutText(spec: ScenarioSpec): ScenarioSpec {
  const { $schema: _schema, format: _format, ...rest } = spec;
  return {
    ...rest,
    id: '',
    title: '',
    version: '',
    description: '',
    issues: spec.issues.map((issue) => ({ ...issue, title: '', description: '' })),
    actors: spec.actors.map((actor) => ({
      ...actor,
      name: '',
      description: '',
      posture: actor.posture.map((posture) => ({ ...posture, label: '' })),
      actions: actor.actions.map((action) => ({ ...action, title: '', tends: '' })),
    })),
    indicators: spec.indicators.map((indicator) => ({ ...indicator, title: '', description: '' })),
    rules: spec.rules.map((rule) => ({ ...rule, title: '', narrative: '', source: '' })),
    metrics: spec.metrics.map((metric) => ({ ...metric, title: '' })),
    outcomes: spec.outcomes.map((outcome) => ({ ...outcome, title: '' })),
    variants: spec.variants.map((variant) => ({ ...variant, title: '', description: '' })),
    roles: spec.roles.map((role) => ({ ...role, brief: '', goals: [] })),
    injects: spec.injects.map((inject) => ({ ...inject, brief: '' })),
  };
}
