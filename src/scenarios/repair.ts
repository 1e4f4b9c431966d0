import { z } from 'zod';
import { unionOption, unwrap } from './zod-problems.js';

// When a file has structural problems, the references in the rest of it are
// still worth checking, so that a writer sees every problem at once. To do so
// the data is repaired: a value of the right type is kept even if out of range
// (so ids and names still resolve), anything else becomes a harmless stand-in.
// Problems found in the repaired data at or under a repaired place are dropped.

/** Data shaped to pass the schema, as close to the original as the schema allows. */
export function repair(schema: z.ZodType, value: unknown): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  if (value === undefined) {
    if (schema instanceof z.ZodDefault) return schema.def.defaultValue;
    if (schema instanceof z.ZodOptional) return undefined;
  }
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    const source = isMap(value) ? value : {};
    const result: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      const fixed = repair(field, source[key]);
      if (fixed !== undefined) result[key] = fixed;
    }
    return result;
  }
  if (inner instanceof z.ZodArray) {
    const items = Array.isArray(value) ? value.map((item) => repair(inner.element as z.ZodType, item)) : [];
    return items;
  }
  if (inner instanceof z.ZodRecord) {
    const source = isMap(value) ? value : {};
    return Object.fromEntries(Object.entries(source).filter(([key, item]) =>
      (inner.keyType as z.ZodType).safeParse(key).success && (inner.valueType as z.ZodType).safeParse(item).success));
  }
  if (inner instanceof z.ZodUnion) {
    const options = inner.options as readonly z.ZodType[];
    const { index } = unionOption(inner, value);
    if (index >= 0) return repair(options[index]!, value);
    const plain = options.find((option) => typeof value === typeOf(unwrap(option)));
    return plain !== undefined ? repair(plain, value) : repair(options[0]!, undefined);
  }
  if (inner instanceof z.ZodString) return typeof value === 'string' ? value : '';
  if (inner instanceof z.ZodNumber) return typeof value === 'number' && Number.isFinite(value) ? value : (inner.minValue ?? 0);
  if (inner instanceof z.ZodBoolean) return typeof value === 'boolean' ? value : false;
  return value;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function typeOf(schema: z.ZodType): string {
  if (schema instanceof z.ZodString) return 'string';
  if (schema instanceof z.ZodNumber) return 'number';
  if (schema instanceof z.ZodBoolean) return 'boolean';
  return 'object';
}
