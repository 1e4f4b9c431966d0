import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readScenarioFile, warningsOf } from '../../src/scenarios/load.js';
import { formatProblem, ScenarioError } from '../../src/scenarios/problem.js';
import { baseAndChanges, type Data, overlayBase, overlayData } from './overlay-arbitraries.js';
import { overlayFiles, SETTINGS as settings } from './overlay-files.js';

// What `sandtable validate` says about generated overlays: nothing about a
// correct one, a warning when a plain list drops the base's entries, and
// "did you mean" for an id one letter away from one the base has.

const { write } = overlayFiles();

function read(base: Data, overlay: Data): { warnings: string[] } | { error: string } {
  try {
    return { warnings: warningsOf(readScenarioFile(write(base, overlay)[1]!)).map((warning) => formatProblem(warning)) };
  } catch (error) {
    if (error instanceof ScenarioError) return { error: error.message };
    throw error;
  }
}

describe('messages about generated overlays', () => {
  it('warn about nothing when every new id is far from the base\'s and no plain list drops entries', () => {
    fc.assert(fc.property(baseAndChanges, ({ base, changes }) => {
      expect(read(base, overlayData(changes))).toEqual({ warnings: [] });
    }), settings);
  });

  it('warn, with the count, when a plain list of effects replaces the base\'s and drops some of them', () => {
    const lines = [{ id: 'd-spare', add: { 'ind.spare': 0.02 } }, { id: 'd-x', toward: { target: 'ind.x', goal: 0.5, rate: 0.05 } }, { add: { 'ind.x': 0.01 } }];
    fc.assert(fc.property(overlayBase, fc.subarray(lines), (base, dynamics) => {
      const result = read(base, { dynamics });
      const dropped = ['d-spare', 'd-x'].filter((id) => !dynamics.some((line) => line.id === id)).length;
      expect(result).toEqual({
        warnings: dropped === 0 ? [] : [expect.stringMatching(new RegExp(`: dynamics: replaces the base's dynamics \\(2 items\\) and drops ${dropped} of them; to add, change or remove single entries write`))],
      });
    }), settings);
  });

  /** An id of the base, with one letter put in: a slip of the keyboard. */
  const slip = overlayBase.chain((base) => {
    const targets: [string, string][] = [
      ...(base.rules as Data[]).map((item): [string, string] => ['rules', item.id as string]),
      ...((base.actors as Data[])[0]!.actions as Data[]).map((item): [string, string] => ['actions', item.id as string]),
      ['indicators', 'spare'], ['indicators', 'unused'], ['dynamics', 'd-spare'], ['dynamics', 'd-x'],
    ];
    return fc.record({
      base: fc.constant(base),
      target: fc.constantFrom(...targets),
      at: fc.nat(),
      how: fc.constantFrom('change' as const, 'remove' as const, 'add' as const),
    });
  }).map(({ base, target: [list, id], at, how }) => {
    const cut = at % (id.length + 1);
    return { base, list, id, typo: `${id.slice(0, cut)}q${id.slice(cut)}`, how };
  });

  const NEW: Record<string, Data> = {
    rules: { title: 'New', chance: 0.1, narrative: 'n', source: 'Modelling assumption: generated' },
    actions: { title: 'New', tends: '', utility: 0 },
    indicators: { title: 'New', initial: 0.5 },
    dynamics: { add: { 'ind.x': 0.01 } },
  };
  const NOUN: Record<string, string> = { rules: 'rule', actions: 'action', indicators: 'indicator', dynamics: 'line of dynamics' };

  it('say "did you mean" for an id one letter away from the base\'s: an error to change or remove it, a warning to add it', () => {
    fc.assert(fc.property(slip, ({ base, list, id, typo, how }) => {
      const edit = how === 'change' ? { change: { [typo]: { title: 'Changed' } } }
        : how === 'remove' ? { remove: [typo] } : { add: [{ id: typo, ...NEW[list] }] };
      const overlay = list === 'actions' ? { actors: { change: { alpha: { actions: edit } } } } : { [list]: list === 'dynamics' && how === 'change' ? { change: { [typo]: NEW.dynamics } } : edit };
      const result = read(base, overlay);
      const mean = `; did you mean \`${id}\`?`;
      if (how === 'add') {
        expect(result).toEqual({ warnings: [expect.stringContaining(`.id: adds a new ${NOUN[list]} \`${typo}\`, as the base has none with this id${mean}`)] });
      } else {
        const what = how === 'change' ? `cannot change \`${typo}\`: the base has no such ${NOUN[list]}` : `cannot remove \`${typo}\`: the base has no such ${NOUN[list]}`;
        expect('error' in result && result.error, JSON.stringify(result)).toContain(`${what}${mean}`);
      }
    }), { ...settings, numRuns: 60 });
  });
});
