import { readFileSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { escapeRawControl, oneLine } from '../engine/text.js';
import type { ScenarioSpec } from './format.js';
import { paramValue } from './params.js';
import { SCHEMA_FILE } from './json-schema.js';
import { fileData, toJson, toYaml } from './print.js';
import { BUILTIN_DIR } from './read.js';

// The files `sandtable init` writes: a complete copy of a scenario to edit, or a
// short file that extends one. Both point editors at the JSON Schema.

/** The schema's path as written in a file at `target`: relative to the file, with forward slashes. */
export function schemaReference(target: string): string {
  return relative(dirname(resolve(target)), SCHEMA_FILE).split(sep).join('/');
}

/** A scenario id from a file name: `My Scenario.yaml` gives `my-scenario`. */
export function idFromFileName(target: string, avoid: string): string {
  const words = basename(target, extname(target)).toLowerCase().split(/[^a-z0-9]+/).filter((word) => word !== '');
  let id = words.join('-').replace(/^[^a-z]+/, '').slice(0, 56).replace(/-$/, '');
  if (id === '') id = 'my-scenario';
  return id === avoid ? `${id}-copy` : id;
}

/** A path as a YAML value: plain when it is letters, digits and `._/+-`, otherwise double-quoted, so that no character of a file name can end the value or the line. */
function yamlPath(path: string): string {
  return /^[A-Za-z0-9._/][A-Za-z0-9._/+-]*$/.test(path) ? path : escapeRawControl(JSON.stringify(path));
}

function header(target: string, id: string, from: string, how: string): string {
  // Comments are one line each, whatever the names have in them.
  const file = oneLine(basename(target));
  from = oneLine(from);
  return [
    `# yaml-language-server: $schema=${oneLine(schemaReference(target))}`,
    '#',
    `# ${id}: ${how} ${from}, written by \`sandtable init\`.`,
    `#   check it:        sandtable validate ${file}`,
    `#   run it:          sandtable run ${file} --seed 1`,
    `#   run a variant:   sandtable run ${file} --variant VARIANT`,
    `#   see it resolved: sandtable show ${file}`,
    '# The format, the expression language and every effect are described in',
    '# docs/writing-scenarios.md of sandtable. Editors that read JSON Schema (VS Code',
    '# with the YAML extension, JetBrains) complete and check fields as you type.',
    '',
  ].join('\n');
}

/** A complete, commented copy of a built-in scenario, with its own id. */
export function copyOfBuiltin(builtin: string, target: string): string {
  const text = readFileSync(`${BUILTIN_DIR}${builtin}.yaml`, 'utf8');
  const id = idFromFileName(target, builtin);
  const lines = text.split('\n').filter((line) => !line.startsWith('# yaml-language-server:'));
  const at = lines.indexOf(`id: ${builtin}`);
  if (at < 0) throw new RangeError(`the built-in ${builtin}.yaml has no line \`id: ${builtin}\``);
  lines.splice(at, 1, `$schema: ${yamlPath(schemaReference(target))}`, `id: ${id}`);
  return `${header(target, id, builtin, 'a copy of the built-in scenario')}\n${lines.join('\n')}`;
}

/** A complete copy of any scenario's data (a file, with `extends:` resolved). */
export function copyOfSpec(spec: ScenarioSpec, from: string, target: string): string {
  const id = idFromFileName(target, spec.id);
  const data = { $schema: schemaReference(target), ...fileData(spec), id };
  if (extname(target).toLowerCase() === '.json') return toJson(data);
  return `${header(target, id, from, 'a copy of')}\n${toYaml(data)}`;
}

/** A short file that extends a scenario, with an example of each kind of change, commented out. */
export function extending(spec: ScenarioSpec, base: string, target: string): string {
  const id = idFromFileName(target, spec.id);
  const param = Object.entries(spec.params)[0];
  const actor = spec.actors[0];
  const rule = spec.rules[0];
  if (extname(target).toLowerCase() === '.json') {
    return toJson({ $schema: schemaReference(target), extends: base, id, title: `${spec.title} (changed)` });
  }
  return `${header(target, id, base, 'builds on')}
$schema: ${yamlPath(schemaReference(target))}
format: 2
extends: ${yamlPath(base)}
id: ${id}
title: ${JSON.stringify(`${spec.title} (changed)`)}
description: What this scenario changes, and why.

# Below, examples of each kind of change; remove the # in front of the lines
# you want. Maps merge key by key; lists of things with an id (actors, their
# actions, issues, indicators, rules, metrics, outcomes, variants) merge by id:
# a known id changes that item, a new id adds one, \`remove: true\` removes one.
# Other lists (effects, posture, dynamics, interventions) replace the base's.
# null removes a field, such as a rule's \`when\`.

# params:${param === undefined ? '' : `\n#   ${param[0]}: ${typeof param[1] === 'number' ? param[1] : `{ value: ${param[1].value} }`}`}

# actors:${actor === undefined ? '' : `
#   - id: ${actor.id}
#     rationality: ${actor.rationality}`}

# rules:${rule === undefined ? '' : `
#   - id: ${rule.id}
#     chance: ${JSON.stringify(String(rule.chance))}`}
#   - id: my-new-event
#     title: Something new happens
#     chance: 0.05
#     effects:
#       - add: { ind.${spec.indicators[0]?.id ?? 'NAME'}: 0.05 }
#     narrative: What a player reads when it happens.
#     source: "Modelling assumption: why this rule exists."

# variants:
#   - id: my-variant
#     title: What changes in this variant
#     params: {${param === undefined ? '' : ` ${param[0]}: ${paramValue(param[1])} `}}
`;
}
