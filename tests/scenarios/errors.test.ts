import { describe, expect, it } from 'vitest';
import { at, problemsOf, tinyWith } from './fixtures.js';

const CHANCE = '"0.2 + param.growth * coop.russia.usa"';
const withChance = (chance: string) => tinyWith(CHANCE, chance);
const withVariantInterventions = (lines: string) =>
  tinyWith('    params: { growth: 0.3 }\n', `    params: { growth: 0.3 }\n    interventions:\n${lines}`);

describe('errors a scenario author meets on the way', () => {
  it('refuses an intervention at turn 0, naming the field', () => {
    const text = withVariantInterventions('      - { force: expansion, turn: 0 }\n');
    expect(problemsOf(text)).toEqual([`${at(text, '0 }')} variants[0].interventions[0].turn: must be at least 1, not 0`]);
  });

  it('refuses a block whose `to` comes before its `from`', () => {
    const text = withVariantInterventions('      - { block: expansion, from: 5, to: 4 }\n');
    expect(problemsOf(text)).toEqual([
      `${at(text, '4 }')} variants[0].interventions[0].to: is 4, before \`from\` (5): no turn would be blocked; make \`to\` 5 or later`,
    ]);
  });

  it('points the column at the unknown name inside an expression', () => {
    const text = withChance('"0.2 + 0.1 * ind.presense"');
    expect(problemsOf(text)).toEqual([`${at(text, 'presense')} rules[0].chance: unknown indicator \`presense\`; did you mean \`presence\`?`]);
  });

  it('suggests the bracket form for a hyphenated id read as a subtraction', () => {
    const text = withChance('"0.2 + coop.russia.is-sahel"');
    expect(problemsOf(text)).toEqual([
      `${at(text, 'is-sahel')} rules[0].chance: unknown actor \`is\`; an id with a hyphen is written in brackets and quotes: coop.russia["is-sahel"]`,
    ]);
  });

  it('lists the names that exist for an unknown name', () => {
    const text = withChance('"0.2 + week"');
    expect(problemsOf(text)).toEqual([
      `${at(text, 'week')} rules[0].chance: unknown name \`week\` (the names are turn, month, year, param.NAME, flag.NAME, ind.NAME, ` +
        'coop.ACTOR.ACTOR, stance.ACTOR.ISSUE, salience.ACTOR.ISSUE, attr.ACTOR.NAME, metric.NAME (in outcomes))',
    ]);
  });

  it('lists the functions that exist for an unknown function', () => {
    const text = withChance('"0.2 + maxx(0.1, 0.2)"');
    const [problem] = problemsOf(text);
    expect(problem).toContain(`${at(text, 'maxx')} rules[0].chance: unknown function maxx(); did you mean \`max\`?`);
    expect(problem).toContain('(the functions are fired, count, since, chose, min, max,');
  });

  it('says that words are text where a number belongs', () => {
    const text = withChance('"very likely"');
    expect(problemsOf(text)).toEqual([
      `${at(text, '"very')} rules[0].chance: "very likely" is text, not a number or an expression; ` +
        'write a number such as 0.3 or an expression such as "0.1 + 0.5 * ind.NAME"',
    ]);
  });

  it('reports a tab in the indentation once, not the errors it causes after it', () => {
    const text = tinyWith('    name: Russia\n', '\tname: Russia\n');
    const line = text.split('\n').findIndex((each) => each.startsWith('\t')) + 1;
    expect(problemsOf(text)).toEqual([
      `scenario.yaml:${line}:1: is indented with a tab; YAML indents with spaces only, so replace the tab with spaces`,
    ]);
  });

  it('reports a key written twice together with every other problem of the file', () => {
    const text = tinyWith('turns: 6\n', 'turns: 6\nturns: 7\n').replace('initial: 0.2', 'initial: 1.5');
    expect(problemsOf(text)).toEqual([
      `${at(text, 'turns: 7')} the key \`turns\` appears twice in the same map; keep one`,
      `${at(text, '1.5')} indicators[0].initial: must be at most 1, not 1.5`,
    ]);
  });
});
