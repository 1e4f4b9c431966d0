import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProblem, ScenarioError } from '../../src/scenarios/problem.js';
import { parseSpec } from '../../src/scenarios/load.js';

/** A small valid scenario, written the way a person would. */
export const TINY = `id: tiny
title: Tiny
version: "1"
start: "2024-04"
turns: 6
issues:
  - { id: alignment, title: Alignment }
params:
  growth: 0.1
actors:
  - id: russia
    name: Russia
    stance: { alignment: 1 }
    actions:
      - id: expand
        title: Expand
        tends: More presence.
        utility: "0.5 + ind.presence"
  - id: usa
    name: United States
indicators:
  - { id: presence, title: Presence, initial: 0.2 }
cooperation:
  initial:
    russia: { usa: 0.1 }
flags:
  expanded: false
rules:
  - id: expansion
    title: Russia expands
    chance: "0.2 + param.growth * coop.russia.usa"
    effects:
      - add: { ind.presence: param.growth }
      - flag: { expanded: true }
    narrative: Russia expands.
    source: "Modelling assumption: a test."
outcomes:
  - { id: done, title: Done }
variants:
  - id: fast
    title: Fast
    params: { growth: 0.3 }
`;

/** TINY with one piece of text replaced (which must be there). */
export function tinyWith(find: string, replace: string): string {
  if (!TINY.includes(find)) throw new Error(`TINY has no ${find}`);
  return TINY.replace(find, replace);
}

/** `file:line:column:` of the first occurrence of `needle` in `text`. */
export function at(text: string, needle: string, file = 'scenario.yaml'): string {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`no ${needle} in the text`);
  const before = text.slice(0, index);
  return `${file}:${before.split('\n').length}:${index - before.lastIndexOf('\n')}:`;
}

/** Every problem of scenario text, as the lines a user sees (without the `sandtable: error:` prefix). */
export function problemsOf(text: string, file = 'scenario.yaml'): string[] {
  try {
    parseSpec(text, file);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems.map((problem) => formatProblem(problem, error.file));
    throw error;
  }
  return [];
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sandtable-scenarios-'));
}

/** Write files into a directory; returns the directory. */
export function writeFiles(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
