import { closest, distance } from 'fastest-levenshtein';

// Kept apart from the scenario scope so that the command line can suggest a
// command name without loading the expression compiler.

/** "; did you mean `russia`?" when a close name exists. */
export function suggest(wrong: string, known: Iterable<string>): string {
  const names = [...known];
  if (names.length === 0) return '';
  const best = closest(wrong, names);
  return best !== undefined && similar(wrong, best) ? `; did you mean \`${best}\`?` : '';
}

function similar(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  const limit = Math.max(2, Math.floor(Math.max(a.length, b.length) / 3));
  const edits = distance(a, b);
  // A name inside the other (`presence` in `usPresence`) is a likely slip too, if it is not tiny.
  const contains = shorter >= 3 && (b.toLowerCase().includes(a.toLowerCase()) || a.toLowerCase().includes(b.toLowerCase()));
  return (edits <= limit && edits < shorter) || contains;
}
