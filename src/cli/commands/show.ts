import { splitReference } from '../../scenarios/load.js';
import { applyVariant, fileData, toJson, toYaml } from '../../scenarios/print.js';
import { UsageError } from '../errors.js';
import { specForCommand } from '../scenario.js';
import { printData } from '../terminal.js';

export interface ShowOptions {
  yaml?: boolean;
  json?: boolean;
  variant?: string;
}

/**
 * `sandtable show SCENARIO [--yaml|--json]`: a scenario in the file format,
 * with `extends:` resolved and, for `id/variant`, the variant applied.
 */
export function showCommand(ref: string, options: ShowOptions): number {
  if (options.yaml && options.json) throw new UsageError('choose one of --yaml and --json');
  const split = splitReference(ref);
  if (split.variant !== null && options.variant !== undefined && split.variant !== options.variant) {
    throw new UsageError(`two variants given: ${split.variant} (in ${ref}) and ${options.variant} (--variant); give one`);
  }
  let spec = specForCommand(split.scenario);
  const variant = options.variant ?? split.variant;
  if (variant !== null) {
    try {
      spec = applyVariant(spec, variant);
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
  }
  const data = fileData(spec);
  printData(options.json ? toJson(data) : toYaml(data));
  return 0;
}
