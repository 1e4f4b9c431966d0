import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { builtinSpec, DEFAULT_SCENARIO, isFileReference, readScenarioFile, splitReference } from '../../scenarios/load.js';
import { applyVariant } from '../../scenarios/print.js';
import { isBuiltin } from '../../scenarios/read.js';
import { copyOfBuiltin, copyOfSpec, extending } from '../../scenarios/starter.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { asUsageError, specForCommand } from '../scenario.js';
import { note } from '../terminal.js';

export interface InitOptions {
  from?: string;
  extends?: string;
  force?: boolean;
}

/** The `extends:` value that names `base` from a file at `target`. */
function extendsReference(base: string, target: string): string {
  if (!isFileReference(base)) return base;
  const path = relative(dirname(resolve(target)), resolve(base)).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * `sandtable init [--from SCENARIO | --extends SCENARIO] FILE [--force]`: write
 * a complete, commented starting file (or a short one that extends a scenario).
 */
export function initCommand(file: string, options: InitOptions): number {
  if (!isFileReference(file)) {
    throw new UsageError(`${file}: a scenario file's name must end in .yaml, .yml or .json`);
  }
  if (options.from !== undefined && options.extends !== undefined) {
    throw new UsageError('choose one of --from (a copy to edit) and --extends (a file with only your changes)');
  }
  if (existsSync(file) && !options.force) {
    throw new UsageError(`${file} already exists; choose another name, or add --force to overwrite it`);
  }
  let text: string;
  let what: string;
  if (options.extends !== undefined) {
    if (splitReference(options.extends).variant !== null) {
      throw new UsageError(`--extends takes a scenario, not a variant (${options.extends}); use --from ${options.extends} for a copy with the variant applied`);
    }
    const spec = specForCommand(options.extends);
    text = extending(spec, extendsReference(options.extends, file), file);
    what = `extends ${options.extends}`;
  } else {
    const from = options.from ?? DEFAULT_SCENARIO;
    const split = splitReference(from);
    if (split.variant === null && isBuiltin(from) && !/\.json$/i.test(file)) {
      asUsageError(() => builtinSpec(from));
      text = copyOfBuiltin(from, file);
    } else {
      const base = specForCommand(split.scenario);
      const spec = split.variant === null ? base : asUsageError(() => {
        try {
          return applyVariant(base, split.variant!);
        } catch (error) {
          if (error instanceof RangeError) throw new UsageError(error.message);
          throw error;
        }
      });
      text = copyOfSpec(spec, from, file);
    }
    what = `a copy of ${from}`;
  }
  writeFileAtomic(file, text);
  // What init writes must load; a failure here is a bug in sandtable, not in the user's input.
  const written = readScenarioFile(file);
  note(`wrote ${file} (scenario \`${written.id}\`, ${what}); next: sandtable validate ${file}, then sandtable run ${file}`);
  return 0;
}
