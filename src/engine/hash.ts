import { createHash } from 'node:crypto';

// Frozen objects never change, and a step shares the unchanged parts of a
// state with the state before, so each part is serialised once and reused from here.
const serialised = new WeakMap<object, string>();

// Keys that JSON.stringify would print as they are, between quotes.
const PLAIN_KEY = /^[\w\-.:| ]*$/;

/**
 * Canonical JSON: object keys sorted, no whitespace, numbers as JavaScript
 * prints them (the shortest round-trip form, the same on every platform).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new Error(`cannot hash a non-finite number (${value})`);
    }
    return JSON.stringify(value) ?? 'null';
  }
  const cached = serialised.get(value);
  if (cached !== undefined) return cached;
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (let i = 0; i < value.length; i += 1) text += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    text += ']';
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    text = '{';
    let first = true;
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) continue;
      text += `${first ? '' : ','}${PLAIN_KEY.test(key) ? `"${key}"` : JSON.stringify(key)}:${canonicalJson(item)}`;
      first = false;
    }
    text += '}';
  }
  if (Object.isFrozen(value)) serialised.set(value, text);
  return text;
}

/** sha256 of the canonical JSON of a value, as hex. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
