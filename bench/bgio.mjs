// The reference model as a boardgame.io game, driven through its reducer (no
// client, no server): one move is one turn, the state is G. Randomness comes
// from sandtable's keyed streams, passed in each move's arguments, so the game
// is deterministic and agrees with the other implementations. boardgame.io is
// CommonJS and lives in bench/'s own dependencies.
import { createRequire } from 'node:module';
import { DRAWS, advanceTurn, drawTurn, initialState, makeStreams } from './plain.mjs';
import { TURNS } from './model.mjs';

const require = createRequire(import.meta.url);
const { CreateGameReducer, InitializeGame, ProcessGameConfig } = require('boardgame.io/internal');

/** The game: fixed seed for its own random plugin, undo disabled, one move per turn. */
export const game = ProcessGameConfig({
  name: 'sandtable-bench',
  seed: 'sandtable-bench',
  disableUndo: true,
  setup: () => initialState(),
  moves: {
    // G is an Immer draft here (boardgame.io's immer plugin): mutate it.
    turn: ({ G }, rolls) => {
      advanceTurn(G, G.turn + 1, (k) => rolls[k]);
    },
  },
  turn: { minMoves: 1, maxMoves: 1 },
  endIf: ({ G }) => (G.turn >= TURNS ? { turns: G.turn } : undefined),
});

const reducer = CreateGameReducer({ game });

/** The action makeMove('turn', [rolls], '0') creates (action-creators.ts). */
function makeMove(type, args, playerID) {
  return { type: 'MAKE_MOVE', payload: { type, args, playerID, credentials: undefined } };
}

/** A whole run through the reducer; returns boardgame.io's full state. */
export function runBgioState(seed, turns = TURNS) {
  let state = InitializeGame({ game, numPlayers: 1 });
  const streams = makeStreams(seed);
  for (let t = 1; t <= turns; t += 1) {
    const rolls = Array.from(drawTurn(streams, t, new Float64Array(DRAWS)));
    state = reducer(state, makeMove('turn', [rolls], '0'));
  }
  return state;
}

/** A whole run; returns G, which has sandtable's WorldState shape. */
export function runBgio(seed, turns = TURNS) {
  return runBgioState(seed, turns).G;
}
