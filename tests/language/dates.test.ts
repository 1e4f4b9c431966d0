import { describe, expect, it } from 'vitest';
import { isoMonth } from '../../src/engine/calendar.js';
import { run } from '../../src/engine/run.js';
import { injectTimeline } from '../../src/cli/commands/exercise.js';
import { parseSpec } from '../../src/scenarios/load.js';
import { compileText, problemsOf } from './helpers.js';

// The rainy season (June to September) and a date in the calendar.
const DATES = `format: 2
id: dates
title: Dates
version: "1"
start: "2023-10"
turns: 15
issues: []
actors:
  - id: army
    name: Army
indicators:
  - { id: mobility, title: Mobility, initial: 1 }
cooperation: {}
rules:
  - id: rains
    title: The rains
    chance: "month >= 6 and month <= 9 and year == 2024"
    narrative: The roads flood.
    source: "Modelling assumption: a test."
  - id: summit
    title: A summit
    chance: 0
    effects:
      - schedule: { event: talks, at: "2024-11" }
    narrative: Leaders meet.
    source: "Modelling assumption: a test."
  - id: talks
    title: Talks
    chance: 0
    narrative: Talks open.
    source: "Modelling assumption: a test."
interventions:
  - { force: summit, turn: "2024-03" }
injects:
  - { id: summit-called, turn: "2024-02", event: summit, brief: A summit is called. }
outcomes:
  - { id: any, title: Any }
`;

function months(history: ReturnType<typeof run>, id: string): string[] {
  return history.kept.filter((kept) => kept.events.some((event) => event.id === id)).map((kept) => isoMonth(history.scenario.start, kept.turn));
}

describe('dates', () => {
  const scenario = compileText(DATES);

  it('reads month and year in expressions as the calendar month of the turn', () => {
    expect(months(run(scenario, { seed: 1, turns: 15 }), 'rains')).toEqual(['2024-06', '2024-07', '2024-08', '2024-09']);
  });

  it('takes a month for an intervention, a schedule and an inject', () => {
    const history = run(scenario, { seed: 1, turns: 15 });
    expect(months(history, 'summit')).toEqual(['2024-03']);
    expect(months(history, 'talks')).toEqual(['2024-11']);
    expect(injectTimeline(scenario, parseSpec(DATES, 'dates.yaml').injects, null).map((inject) => inject.turn)).toEqual([4]);
  });

  it('refuses a month before the start or after the horizon, naming the field and the months there are', () => {
    expect(problemsOf(DATES.replace('turn: "2024-03"', 'turn: "2023-09"'))[0])
      .toMatch(/interventions\[0\]: 2023-09 is not within the scenario's months: from 2023-11 \(turn 1\) to 2025-01 \(turn 15\)$/);
    expect(problemsOf(DATES.replace('at: "2024-11"', 'at: "2025-02"'))[0])
      .toMatch(/rules\[1\]\.effects\[0\]\.schedule\.at: 2025-02 is not within the scenario's months/);
    expect(problemsOf(DATES.replace('turn: "2024-02"', 'turn: "2023-10"'))[0])
      .toMatch(/injects\[0\]\.turn: 2023-10 is not within the scenario's months/);
    expect(problemsOf(DATES.replace('turn: "2024-03"', 'turn: "March"'))[0])
      .toMatch(/interventions\[0\]\.turn: the text "March" must be a turn number or a month written YYYY-MM/);
  });
});
