import { describe, expect, it } from 'vitest';
import { changesOf } from '../../src/tui/changes.js';
import { historyAt, scenario } from './helpers.js';

const history = historyAt(123, 6);
const turn = (t: number) => history.kept[t]!;
const changesAtTurn = (t: number) => changesOf(scenario, turn(t - 1).state, turn(t).state, turn(t).changes);

describe('what changed this turn', () => {
  it('lists every indicator the turn changed, with its value before and after', () => {
    for (let t = 1; t <= 6; t += 1) {
      for (const change of changesAtTurn(t).filter((item) => item.kind === 'indicator')) {
        const indicator = scenario.indicators.find((item) => item.title === change.label)!;
        expect(change.from).toBe(turn(t - 1).state.indicators[indicator.id]);
        expect(change.to).toBe(turn(t).state.indicators[indicator.id]);
        expect(change.from).not.toBe(change.to);
      }
    }
  });

  it('names each changed cooperation pair once when cooperation is symmetric', () => {
    const pairs = changesAtTurn(1).filter((item) => item.kind === 'cooperation').map((item) => item.label);
    expect(pairs).toContain('niger–usa');
    expect(pairs).not.toContain('usa–niger');
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('shows flags that were set, and the moves actors changed to, by title', () => {
    const changes = changesAtTurn(1);
    expect(changes).toContainEqual({ kind: 'flag', label: 'flightsIllegal', text: 'on' });
    const niger = scenario.actors.find((actor) => actor.id === 'niger')!;
    const action = niger.actions.find((item) => item.id === turn(1).state.actions.niger)!;
    expect(changes).toContainEqual({ kind: 'move', label: 'niger', text: action.title });
  });

  it('leaves out event tallies and the turn counter, which other panels show', () => {
    const kinds = new Set(changesAtTurn(1).map((item) => item.kind));
    expect(turn(1).changes.events.length).toBeGreaterThan(0);
    expect([...kinds].every((kind) => ['flag', 'indicator', 'cooperation', 'stance', 'salience', 'attribute', 'scheduled', 'move'].includes(kind))).toBe(true);
  });

  it('puts turning points (flags) first and moves last', () => {
    const kinds = changesAtTurn(1).map((item) => item.kind);
    expect(kinds[0]).toBe('flag');
    expect(kinds[kinds.length - 1]).toBe('move');
    expect(kinds.indexOf('indicator')).toBeLessThan(kinds.indexOf('cooperation'));
  });
});
