import { z } from 'zod';
import type { Problem } from './problem.js';
import { suggest } from './suggest.js';

// zod's findings, said the way a person writing a scenario needs them: what is
// wrong with which field, the value found, and what would be right.

type Part = string | number;
type Issue = z.core.$ZodIssue;

/** The schema under wrappers such as default, optional and nullable. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/** The option of a union of maps that a value means: the one whose first key it has. */
export function unionOption(union: z.ZodUnion, value: unknown): { index: number; keys: string[] } {
  const keys = union.options.map((option) => {
    const inner = unwrap(option as z.ZodType);
    return inner instanceof z.ZodObject ? (Object.keys(inner.shape)[0] ?? '') : '';
  });
  const present = value !== null && typeof value === 'object' && !Array.isArray(value)
    ? keys.map((key, index) => ({ key, index })).filter(({ key }) => key !== '' && Object.hasOwn(value, key))
    : [];
  return { index: present.length === 1 ? present[0]!.index : -1, keys: keys.filter((key) => key !== '') };
}

/** The schema and value at a path, following the data through unions. */
function at(schema: z.ZodType, data: unknown, path: readonly Part[]): { schema: z.ZodType | null; value: unknown } {
  let current: z.ZodType | null = schema;
  let value = data;
  for (const part of path) {
    if (current === null) break;
    let inner = unwrap(current);
    if (inner instanceof z.ZodUnion) {
      const { index } = unionOption(inner, value);
      inner = index < 0 ? inner : unwrap(inner.options[index] as z.ZodType);
    }
    if (inner instanceof z.ZodObject) current = (inner.shape as Record<string, z.ZodType>)[String(part)] ?? null;
    else if (inner instanceof z.ZodArray) current = inner.element as z.ZodType;
    else if (inner instanceof z.ZodRecord) current = inner.valueType as z.ZodType;
    else current = null;
    value = value !== null && typeof value === 'object' && Object.hasOwn(value, part) ? (value as Record<Part, unknown>)[part] : undefined;
  }
  return { schema: current, value };
}

function kind(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return `${typeof value === 'boolean' ? '' : 'the number '}${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list',
  object: 'a map (key: value lines)', record: 'a map (key: value lines)', null: 'empty',
};

function what(path: readonly Part[]): string {
  const last = [...path].reverse().find((part) => typeof part === 'string');
  return last === undefined ? 'items' : String(last);
}

/** Turn zod issues into problems, with paths in the data that was checked. */
export function problemsFromIssues(issues: readonly Issue[], schema: z.ZodType, data: unknown, base: readonly Part[] = []): Problem[] {
  return issues
    .filter((issue) => !isImpliedBound(issue, issues))
    .flatMap((issue) => describe(issue, schema, data, [...base, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))]));
}

/**
 * zod checks a whole number against the safe-integer range as well as the
 * field's own limit; when both fail (turns: 1e300) only the field's limit is
 * worth a line.
 */
function isImpliedBound(issue: Issue, all: readonly Issue[]): boolean {
  if ((issue.code !== 'too_big' && issue.code !== 'too_small') || (issue.origin !== 'int' && issue.origin !== 'number')) return false;
  const bound = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  if (Math.abs(bound) !== Number.MAX_SAFE_INTEGER) return false;
  const where = issue.path.map(String).join('\u0000');
  return all.some((other) => other !== issue && other.code === issue.code && other.path.map(String).join('\u0000') === where);
}

function describe(issue: Issue, schema: z.ZodType, data: unknown, path: Part[]): Problem[] {
  const { value, schema: here } = at(schema, data, path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return [{ path, message: `is required (${EXPECTED[issue.expected] ?? issue.expected}); add it` }];
      return [{ path, message: `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kind(value)}` }];
    case 'too_big':
    case 'too_small':
      return [{ path, message: sizeMessage(issue, value, path) }];
    case 'invalid_format':
      return [{ path, message: `${kind(value)} ${issue.message.startsWith('must') ? issue.message : `is not in the expected form: ${issue.message}`}` }];
    case 'unrecognized_keys': {
      const inner = here === null ? null : unwrap(here);
      // At the top, `extends:` is a field too (of files that extend another scenario).
      const known = inner instanceof z.ZodObject ? [...Object.keys(inner.shape), ...(path.length === 0 ? ['extends'] : [])] : [];
      return issue.keys.map((key) => {
        const hint = suggest(key, known);
        return {
          path: [...path, key],
          atKey: true,
          message: `unknown field \`${key}\`${hint || (known.length > 0 ? ` (the fields here are ${known.join(', ')})` : '')}`,
        };
      });
    }
    case 'invalid_key': {
      const key = path[path.length - 1];
      const reason = issue.issues.map((inner) => inner.message).join('; ');
      return [{ path, atKey: true, message: `the key \`${String(key)}\` ${reason.startsWith('must') ? reason : `is not allowed: ${reason}`}` }];
    }
    case 'invalid_union':
      return unionProblems(issue, here, value, schema, data, path);
    default:
      return [{ path, message: issue.message }];
  }
}

function sizeMessage(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, value: unknown, path: readonly Part[]): string {
  const big = issue.code === 'too_big';
  const limit = Number(big ? (issue as z.core.$ZodIssueTooBig).maximum : (issue as z.core.$ZodIssueTooSmall).minimum);
  if (issue.origin === 'array' && Array.isArray(value)) {
    return big
      ? `has ${value.length} ${what(path)}; the limit is ${limit}`
      : `needs at least ${limit} ${limit === 1 ? 'item' : 'items'}`;
  }
  if (issue.origin === 'string' && typeof value === 'string') {
    if (!big && limit === 1) return 'must not be empty';
    return big ? `is ${value.length} characters long; the limit is ${limit}` : `must be at least ${limit} characters long`;
  }
  const bound = issue.inclusive === false ? (big ? 'less than' : 'more than') : (big ? 'at most' : 'at least');
  return `must be ${bound} ${limit}, not ${typeof value === 'number' ? value : kind(value)}`;
}

function unionProblems(
  issue: z.core.$ZodIssueInvalidUnion, here: z.ZodType | null, value: unknown, schema: z.ZodType, data: unknown, path: Part[],
): Problem[] {
  const union = here === null ? null : unwrap(here);
  if (union instanceof z.ZodUnion) {
    const { index, keys } = unionOption(union, value);
    if (keys.length > 0) {
      const chosen = index >= 0 ? issue.errors[index] : undefined;
      if (chosen !== undefined) return problemsFromIssues(chosen, schema, data, path);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const given = Object.keys(value);
        const used = given.filter((key) => keys.includes(key));
        if (used.length > 1) return [{ path, message: `has ${used.map((key) => `\`${key}\``).join(' and ')}; write each as its own item of the list` }];
        const wrong = given[0];
        if (wrong === undefined) return [{ path, message: `is empty; write one of ${keys.join(', ')}` }];
        return [{ path: [...path, wrong], atKey: true, message: `\`${wrong}\` is not one of ${keys.join(', ')}${suggest(wrong, keys)}` }];
      }
      return [{ path, message: `must be a map with one of ${keys.join(', ')}, not ${kind(value)}` }];
    }
  }
  // A union of plain values (an expression): report the option of the value's own type.
  const matching = issue.errors.find((errors) => !errors.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  if (matching !== undefined) return problemsFromIssues(matching, schema, data, path);
  if (typeof value === 'number') return [{ path, message: `must be a number, not ${kind(value)}` }];
  return [{ path, message: `must be an expression (text such as "0.5 * ind.insurgency"), a number or true/false, not ${kind(value)}` }];
}
