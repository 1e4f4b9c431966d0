import { isAlias, isMap, isScalar, isSeq, Lexer, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import { ScenarioError, type Problem } from './problem.js';

// Reading scenario text from a stranger: YAML (or JSON, which is YAML) parsed
// into plain data with every position kept, and refused with a clear problem
// when it is malformed or shaped to exhaust memory or the stack.

/** Deepest nesting of maps and lists accepted (niger-2024 needs 7). */
export const MAX_DEPTH = 32;
/** Most YAML aliases (`*name`) a file may use; a few are handy, thousands are an attack. */
export const MAX_ALIASES = 100;
/** Most alias tokens a file may hold at all (several anchors may each be used MAX_ALIASES times). */
export const MAX_ALIAS_TOKENS = 10 * MAX_ALIASES;
/**
 * The most a file's data may weigh once its aliases are expanded: each value
 * (map, list, key or scalar) counts 1, plus the characters of its text. A
 * file without aliases weighs about its size, so this lets aliases make the
 * data no larger than the largest file (4 MiB) could be written out in full.
 */
export const MAX_EXPANDED_SIZE = 4 * 1024 * 1024;
/** Keys that could reach an object's prototype in code that reads the data. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** A parsed scenario file: its data and where every part of it was written. */
export interface SourceFile {
  /** The file as shown to the user. */
  readonly file: string;
  /** The absolute path on disk, when it came from disk (for relative `extends:`). */
  readonly path: string | null;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  readonly data: unknown;
  /** The full text, for pointing at a word inside a value. */
  readonly text: string;
  /**
   * Problems that do not stop the data being read (a key written twice), so
   * that they are reported together with every other problem of the file.
   */
  readonly problems: readonly Problem[];
}

type Part = string | number;

/** A problem at a byte offset of the text. */
function atOffset(lines: LineCounter, offset: number, message: string, path: Part[] = []): Problem {
  const { line, col } = lines.linePos(offset);
  return { path, message, line, column: col };
}

/** Parse scenario text; throws ScenarioError (every problem found, with lines) if it cannot be used. */
export function parseSource(text: string, file: string, path: string | null = null): SourceFile {
  const lines = new LineCounter();
  const tooDeep = flowNestingProblem(text);
  if (tooDeep !== null) {
    const before = text.slice(0, tooDeep.offset);
    const line = before.split('\n').length;
    const column = tooDeep.offset - before.lastIndexOf('\n');
    throw new ScenarioError([{ path: [], message: tooDeep.message, line, column }], file);
  }
  // prettyErrors would quote the text around an error, which is slow and
  // memory-hungry on hostile input; positions come from the LineCounter instead.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const { fatal: problems, kept } = yamlProblems(doc, lines, text);
  // Every alias's target, found in one pass: the library's own resolve walks the whole document per alias.
  const targets = aliasTargets(doc);
  if (problems.length === 0) problems.push(...checkNodes(doc, lines, targets));
  if (problems.length > 0) throw new ScenarioError(problems, file);
  if (doc.contents === null) {
    throw new ScenarioError([{ path: [], message: 'the file is empty; `sandtable init FILE` writes a complete starting file', line: 1, column: 1 }], file);
  }
  const expanded = expansionProblem(doc, lines, targets);
  if (expanded !== null) throw new ScenarioError([expanded], file);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const first = firstAlias(doc.contents);
    const offset = first?.range?.[0] ?? 0;
    const message = /alias count/i.test((error as Error).message)
      ? `uses YAML aliases (*name) so often that the data would explode in size; at most ${MAX_ALIASES} uses of an alias are allowed`
      : `cannot be read: ${(error as Error).message}`;
    throw new ScenarioError([atOffset(lines, offset, message)], file);
  }
  const deep = deepestPath(data);
  if (deep !== null) {
    throw new ScenarioError([{ ...atPath(doc, lines, deep), message: `is nested more than ${MAX_DEPTH} levels deep; a scenario needs far fewer` }], file);
  }
  return { file, path, doc, lines, data, text, problems: kept };
}

/**
 * The parser's findings, said once each. A tab in the indentation makes the
 * parser misread every line after it, so only the tabs are reported; a key
 * written twice leaves the rest readable (the first value is kept), so it is
 * kept apart and reported with the file's other problems.
 */
