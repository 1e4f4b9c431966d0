import type { ParamRange } from '../engine/types.js';
import type { ParamSpec, ScenarioSpec } from './format.js';
import type { Problem } from './problem.js';

// Parameters as written: a plain number, or { value, range, distribution,
// bounds, source, note }. Runs read only the value; the range is what
// sensitivity analysis and calibration vary.

/** The value runs use. */
export function paramValue(param: ParamSpec): number {
  return typeof param === 'number' ? param : param.value;
}

/** Every parameter's value, by name. */
export function paramValues(params: Readonly<Record<string, ParamSpec>>): Record<string, number> {
  return Object.fromEntries(Object.entries(params).map(([name, param]) => [name, paramValue(param)]));
}

/** The parameters as written with other values (a variant's): ranges, sources and notes kept. */
export function withParamValues(
  params: Readonly<Record<string, ParamSpec>>,
  values: Readonly<Record<string, number>>,
): Record<string, ParamSpec> {
  const out: Record<string, ParamSpec> = { ...params };
  for (const [name, value] of Object.entries(values)) {
    const param = params[name];
    out[name] = param === undefined || typeof param === 'number' ? value : { ...param, value };
  }
  return out;
}

/** The declared ranges, by name in the scenario's order, with the values this compiled scenario runs with. */
export function paramRanges(
  params: Readonly<Record<string, ParamSpec>>,
  values: Readonly<Record<string, number>>,
): Record<string, ParamRange> {
  const out: Record<string, ParamRange> = {};
  for (const [name, param] of Object.entries(params)) {
    if (typeof param === 'number' || param.range === undefined) continue;
    out[name] = {
      value: values[name] ?? param.value,
      low: param.range[0],
      high: param.range[1],
      distribution: param.distribution ?? 'uniform',
      centre: param.value,
      ...(param.sd === undefined ? {} : { sd: param.sd }),
    };
  }
  return out;
}

/**
 * A range's low end is below its high end and contains the value; both lie
 * within any declared bounds; a normal distribution has an `sd` and no other
 * has one. Variants keep parameters within their bounds.
 */
export function checkParams(spec: ScenarioSpec, problems: Problem[]): void {
  for (const [name, param] of Object.entries(spec.params)) {
    if (typeof param === 'number') continue;
    const at = ['params', name];
    if (param.range === undefined) {
      for (const key of ['distribution', 'sd'] as const) {
        if (param[key] !== undefined) problems.push({ path: [...at, key], atKey: true, message: `\`${key}\` needs a \`range\` to spread over` });
      }
      if (param.bounds !== undefined) {
        const [min, max] = param.bounds;
        if (!(min < max)) problems.push({ path: [...at, 'bounds'], message: `the bounds' low end must be below their high end, not [${min}, ${max}]` });
        else if (param.value < min || param.value > max) problems.push({ path: [...at, 'value'], message: `${param.value} is outside the bounds [${min}, ${max}]` });
      }
      continue;
    }
    const [low, high] = param.range;
    if (!(low < high)) {
      problems.push({ path: [...at, 'range'], message: `the range's low end must be below its high end, not [${low}, ${high}]` });
    } else if (param.value < low || param.value > high) {
      problems.push({ path: [...at, 'range'], message: `the range [${low}, ${high}] must contain the value ${param.value}` });
    }
    if (param.bounds !== undefined) {
      const [min, max] = param.bounds;
      if (!(min < max)) {
        problems.push({ path: [...at, 'bounds'], message: `the bounds' low end must be below their high end, not [${min}, ${max}]` });
      } else if (low < min || high > max) {
        problems.push({ path: [...at, 'range'], message: `the range [${low}, ${high}] must lie within the bounds [${min}, ${max}]` });
      } else if (param.value < min || param.value > max) {
        problems.push({ path: [...at, 'value'], message: `${param.value} is outside the bounds [${min}, ${max}]` });
      }
    }
    const distribution = param.distribution ?? 'uniform';
    if (distribution === 'normal' && param.sd === undefined) {
      problems.push({ path: [...at, 'sd'], atKey: true, message: 'a normal distribution needs `sd`, its standard deviation' });
    } else if (distribution !== 'normal' && param.sd !== undefined) {
      problems.push({ path: [...at, 'sd'], atKey: true, message: `\`sd\` applies only to \`distribution: normal\`, not ${distribution}` });
    }
  }
  spec.variants.forEach((variant, v) => {
    for (const [name, value] of Object.entries(variant.params)) {
      const problem = outOfBounds(spec, name, value);
      if (problem !== null) problems.push({ path: ['variants', v, 'params', name], message: problem });
    }
  });
}

/** Why a value is not one a parameter can take (outside its declared bounds), or null. */
export function outOfBounds(spec: ScenarioSpec, name: string, value: number): string | null {
  const param = spec.params[name];
  if (param === undefined || typeof param === 'number' || param.bounds === undefined) return null;
  const [min, max] = param.bounds;
  return value < min || value > max ? `${name} takes values from ${min} to ${max}, not ${value}` : null;
}
