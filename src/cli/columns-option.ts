import { InvalidArgumentError } from 'commander';
import { suggest } from '../scenarios/suggest.js';
import { UsageError } from './errors.js';

// Kept apart from the CSV writer (src/cli/text/csv-columns.ts) so that parsing
// the option loads nothing of the engine.

/**
 * The column groups `--columns` adds to a timeline CSV, in the order they are
 * written whatever order they are named in: cooperation pairs
 * (`coop.<actor>.<other>`), stances with their saliences
 * (`stance.<actor>.<issue>`, `salience.<actor>.<issue>`), attributes
 * (`attr.<actor>.<name>`) and metrics (`metric.<id>`, measured on every turn's state).
 */
export const COLUMN_GROUPS = ['coop', 'stance', 'attrs', 'metrics'] as const;
export type ColumnGroup = (typeof COLUMN_GROUPS)[number];
/** The name of every group at once. */
export const ALL_COLUMNS = 'all';

/** Parse `--columns LIST`: group names separated by commas (or `all`), in the fixed order of COLUMN_GROUPS. */
export function parseColumns(value: string): ColumnGroup[] {
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const known = [...COLUMN_GROUPS, ALL_COLUMNS];
  for (const name of names) {
    if (!known.includes(name)) {
      throw new InvalidArgumentError(`unknown column group "${name}" (the groups are ${known.join(', ')})${suggest(name, known)}`);
    }
  }
  if (names.length === 0) throw new InvalidArgumentError(`name at least one column group: ${known.join(', ')}.`);
  return COLUMN_GROUPS.filter((group) => names.includes(group) || names.includes(ALL_COLUMNS));
}

/** `--columns` chooses the columns of `--csv FILE`, so it is refused without it. */
export function checkColumns(options: { readonly csv?: string; readonly columns?: readonly ColumnGroup[] }): void {
  if (options.columns !== undefined && options.csv === undefined) throw new UsageError('--columns chooses the columns of --csv FILE; give --csv too');
}
