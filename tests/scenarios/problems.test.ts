import { describe, expect, it } from 'vitest';
import { at, problemsOf, TINY, tinyWith } from './fixtures.js';

describe('a scenario file with problems', () => {
  it('is accepted when it has none', () => {
    expect(problemsOf(TINY)).toEqual([]);
  });

  it('reports YAML that does not parse at its line and column', () => {
    const text = tinyWith('turns: 6', 'turns: [6');
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:6:1: is not valid YAML or JSON: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('reports a key written twice in one map', () => {
    const text = tinyWith('turns: 6\n', 'turns: 6\nturns: 7\n');
    expect(problemsOf(text)).toEqual([`${at(text, 'turns: 7')} the key \`turns\` appears twice in the same map; keep one`]);
  });

  it('names an unknown field, with the field path, and suggests the right one', () => {
    const text = tinyWith('    stance: { alignment: 1 }', '    stance: { alignment: 1 }\n    rationalty: 2');
    expect(problemsOf(text)).toEqual([
      `${at(text, 'rationalty')} actors[0].rationalty: unknown field \`rationalty\`; did you mean \`rationality\`?`,
    ]);
  });

  it('suggests extends: for a misspelt extends', () => {
    const text = 'extend: niger-2024\nid: slow\n';
    expect(problemsOf(text)).toContain('scenario.yaml:1:1: extend: unknown field `extend`; did you mean `extends`?');
  });

  it('says which type a field must have and what it found', () => {
    const text = tinyWith('turns: 6', 'turns: six');
    expect(problemsOf(text)).toEqual([`${at(text, 'six')} turns: must be a number, not the text "six"`]);
  });

  it('says when a number is out of its range', () => {
    const text = tinyWith('initial: 0.2', 'initial: 1.5');
    expect(problemsOf(text)).toEqual([`${at(text, '1.5')} indicators[0].initial: must be at most 1, not 1.5`]);
  });

  it('says which required field is missing, at the item that lacks it', () => {
    const text = tinyWith('    narrative: Russia expands.\n', '');
    expect(problemsOf(text)).toEqual([`${at(text, 'id: expansion')} rules[0].narrative: is required (text); add it`]);
  });

  it('says when a count must be a whole number', () => {
    const text = tinyWith('turns: 6', 'turns: 6.5');
    expect(problemsOf(text)).toEqual([`${at(text, '6.5')} turns: must be a whole number, not the number 6.5`]);
  });

  it('says how an id must be written', () => {
    const text = tinyWith('id: tiny', 'id: Tiny Scenario');
    expect(problemsOf(text)).toEqual([
      `${at(text, 'Tiny Scenario')} id: the text "Tiny Scenario" must be lower-case words joined by hyphens, such as "us-withdrawal"`,
    ]);
  });

  it('names an unknown kind of effect and suggests the right one', () => {
    const text = tinyWith('- add: { ind.presence: param.growth }', '- ad: { ind.presence: param.growth }');
    expect(problemsOf(text)).toEqual([
      `${at(text, 'ad:')} rules[0].effects[0].ad: \`ad\` is not one of add, set, toward, flag, schedule, cancel; did you mean \`add\`?`,
    ]);
  });

  it('names an unknown actor in an expression and suggests the right one', () => {
    const text = tinyWith('coop.russia.usa"', 'coop.rusia.usa"');
    expect(problemsOf(text)).toEqual([
      `${at(text, 'rusia.usa"')} rules[0].chance: unknown actor \`rusia\`; did you mean \`russia\`?`,
    ]);
  });

  it('names an unknown indicator in an effect target, at the target', () => {
    const text = tinyWith('- add: { ind.presence: param.growth }', '- add: { ind.presense: param.growth }');
    expect(problemsOf(text)).toEqual([
      `${at(text, 'ind.presense')} rules[0].effects[0].add["ind.presense"]: unknown indicator \`presense\`; did you mean \`presence\`?`,
    ]);
  });

  it('names an unknown parameter, event, flag and action', () => {
    const text = TINY
      .replace('param.growth * coop', 'param.grwth * coop')
      .replace('- flag: { expanded: true }', '- flag: { expandd: true }\n      - schedule: { event: expanson, in: 2 }')
      .replace('utility: "0.5 + ind.presence"', 'utility: "0.5 + chose(\\"russia\\", \\"expnd\\")"');
    expect(problemsOf(text)).toEqual([
      `${at(text, 'expnd')} actors[0].actions[0].utility: russia has no action \`expnd\`; did you mean \`expand\`?`,
      `${at(text, 'grwth')} rules[0].chance: unknown parameter \`param.grwth\`; did you mean \`growth\`?`,
      `${at(text, 'expandd')} rules[0].effects[1].flag.expandd: unknown flag \`expandd\`; did you mean \`expanded\`? (declare it under flags:)`,
      `${at(text, 'expanson')} rules[0].effects[2].schedule.event: unknown event \`expanson\`; did you mean \`expansion\`?`,
    ]);
  });

  it('reports an expression that does not parse', () => {
    const text = tinyWith('"0.2 + param.growth * coop.russia.usa"', '"0.2 + * 3"');
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(new RegExp(`^${at(text, '"0.2 + * 3"')} rules\\[0\\]\\.chance: cannot parse "0\\.2 \\+ \\* 3": `)),
    ]);
  });

  it('checks every variant, not only the one being run', () => {
    const text = tinyWith('params: { growth: 0.3 }', 'params: { growht: 0.3 }');
    expect(problemsOf(text)).toEqual([
      `${at(text, 'growht')} variants[0].params.growht: unknown parameter \`growht\`; did you mean \`growth\`?`,
    ]);
  });

  it('reports a stance on an unknown issue and cooperation with an unknown actor', () => {
    const text = TINY.replace('stance: { alignment: 1 }', 'stance: { alignmnt: 1 }').replace('russia: { usa: 0.1 }', 'russia: { uas: 0.1 }');
    expect(problemsOf(text)).toEqual([
      `${at(text, 'alignmnt')} actors[0].stance.alignmnt: unknown issue \`alignmnt\`; did you mean \`alignment\`? (declare it under issues:)`,
      `${at(text, 'uas')} cooperation.initial.russia.uas: unknown actor \`uas\`; did you mean \`usa\`?`,
    ]);
  });

  it('reports every problem at once, structural and in expressions alike', () => {
    const text = TINY
      .replace('initial: 0.2', 'initial: 1.5')
      .replace('    stance: { alignment: 1 }', '    stance: { alignment: 1 }\n    rationalty: 2')
      .replace('coop.russia.usa"', 'coop.rusia.usa"');
    expect(problemsOf(text)).toEqual([
      `${at(text, 'rationalty')} actors[0].rationalty: unknown field \`rationalty\`; did you mean \`rationality\`?`,
      `${at(text, '1.5')} indicators[0].initial: must be at most 1, not 1.5`,
      `${at(text, 'rusia.usa"')} rules[0].chance: unknown actor \`rusia\`; did you mean \`russia\`?`,
    ]);
  });

  it('refuses YAML tags and more than one document in a file', () => {
    const tagged = tinyWith('turns: 6', 'turns: !!python/object 6');
    expect(problemsOf(tagged)).toEqual([`${at(tagged, '!!python')} uses the YAML tag !!python/object, which this format does not accept; write plain values`]);
    const twice = `${TINY}---\n${TINY}`;
    expect(problemsOf(twice)).toEqual([
      `${at(twice, '---')} holds more than one YAML document (a line \`---\` in the middle); keep one scenario per file`,
    ]);
  });

  it('reports an empty file and a file that is not a map', () => {
    expect(problemsOf('')).toEqual(['scenario.yaml:1:1: the file is empty; `sandtable init FILE` writes a complete starting file']);
    expect(problemsOf('- a\n- b\n')).toEqual(['scenario.yaml:1:1: must be a map (key: value lines), not a list']);
  });
});
