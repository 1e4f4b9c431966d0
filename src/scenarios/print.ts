import { Document, isScalar, Scalar, visit, type Node } from 'yaml';
import { z } from 'zod';
import { canonicalJson } from '../engine/hash.js';
import { escapeRawControl, needsEscapes } from '../engine/text.js';
import { scenarioSchema, type ScenarioSpec } from './format.js';
import { unionOption, unwrap } from './zod-problems.js';
import { suggest } from './suggest.js';
import { withParamValues } from './params.js';

// A scenario written back in the file format, for `show` and `init`: fields in
// the order of the schema, values equal to their defaults left out, and every
// control character escaped so that printing it cannot drive the terminal
// (`needsEscapes` strings are written double-quoted, where `\u` escapes hold).

function isData(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The data without the values that equal their defaults (reading it back fills them in again). */
export function withoutDefaults(schema: z.ZodType, value: unknown): unknown {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && isData(value)) {
    const result: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      if (!Object.hasOwn(value, key) || value[key] === undefined) continue;
      if (field instanceof z.ZodDefault && canonicalJson(value[key]) === canonicalJson(field.def.defaultValue)) continue;
      result[key] = withoutDefaults(field, value[key]);
    }
    return result;
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) return value.map((item) => withoutDefaults(inner.element as z.ZodType, item));
  if (inner instanceof z.ZodUnion) {
    const { index } = unionOption(inner, value);
    return index < 0 ? value : withoutDefaults(inner.options[index] as z.ZodType, value);
  }
  return value;
}

/**
 * A scenario with one of its variants applied, as a scenario of its own: the
 * variant's parameters merged, its interventions after the scenario's, no
 * variants left. It runs exactly as the variant does.
 */
export function applyVariant(spec: ScenarioSpec, variantId: string): ScenarioSpec {
  const variant = spec.variants.find((item) => item.id === variantId);
  if (variant === undefined) {
    const known = spec.variants.map((item) => item.id);
    throw new RangeError(`${spec.id} has no variant \`${variantId}\`${suggest(variantId, known)}` +
      (known.length > 0 ? ` (variants: ${known.join(', ')})` : ''));
  }
  return {
    ...spec,
    id: `${spec.id}-${variant.id}`,
    title: `${spec.title}: ${variant.title}`,
    description: variant.description === '' ? spec.description : `${spec.description}\n\nVariant ${variant.id}: ${variant.description}`.trim(),
    params: withParamValues(spec.params, variant.params),
    interventions: [...spec.interventions, ...variant.interventions],
    variants: [],
  };
}

/** The data of a scenario as it is written in a file (no `$schema`, no defaults). */
export function fileData(spec: ScenarioSpec): Record<string, unknown> {
  const { $schema: _schema, ...data } = spec;
  return withoutDefaults(scenarioSchema, data) as Record<string, unknown>;
}

/** Plain values that fit on one line together. */
function short(parts: readonly unknown[]): boolean {
  const length = parts.reduce<number>((sum, part) => sum + String(isScalar(part as Node) ? (part as Scalar).value : part).length + 2, 0);
  return length <= 72 && !parts.some((part) => isScalar(part as Node) && String((part as Scalar).value).includes('\n'));
}

/** Scenario data as YAML, with short lists and maps of plain values on one line. */
export function toYaml(data: unknown): string {
  const doc = new Document(data);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && needsEscapes(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
    Map(_key, node, path) {
      const plain = node.items.every((pair) => isScalar(pair.value));
      const parts = node.items.flatMap((pair) => [pair.key, pair.value]);
      if (path.length > 2 && plain && node.items.length > 0 && short(parts)) node.flow = true;
    },
    Seq(_key, node) {
      if (node.items.length > 0 && node.items.every((item) => isScalar(item)) && short(node.items)) node.flow = true;
    },
  });
  // Only double-quoted strings can hold DEL and C1 characters (see above), where \u escapes are valid.
  return escapeRawControl(doc.toString({ lineWidth: 0, flowCollectionPadding: true }));
}

/** Scenario data as JSON; DEL and C1 characters are escaped too. */
export function toJson(data: unknown): string {
  return `${escapeRawControl(JSON.stringify(data, null, 2))}\n`;
}

