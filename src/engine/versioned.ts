import type { z } from 'zod';

// The one reader of sandtable's versioned JSON files (run records, shard
// files): JSON text, then the `format` and `formatVersion` header, then the
// schema, each refused with a sentence that starts after the file's name.
// The text comes from a bounded read (scenarios/bounded-read.ts), so its size
// is already within the kind's limit when it gets here.

/** A versioned JSON format: its header and its schema. */
export interface VersionedFormat<S extends z.ZodType> {
  /** The value of `format`, such as `sandtable-run-record`. */
  readonly format: string;
  /** The `formatVersion`s this sandtable reads (the newest is the one it writes). */
  readonly versions: readonly number[];
  /** What one file is called in messages: "run record", "shard". */
  readonly noun: string;
  /** How to make a file of this format, for a file that is not one. */
  readonly howToMake?: string;
  readonly schema: S;
  /**
   * A check of the parsed JSON before the schema walks it (for example its
   * depth, which a recursive walk would overflow on); a sentence, or null.
   */
  readonly precheck?: (data: object) => string | null;
}

/**
 * Parse versioned JSON text against its format; `fail` makes the error to
 * throw from a sentence such as "is not JSON" (the caller puts the file's
 * name in front).
 */
export function parseVersioned<S extends z.ZodType>(text: string, format: VersionedFormat<S>, fail: (message: string) => Error): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw fail('is not JSON');
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== format.format) {
    throw fail(`is not a sandtable ${format.noun} (no "format": "${format.format}"${format.howToMake === undefined ? '' : `; ${format.howToMake}`})`);
  }
  const early = format.precheck?.(data) ?? null;
  if (early !== null) throw fail(early);
  const version = (data as { formatVersion?: unknown }).formatVersion;
  if (typeof version !== 'number' || !format.versions.includes(version)) {
    const readable = format.versions.length === 1 ? `version ${format.versions[0]}` : `versions ${format.versions.join(' and ')}`;
    throw fail(`is a ${format.noun} of format version ${JSON.stringify(version) ?? 'none'}; this sandtable reads ${readable}`);
  }
  const parsed = format.schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw fail(`has an invalid field ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}
