// The reference model in plain JavaScript over one mutable object: the limit
// of the ladder. The object has sandtable's WorldState shape, so its final
// state hashes the same way. Every formula is written in the same order as the
// expression text in model.mjs, so floating-point results agree bit for bit,
// and every write is clamped to its range and rounded to 1e-6 as the engine's
// writes are.
import seedrandom from 'seedrandom';
import * as random from '../dist/engine/random.js';
import { ACTORS, ACTOR_IDS, FLAGS, INDICATORS, ISSUES, PAIRS, RULE_IDS, TURNS, initialCoop } from './model.mjs';

const N = ACTORS.length;
/** Draws per turn: one per actor's decision, then one per rule. */
export const DRAWS = N + RULE_IDS.length;

/** A value written to a [0, 1] place: clamped, then rounded to the engine's precision. */
const w01 = (v) => Math.round((v < 0 ? 0 : v > 1 ? 1 : v) * 1e6) / 1e6;
/** A value written to a [-1, 1] place (stances). */
const w11 = (v) => Math.round((v < -1 ? -1 : v > 1 ? 1 : v) * 1e6) / 1e6;
const clamp01 = (v) => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * The string each stream key seeds Alea with after `${seed}|`: the engine's
 * short form of the key when it has one, else the key itself.
 */
const streamKey = typeof random.shortKey === 'function' ? random.shortKey : (key) => key;
const STREAM_KEYS = [
  ...ACTOR_IDS.map((id) => streamKey(`decide:${id}`)),
  ...RULE_IDS.map((id) => streamKey(`rule:${id}`)),
];

/** A fresh initial state. */
export function initialState() {
  const actors = {};
  for (const x of ACTORS) {
    actors[x.id] = {
      stance: { [ISSUES[0]]: x.stance[0], [ISSUES[1]]: x.stance[1] },
      salience: { [ISSUES[0]]: x.salience[0], [ISSUES[1]]: x.salience[1] },
      attrs: { capability: x.capability, resolve: x.resolve },
    };
  }
  const coop = {};
  for (let i = 0; i < N; i += 1) {
    const row = {};
    for (let j = 0; j < N; j += 1) if (j !== i) row[ACTOR_IDS[j]] = initialCoop(Math.min(i, j), Math.max(i, j));
    coop[ACTOR_IDS[i]] = row;
  }
  const indicators = {};
  for (const [id, value] of INDICATORS) indicators[id] = value;
  const flags = {};
  for (const flag of FLAGS) flags[flag] = false;
  return { turn: 0, actors, coop, indicators, flags, events: {}, scheduled: [], actions: {} };
}

/**
 * The keyed streams of a run, as sandtable's engine seeds them: each on its
 * first draw, since seeding is what costs and a rule whose condition does not
 * hold needs no number.
 */
export function makeStreams(seed) {
  return { seed, generators: new Array(DRAWS).fill(null), drawn: new Int32Array(DRAWS) };
}

/** Stream k's number for turn t (turns start at 1; a stream never goes back within a run). */
export function drawAt(streams, k, t) {
  let next = streams.generators[k];
  if (next === null) {
    next = seedrandom.alea(`${streams.seed}|${STREAM_KEYS[k]}`);
    streams.generators[k] = next;
  }
  while (streams.drawn[k] < t - 1) {
    next();
    streams.drawn[k] += 1;
  }
  streams.drawn[k] += 1;
  return next();
}

/** All of this turn's draws, in the order advanceTurn reads them (for boardgame.io's moves). */
export function drawTurn(streams, t, rolls) {
  for (let k = 0; k < DRAWS; k += 1) rolls[k] = drawAt(streams, k, t);
  return rolls;
}

const utility = new Float64Array(4);
const weight = new Float64Array(4);
const fire = new Uint8Array(RULE_IDS.length);

let roll = null;
/** Rule k fires when its draw is below its chance (clamped to [0, 1]); no chance or certainty needs a draw. */
function r(k, chance) {
  const c = clamp01(chance);
  fire[k] = c >= 1 || (c > 0 && roll(N + k) < c) ? 1 : 0;
}

function tally(events, id, t) {
  const old = events[id];
  if (old === undefined) {
    events[id] = { first: t, last: t, count: 1 };
  } else {
    old.last = t;
    old.count += 1;
  }
}

function setCoop(coop, a, b, value) {
  coop[a][b] = value;
  coop[b][a] = value;
}

/**
 * One turn of the model on a mutable state (a plain object or an Immer draft);
 * `draw(k)` gives stream k's number for the turn.
 */