function yamlProblems(doc: Document.Parsed, lines: LineCounter, text: string): { fatal: Problem[]; kept: Problem[] } {
  const found = [...doc.errors, ...doc.warnings];
  const tabs = tabIndentedLines(text);
  if (tabs.length > 0 && found.length > 0) {
    return {
      fatal: tabs.map((line) => ({
        path: [], line, column: 1,
        message: 'is indented with a tab; YAML indents with spaces only, so replace the tab with spaces',
      })),
      kept: [],
    };
  }
  const problem = (item: (typeof found)[number]) => atOffset(lines, item.pos[0], yamlMessage(item.code, item.message, text, item.pos));
  const duplicate = (item: (typeof found)[number]) => item.code === 'DUPLICATE_KEY';
  if (found.every(duplicate)) return { fatal: [], kept: found.map(problem) };
  return { fatal: found.map(problem), kept: [] };
}

/** The 1-based numbers of lines whose indentation holds a tab. */
function tabIndentedLines(text: string): number[] {
  const numbers: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^[ \t]*\t/.test(line) && line.trim() !== '') numbers.push(i + 1);
  });
  return numbers;
}

/** Line and column of a path inside the document (the deepest part of it that exists). */
export function atPath(
  doc: Document.Parsed, lines: LineCounter, path: readonly Part[], atKey = false, focus?: { text: string; word: string },
): Problem {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i += 1) {
    if (isAlias(node)) node = node.resolve(doc) ?? null;
    const part = path[i];
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part));
      if (pair === undefined) break;
      if ((atKey && i === path.length - 1) || pair.value === null) {
        offset = (pair.key as Node).range?.[0] ?? offset;
        break;
      }
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number' && part < node.items.length) {
      node = node.items[part];
    } else {
      break;
    }
    offset = (node as Node | null)?.range?.[0] ?? offset;
  }
  if (focus !== undefined && isScalar(node) && node.range !== undefined && node.range !== null) {
    offset = wordOffset(focus.text, node.range[0], node.range[1], focus.word) ?? offset;
  }
  const { line, col } = lines.linePos(offset);
  return { path: [...path], message: '', line, column: col };
}

/** Where `word` first stands as a whole name in text[start, end), or null. */
function wordOffset(text: string, start: number, end: number, word: string): number | null {
  if (word === '') return null;
  const isNamePart = (char: string | undefined) => char !== undefined && /[\w$]/.test(char);
  for (let at = text.indexOf(word, start); at >= 0 && at + word.length <= end; at = text.indexOf(word, at + 1)) {
    if (!isNamePart(text[at - 1]) && !isNamePart(text[at + word.length])) return at;
  }
  return null;
}

function yamlMessage(code: string, message: string, text: string, pos: [number, number]): string {
  if (code === 'DUPLICATE_KEY') {
    const key = /^["']?([^"':\n]*)/.exec(text.slice(pos[0]))?.[1]?.trim() ?? '';
    return `the key \`${key}\` appears twice in the same map; keep one`;
  }
  if (code === 'TAG_RESOLVE_FAILED' || /Unresolved tag/.test(message)) {
    return `uses the YAML tag ${shortTag(message.replace(/^Unresolved tag: /, ''))}, which this format does not accept; write plain values`;
  }
  if (/Maximum call stack/.test(message)) return `is nested too deeply to read; a scenario needs at most ${MAX_DEPTH} levels`;
  if (/multiple documents/.test(message)) return 'holds more than one YAML document (a line `---` in the middle); keep one scenario per file';
  return `is not valid YAML or JSON: ${message.split('\n')[0]}`;
}

/** Flow collections (`[[[[...`) nested past any sensible depth, found before the parser recurses into them. */
function flowNestingProblem(text: string): { offset: number; message: string } | null {
  let depth = 0;
  let offset = 0;
  let aliases = 0;
  for (const token of new Lexer().lex(text)) {
    // Counted before the document is built: a file of aliases costs the parser
    // far more than its size, and no more than MAX_ALIASES uses can be expanded.
    if (token.startsWith('*') && (aliases += 1) > MAX_ALIAS_TOKENS) {
      return { offset, message: `uses more than ${MAX_ALIAS_TOKENS} YAML aliases (*name); at most ${MAX_ALIASES} uses of an alias are allowed` };
    }
    if (token === '[' || token === '{') {
      depth += 1;
      if (depth > MAX_DEPTH) return { offset, message: `is nested more than ${MAX_DEPTH} levels deep; a scenario needs far fewer` };
    } else if (token === ']' || token === '}') {
      depth = Math.max(0, depth - 1);
    }
    // The lexer also yields one-character markers that are not in the text.
    if (!/^[\x00-\x08\x0e-\x1f]$/.test(token)) offset += token.length;
  }
  return null;
}

/** Explicit tags that only restate a plain value's type; any other tag asks for a type the format does not have. */
const PLAIN_TAGS: readonly string[] = ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`);

/** `!!binary` for `tag:yaml.org,2002:binary`, as it is written in a file. */
function shortTag(tag: string): string {
  return tag.replace(/^tag:yaml\.org,2002:/, '!!');
}

/**
 * What each alias names: the last node before it with that anchor, as YAML
 * resolves it, or undefined. One walk of the document for all aliases.
 */
function aliasTargets(doc: Document.Parsed): Map<Alias, Node | undefined> {
  const targets = new Map<Alias, Node | undefined>();
  const anchors = new Map<string, Node>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (typeof (node as { anchor?: unknown }).anchor === 'string') anchors.set((node as { anchor: string }).anchor, node as Node);
    },
  });
  return targets;
}

/** Keys that could reach a prototype, keys that are not plain text, and aliases to nothing. */
function checkNodes(doc: Document.Parsed, lines: LineCounter, targets: ReadonlyMap<Alias, Node | undefined>): Problem[] {
  const problems: Problem[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    const tag = (node as Node | null)?.tag;
    if (tag !== undefined && !PLAIN_TAGS.includes(tag)) {
      problems.push(atOffset(lines, (node as Node).range?.[0] ?? 0, `uses the YAML tag ${shortTag(tag)}, which this format does not accept; write plain values`));
    }
    if (isAlias(node)) {
      if (targets.get(node) === undefined) {
        problems.push(atOffset(lines, node.range?.[0] ?? 0, `uses the alias *${node.source} before any anchor &${node.source} is set`));
      }
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number' && typeof key.value !== 'boolean')) {
          problems.push(atOffset(lines, key?.range?.[0] ?? node.range?.[0] ?? 0, 'has a key that is not plain text; write keys as names'));
        } else if (FORBIDDEN_KEYS.includes(String(key.value))) {
          problems.push(atOffset(lines, key.range?.[0] ?? 0,
            `uses the key \`${String(key.value)}\`, which is not allowed anywhere in a scenario (it could tamper with the program's objects); rename it`));
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/**
 * The data's weight with every alias counted at the full weight of what it
 * names (memoised, so the count itself stays linear in the file), or a
 * problem at the first alias once it passes MAX_EXPANDED_SIZE. Counted before
 * toJS builds anything, so an alias bomb is refused before it costs memory.
 */
