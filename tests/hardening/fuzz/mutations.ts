import fc from 'fast-check';

// Generic ways to damage text and data: what a fuzzer does to a valid file
// to find the inputs its reader did not expect.

/** Tokens that mean something to YAML, JSON, the scenario format or a terminal. */
export const HOSTILE_TOKENS: readonly string[] = [
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  '*a', '&a ', '<<: *a', '!!js/function', '!!binary', '!tag', '%YAML 1.1', '---', '...',
  '{', '}', '[', ']', ':', ': ', ', ', '- ', '? ', '|', '>-', '"', "'", '#', '\\', '\n', '\r\n', '\t', '  ',
  '\u0000', '\u001b[2J', '\u001b]0;owned\u0007', '\u009b31m', '\u007f', '\uFEFF', '\uD800', '\uDFFF', '\u2028', '\u202e',
  '1e309', '-1e309', '1e-400', 'NaN', '.nan', '.inf', '-.inf', '0x1F', '0o17', '0b101', '1_000', '-0', '9'.repeat(400),
  'null', '~', 'true', 'yes', 'on', '', 'x'.repeat(5000),
];

/** A short piece of junk: random characters (any code unit) or a hostile token. */
export const junk: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
  fc.constantFrom(...HOSTILE_TOKENS),
);

/** One edit of a text, at a position given as a fraction of its length. */
type Edit =
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'replace'; readonly at: number; readonly length: number; readonly text: string }
  | { readonly op: 'duplicate-line'; readonly at: number }
  | { readonly op: 'swap-lines'; readonly at: number; readonly other: number }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'replace-number'; readonly at: number; readonly text: string }
  | { readonly op: 'indent'; readonly at: number; readonly by: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const ODD_NUMBERS = ['1e309', '-1e309', '1e308', '5e-324', '-0', '0.1e1', '1.7976931348623157e308', '9007199254740993',
  '123456789012345678901234567890', 'NaN', '.nan', '.inf', '0x10', '1_0', '+1', '00', '1.', '.5', '2e2', '-1', '601', '4294967296'];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fraction, text: junk }),
  fc.record({ op: fc.constant('replace' as const), at: fraction, length: fc.integer({ min: 1, max: 20 }), text: junk }),
  fc.record({ op: fc.constant('duplicate-line' as const), at: fraction }),
  fc.record({ op: fc.constant('swap-lines' as const), at: fraction, other: fraction }),
  fc.record({ op: fc.constant('truncate' as const), at: fraction }),
  fc.record({ op: fc.constant('replace-number' as const), at: fraction, text: fc.constantFrom(...ODD_NUMBERS) }),
  fc.record({ op: fc.constant('indent' as const), at: fraction, by: fc.integer({ min: -4, max: 4 }) }),
);

function apply(text: string, change: Edit): string {
  const at = Math.floor(change.at * (text.length + 1));
  const lines = text.split('\n');
  const line = Math.min(lines.length - 1, Math.floor(change.at * lines.length));
  switch (change.op) {
    case 'delete': return text.slice(0, at) + text.slice(at + change.length);
    case 'insert': return text.slice(0, at) + change.text + text.slice(at);
    case 'replace': return text.slice(0, at) + change.text + text.slice(at + change.length);
    case 'duplicate-line': return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
    case 'swap-lines': {
      const other = Math.min(lines.length - 1, Math.floor(change.other * lines.length));
      const swapped = [...lines];
      [swapped[line], swapped[other]] = [lines[other]!, lines[line]!];
      return swapped.join('\n');
    }
    case 'truncate': return text.slice(0, at);
    case 'replace-number': {
      const numbers = [...text.matchAll(/-?\d+(?:\.\d+)?/g)];
      if (numbers.length === 0) return text;
      const hit = numbers[Math.floor(change.at * numbers.length)]!;
      return text.slice(0, hit.index) + change.text + text.slice(hit.index + hit[0].length);
    }
    case 'indent': {
      const moved = [...lines];
      moved[line] = change.by >= 0 ? ' '.repeat(change.by) + lines[line] : lines[line]!.slice(-change.by);
      return moved.join('\n');
    }
  }
}

/** `base` with one to `most` random edits. */
export function mutated(base: string, most = 4): fc.Arbitrary<string> {
  return fc.array(edit, { minLength: 1, maxLength: most }).map((edits) => edits.reduce(apply, base));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One change to a data tree, at a node picked by a fraction of the node count. */
interface DataEdit {
  readonly at: number;
  readonly op: 'delete' | 'replace' | 'wrap' | 'empty';
  readonly value: unknown;
}

const dataEdit: fc.Arbitrary<DataEdit> = fc.record({
  at: fraction,
  op: fc.constantFrom('delete', 'replace', 'wrap', 'empty'),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(...HOSTILE_TOKENS),
    fc.constantFrom(1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, -1, 601, 0.5, 4294967296),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'id', 'x'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
  ),
});

/** Every place in a tree that holds a value: its parent and key. */
function places(tree: Json): { parent: Json[] | { [key: string]: Json }; key: string | number }[] {
  const out: { parent: Json[] | { [key: string]: Json }; key: string | number }[] = [];
  const visit = (node: Json) => {
    if (Array.isArray(node)) node.forEach((child, key) => { out.push({ parent: node, key }); visit(child); });
    else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        out.push({ parent: node, key });
        visit(node[key]!);
      }
    }
  };
  visit(tree);
  return out;
}

function applyData(tree: Json, change: DataEdit): Json {
  const all = places(tree);
  if (all.length === 0) return tree;
  const { parent, key } = all[Math.floor(change.at * all.length)]!;
  const holder = parent as Record<string | number, Json>;
  const value = change.value as Json;
  switch (change.op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete holder[key];
      break;
    case 'replace': holder[key] = value; break;
    case 'wrap': holder[key] = [holder[key]!, value]; break;
    case 'empty': holder[key] = Array.isArray(holder[key]) ? [] : {}; break;
  }
  return tree;
}

/** A copy of `data` with one to `most` random changes (deleted keys, replaced and wrapped values). */
export function damaged<T>(data: fc.Arbitrary<T>, most = 3): fc.Arbitrary<unknown> {
  return fc.tuple(data, fc.array(dataEdit, { minLength: 1, maxLength: most }))
    .map(([value, edits]) => edits.reduce(applyData, structuredClone(value) as Json));
}
