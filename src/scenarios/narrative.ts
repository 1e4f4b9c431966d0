import { withUnit } from '../engine/format.js';
import type { Frame } from '../engine/frame.js';
import { compileExpression } from './expression.js';
import type { ScenarioScope } from './scope.js';

// Narratives with values: `{ind.insurgency}` in a narrative is replaced by the
// value when the event fires (after its own effects), with the quantity's unit
// when it declares one. A placeholder is an expression in braces that starts
// with a name of the language; other text in braces is kept as written, so a
// narrative written before placeholders existed reads as it did. A value shows
// up to 4 decimals; `{round(ind.troops)}` shows it whole, still with its unit.

const PLACEHOLDER = /\{([^{}]{1,200})\}/g;
const HEADS = /^\s*(ind|coop|stance|salience|attr|flag|param|turn|month|year|round)\b/;
/** `round(ind.troops)` shows a whole number, with the quantity's unit. */
const WHOLE = /^round\(\s*([^()]+?)\s*\)$/;

/**
 * The narrative as a function of the frame, or null when it has no
 * placeholder. An expression that does not compile throws ExpressionError.
 */
export function compileNarrative(text: string, scope: ScenarioScope): ((frame: Frame) => string) | null {
  const parts: (string | ((frame: Frame) => string))[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const inner = match[1]!;
    if (!HEADS.test(inner)) continue;
    const expr = compileExpression(inner.trim(), scope);
    const unit = scope.units[inner.trim()] ?? scope.units[WHOLE.exec(inner.trim())?.[1] ?? ''];
    parts.push(text.slice(last, match.index), (frame) => withUnit(expr.at(frame), unit));
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return null;
  parts.push(text.slice(last));
  return (frame) => parts.map((part) => (typeof part === 'string' ? part : part(frame))).join('');
}