function expansionProblem(doc: Document.Parsed, lines: LineCounter, targets: ReadonlyMap<Alias, Node | undefined>): Problem | null {
  const first = firstAlias(doc.contents);
  if (first === null) return null;
  const over = MAX_EXPANDED_SIZE + 1;
  const weights = new Map<unknown, number>();
  // Nodes whose children are being weighed: meeting one again is an alias to its own ancestor, a loop.
  const open = new Set<unknown>();
  const childrenOf = (node: unknown): unknown[] => {
    const children = isAlias(node) ? [targets.get(node)]
      : isMap(node) ? node.items.flatMap((pair) => [pair.key, pair.value])
        : isSeq(node) ? node.items : [];
    return children.filter((child) => child !== null && child !== undefined);
  };
  // Post-order without recursion: a node's weight once its children's are known.
  const stack: { node: unknown; done: boolean }[] = [{ node: doc.contents, done: false }];
  while (stack.length > 0) {
    const { node, done } = stack.pop()!;
    if (!done) {
      if (weights.has(node) || open.has(node)) continue;
      open.add(node);
      stack.push({ node, done: true });
      for (const child of childrenOf(node)) stack.push({ node: child, done: false });
      continue;
    }
    let weight = isAlias(node) ? 0 : 1;
    if (isScalar(node)) weight += String(node.value).length;
    for (const child of childrenOf(node)) weight += weights.get(child) ?? over;
    weights.set(node, Math.min(weight, over));
    open.delete(node);
  }
  if ((weights.get(doc.contents) ?? 0) <= MAX_EXPANDED_SIZE) return null;
  return atOffset(lines, first.range?.[0] ?? 0,
    `uses YAML aliases (*name) that expand the data past ${MAX_EXPANDED_SIZE} units (each value 1, plus the characters of its text), ` +
    'more than the largest scenario file could hold written out; write the repeated parts once, or fewer times');
}

function firstAlias(root: unknown): Node | null {
  // Breadth first, with an index rather than shift(), which would make a long list quadratic.
  const stack: unknown[] = [root];
  for (let next = 0; next < stack.length; next += 1) {
    const node = stack[next];
    if (isAlias(node)) return node;
    if (isMap(node)) for (const pair of node.items) stack.push(pair.value);
    else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return null;
}

/** The path of a value nested deeper than MAX_DEPTH, or null; aliases count at their full depth. */
function deepestPath(data: unknown): Part[] | null {
  const stack: { value: unknown; path: Part[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) return path;
    const entries: [Part, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
    for (const [key, child] of entries) stack.push({ value: child, path: [...path, key] });
  }
  return null;
}