export function advanceTurn(s, t, draw) {
  s.turn = t;
  const { actors, coop, indicators: ind, flags, events } = s;
  const previous = s.actions;

  // Decisions: logit over the four utilities, on the start-of-turn state.
  const choices = {};
  const chosen = new Array(N);
  for (let i = 0; i < N; i += 1) {
    const x = ACTORS[i];
    const me = actors[x.id];
    utility[0] = x.c * coop[x.id][x.partner] + 0.3 * (1 - ind.tension) - 0.2 * me.stance.alignment * actors[x.partner].stance.alignment;
    utility[1] = x.p * ind.tension + 0.4 * me.salience.security * (1 - coop[x.id][x.rival]) + 0.1 * (flags.sanctions ? 1 : 0);
    utility[2] = x.m * me.attrs.resolve * (1 - me.attrs.capability) + 0.3 * ind.insurgency - 0.1 * (flags.ceasefire ? 1 : 0);
    utility[3] = 0.2 + 0.15 * (previous[x.id] === 'wait' ? 1 : 0) + 0.1 * ind.stability;
    let best = -Infinity;
    for (let k = 0; k < 4; k += 1) if (utility[k] > best) best = utility[k];
    let total = 0;
    for (let k = 0; k < 4; k += 1) weight[k] = Math.exp(x.rationality * (utility[k] - best));
    for (let k = 0; k < 4; k += 1) total += weight[k];
    const rolled = draw(i);
    let cumulative = 0;
    let k = 0;
    for (; k < 3; k += 1) {
      cumulative += weight[k] / total;
      if (rolled < cumulative) break;
    }
    chosen[i] = k;
    choices[x.id] = k === 0 ? 'cooperate' : k === 1 ? 'pressure' : k === 2 ? 'arm' : 'wait';
  }

  // Rules: conditions and chances, on the start-of-turn state.
  fire.fill(0);
  roll = draw;
  if (ind.tension > 0.3) r(0, 0.05 + 0.3 * ind.tension);
  if (coop.alpha.bravo > 0.45 && !flags.sanctions) r(1, 0.1 + 0.2 * ind.trade);
  if (ind.tension > 0.4 && !flags.sanctions) r(2, 0.2);
  if (flags.sanctions && ind.tension < 0.38) r(3, 0.15 + 0.1 * coop.alpha.echo);
  if (ind.insurgency > 0.15) r(4, ind.insurgency * (1 - ind.stability) + 0.05);
  if (choices.charlie === 'cooperate' || choices.delta === 'cooperate') r(5, 0.2 + 0.4 * coop.charlie.delta);
  if (ind.crisis > 0.15) r(6, 0.1 + 0.2 * actors.foxtrot.attrs.capability);
  const escalated = events['crisis-escalates'];
  if ((escalated === undefined ? 9999 : t - escalated.last) > 2) r(7, 0.1 + 0.5 * ind.tension * ind.insurgency);
  if (events.summit === undefined && t >= 4 && ind.tension < 0.5) r(8, 0.3);
  if (flags.summit && !flags.ceasefire) r(9, 0.15 + 0.1 * (events.summit?.count ?? 0));
  if (flags.ceasefire && ind.insurgency > 0.2) r(10, 0.1 + 0.3 * ind.insurgency);
  if (actors.echo.attrs.capability > 0.5 && actors.golf.attrs.capability > 0.5) {
    r(11, 0.1 + 0.1 * Math.max(actors.echo.attrs.resolve, actors.golf.attrs.resolve));
  }
  if (coop.bravo.foxtrot > 0.4) r(12, 0.1 + 0.2 * actors.bravo.salience.security);
  if (ind.crisis > 0.25 || ind.insurgency > 0.35) r(13, 0.1 + 0.2 * ind.crisis);
  if (events.election === undefined && t >= 12) r(14, 0.25);
  if (ind.trade < 0.5) r(15, 0.05 + 0.1 * (1 - ind.trade));

  // Actions' effects, in actor order.
  s.actions = choices;
  for (let i = 0; i < N; i += 1) {
    const x = ACTORS[i];
    const me = actors[x.id];
    switch (chosen[i]) {
      case 0:
        setCoop(coop, x.id, x.partner, w01(coop[x.id][x.partner] + 0.02));
        ind.tension = w01(ind.tension + -0.004);
        {
          const current = me.stance.alignment;
          me.stance.alignment = w11(current + 0.05 * (actors[x.partner].stance.alignment - current));
        }
        break;
      case 1:
        setCoop(coop, x.id, x.rival, w01(coop[x.id][x.rival] + -0.03));
        ind.tension = w01(ind.tension + 0.006);
        actors[x.rival].attrs.resolve = w01(actors[x.rival].attrs.resolve + 0.01);
        break;
      case 2:
        me.attrs.capability = w01(me.attrs.capability + 0.015);
        ind.tension = w01(ind.tension + 0.003);
        ind.trade = w01(ind.trade + -0.002);
        break;
      default: {
        const current = me.stance.security;
        me.stance.security = w11(current + 0.1 * (0 - current));
        ind.stability = w01(ind.stability + 0.002);
      }
    }
  }

  // Fired rules' effects, in declared order.
  if (fire[0]) {
    ind.tension = w01(ind.tension + 0.02);
    setCoop(coop, 'alpha', 'echo', w01(coop.alpha.echo + -0.03));
    tally(events, 'border-incident', t);
  }
  if (fire[1]) {
    ind.trade = w01(ind.trade + 0.02);
    setCoop(coop, 'alpha', 'bravo', w01(coop.alpha.bravo + 0.01));
    tally(events, 'trade-deal', t);
  }
  if (fire[2]) {
    flags.sanctions = true;
    ind.trade = w01(ind.trade + -0.05);
    tally(events, 'sanctions-imposed', t);
  }
  if (fire[3]) {
    flags.sanctions = false;
    ind.trade = w01(ind.trade + 0.02);
    tally(events, 'sanctions-lifted', t);
  }
  if (fire[4]) {
    ind.insurgency = w01(ind.insurgency + 0.02);
    ind.stability = w01(ind.stability + -0.02);
    tally(events, 'insurgent-attack', t);
  }
  if (fire[5]) {
    ind.insurgency = w01(ind.insurgency + -0.03);
    setCoop(coop, 'charlie', 'delta', w01(coop.charlie.delta + 0.02));
    tally(events, 'joint-operation', t);
  }
  if (fire[6]) {
    ind.aid = w01(ind.aid + 0.04);
    ind.crisis = w01(ind.crisis + -0.02);
    tally(events, 'aid-package', t);
  }
  if (fire[7]) {
    ind.crisis = w01(ind.crisis + 0.05);
    ind.stability = w01(ind.stability + -0.01);
    tally(events, 'crisis-escalates', t);
  }
  if (fire[8]) {
    flags.summit = true;
    setCoop(coop, 'alpha', 'hotel', w01(coop.alpha.hotel + 0.05));
    setCoop(coop, 'bravo', 'golf', w01(coop.bravo.golf + 0.05));
    tally(events, 'summit', t);
  }
  if (fire[9]) {
    flags.ceasefire = true;
    ind.tension = w01(ind.tension + -0.04);
    tally(events, 'ceasefire', t);
  }
  if (fire[10]) {
    flags.ceasefire = false;
    ind.tension = w01(ind.tension + 0.05);
    tally(events, 'ceasefire-collapse', t);
  }
  if (fire[11]) {
    ind.tension = w01(ind.tension + 0.02);
    setCoop(coop, 'echo', 'golf', w01(coop.echo.golf + -0.03));
    tally(events, 'arms-race', t);
  }
  if (fire[12]) {
    ind.tension = w01(ind.tension + -0.02);
    setCoop(coop, 'echo', 'golf', w01(coop.echo.golf + 0.02));
    tally(events, 'mediation', t);
  }
  if (fire[13]) {
    ind.stability = w01(ind.stability + -0.02);
    ind.aid = w01(ind.aid + 0.01);
    tally(events, 'refugee-flow', t);
  }
  if (fire[14]) {
    const hotel = actors.hotel;
    hotel.stance.alignment = w11(-0.5 * hotel.stance.alignment);
    hotel.salience.security = w01(hotel.salience.security + 0.1);
    tally(events, 'election', t);
  }
  if (fire[15]) {
    const current = ind.trade;
    ind.trade = w01(current + 0.2 * (0.3 - current));
    ind.stability = w01(ind.stability + -0.01);
    tally(events, 'market-shock', t);
  }

  // Dynamics.
  ind.tension = w01(ind.tension + 0.05 * (0.3 - ind.tension));
  ind.insurgency = w01(ind.insurgency + (0.01 * (1 - ind.stability) - 0.01 * ind.aid));
  ind.stability = w01(ind.stability + 0.1 * ((1 - ind.crisis) - ind.stability));
  ind.crisis = w01(ind.crisis + -0.005);
  ind.aid = w01(ind.aid + -0.01);
  ind.trade = w01(ind.trade + 0.05 * (0.5 - ind.trade));
  for (let p = 0; p < PAIRS.length; p += 1) {
    const [a, b] = PAIRS[p];
    const current = coop[a][b];
    setCoop(coop, a, b, w01(current + 0.02 * (0.5 - current)));
  }
  for (let i = 0; i < N; i += 1) {
    const attrs = actors[ACTOR_IDS[i]].attrs;
    attrs.resolve = w01(attrs.resolve + 0.05 * (0.5 - attrs.resolve));
  }
}

/** A whole run of the model: the limit. */
export function runPlain(seed, turns = TURNS) {
  const s = initialState();
  const streams = makeStreams(seed);
  let t = 1;
  const draw = (k) => drawAt(streams, k, t);
  for (; t <= turns; t += 1) advanceTurn(s, t, draw);
  return s;
}
