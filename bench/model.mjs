// The benchmark's reference model, written once as data. `referenceSpec()`
// turns it into a sandtable scenario (expression text); plain.mjs implements the
// same model by hand. The hand-written formulas follow the expression text
// operator by operator, so both give bit-identical states.
//
// 8 actors with 4 actions each (logit choice), a full 8 × 8 cooperation matrix,
// 6 indicators, 3 flags, 16 rules with conditions and chances, 42 dynamics.

export const TURNS = 24;

export const ISSUES = ['alignment', 'security'];
export const ACTIONS = ['cooperate', 'pressure', 'arm', 'wait'];
export const FLAGS = ['sanctions', 'summit', 'ceasefire'];

/** Indicators and their initial values. */
export const INDICATORS = [
  ['tension', 0.35],
  ['trade', 0.55],
  ['insurgency', 0.25],
  ['aid', 0.2],
  ['crisis', 0.2],
  ['stability', 0.6],
];

/**
 * The actors. Each one's partner is the next actor and its rival the one four
 * places on; c, p and m weigh its cooperate, pressure and arm utilities.
 */
export const ACTORS = [
  { id: 'alpha', rationality: 2, stance: [-0.8, 0.6], salience: [0.7, 0.4], capability: 0.6, resolve: 0.5, c: 0.5, p: 0.3, m: 0.4 },
  { id: 'bravo', rationality: 2.5, stance: [-0.5, 0.2], salience: [0.5, 0.6], capability: 0.4, resolve: 0.7, c: 0.45, p: 0.35, m: 0.5 },
  { id: 'charlie', rationality: 3, stance: [-0.2, -0.3], salience: [0.3, 0.8], capability: 0.3, resolve: 0.4, c: 0.6, p: 0.2, m: 0.35 },
  { id: 'delta', rationality: 3.5, stance: [0.1, 0.5], salience: [0.6, 0.5], capability: 0.55, resolve: 0.6, c: 0.4, p: 0.4, m: 0.45 },
  { id: 'echo', rationality: 4, stance: [0.4, -0.6], salience: [0.8, 0.3], capability: 0.45, resolve: 0.8, c: 0.35, p: 0.5, m: 0.6 },
  { id: 'foxtrot', rationality: 4.5, stance: [0.7, 0.1], salience: [0.4, 0.7], capability: 0.35, resolve: 0.3, c: 0.55, p: 0.25, m: 0.3 },
  { id: 'golf', rationality: 5, stance: [0.9, 0.8], salience: [0.9, 0.9], capability: 0.5, resolve: 0.65, c: 0.3, p: 0.45, m: 0.55 },
  { id: 'hotel', rationality: 5.5, stance: [-0.3, -0.1], salience: [0.2, 0.5], capability: 0.25, resolve: 0.45, c: 0.65, p: 0.15, m: 0.25 },
].map((actor, i, all) => ({ ...actor, partner: all[(i + 1) % all.length].id, rival: all[(i + 4) % all.length].id }));

export const ACTOR_IDS = ACTORS.map((actor) => actor.id);

/** Initial cooperation of actors i < j (the matrix is symmetric). */
export function initialCoop(i, j) {
  return (20 + ((i * 3 + j * 5) % 12) * 5) / 100;
}

export const RULE_IDS = [
  'border-incident', 'trade-deal', 'sanctions-imposed', 'sanctions-lifted',
  'insurgent-attack', 'joint-operation', 'aid-package', 'crisis-escalates',
  'summit', 'ceasefire', 'ceasefire-collapse', 'arms-race',
  'mediation', 'refugee-flow', 'election', 'market-shock',
];

/** The 28 unordered pairs of actors, in a fixed order. */
export const PAIRS = ACTOR_IDS.flatMap((a, i) => ACTOR_IDS.slice(i + 1).map((b) => [a, b]));

/** The reference model as sandtable scenario data (validate with scenarioSchema). */
export function referenceSpec() {
  const rule = (id, when, chance, effects, once = false) => ({
    id,
    title: id,
    when,
    chance,
    once,
    effects,
    narrative: `${id} happens.`,
    source: 'Benchmark reference model.',
  });
  const initial = {};
  ACTOR_IDS.forEach((a, i) => {
    initial[a] = {};
    ACTOR_IDS.forEach((b, j) => {
      if (j > i) initial[a][b] = initialCoop(i, j);
    });
  });
  return {
    id: 'bench-reference',
    title: 'Benchmark reference model',
    version: '1',
    start: '2024-01',
    turns: TURNS,
    issues: ISSUES.map((id) => ({ id, title: id })),
    params: {},
    actors: ACTORS.map((x) => ({
      id: x.id,
      name: x.id,
      rationality: x.rationality,
      stance: { alignment: x.stance[0], security: x.stance[1] },
      salience: { alignment: x.salience[0], security: x.salience[1] },
      attrs: { capability: x.capability, resolve: x.resolve },
      actions: [
        {
          id: 'cooperate',
          title: 'cooperate',
          tends: 'Closer to its partner.',
          utility: `${x.c} * coop.${x.id}.${x.partner} + 0.3 * (1 - ind.tension) - 0.2 * stance.${x.id}.alignment * stance.${x.partner}.alignment`,
          effects: [
            { add: { [`coop.${x.id}.${x.partner}`]: 0.02, 'ind.tension': -0.004 } },
            { toward: { target: `stance.${x.id}.alignment`, goal: `stance.${x.partner}.alignment`, rate: 0.05 } },
          ],
        },
        {
          id: 'pressure',
          title: 'pressure',
          tends: 'Presses its rival.',
          utility: `${x.p} * ind.tension + 0.4 * salience.${x.id}.security * (1 - coop.${x.id}.${x.rival}) + 0.1 * flag.sanctions`,
          effects: [
            { add: { [`coop.${x.id}.${x.rival}`]: -0.03, 'ind.tension': 0.006, [`attr.${x.rival}.resolve`]: 0.01 } },
          ],
        },
        {
          id: 'arm',
          title: 'arm',
          tends: 'Builds capability.',
          utility: `${x.m} * attr.${x.id}.resolve * (1 - attr.${x.id}.capability) + 0.3 * ind.insurgency - 0.1 * flag.ceasefire`,
          effects: [
            { add: { [`attr.${x.id}.capability`]: 0.015, 'ind.tension': 0.003, 'ind.trade': -0.002 } },
          ],
        },
        {
          id: 'wait',
          title: 'wait',
          tends: 'Lets things settle.',
          utility: `0.2 + 0.15 * chose("${x.id}", "wait") + 0.1 * ind.stability`,
          effects: [
            { toward: { target: `stance.${x.id}.security`, goal: 0, rate: 0.1 } },
            { add: { 'ind.stability': 0.002 } },
          ],
        },
      ],
    })),
    indicators: INDICATORS.map(([id, value]) => ({ id, title: id, initial: value })),
    cooperation: { symmetric: true, default: 0.5, initial },
    flags: Object.fromEntries(FLAGS.map((flag) => [flag, false])),
    rules: [
      rule('border-incident', 'ind.tension > 0.3', '0.05 + 0.3 * ind.tension',
        [{ add: { 'ind.tension': 0.02, 'coop.alpha.echo': -0.03 } }]),
      rule('trade-deal', 'coop.alpha.bravo > 0.45 and not flag.sanctions', '0.1 + 0.2 * ind.trade',
        [{ add: { 'ind.trade': 0.02, 'coop.alpha.bravo': 0.01 } }]),
      rule('sanctions-imposed', 'ind.tension > 0.4 and not flag.sanctions', '0.2',
        [{ flag: { sanctions: true } }, { add: { 'ind.trade': -0.05 } }]),
      rule('sanctions-lifted', 'flag.sanctions and ind.tension < 0.38', '0.15 + 0.1 * coop.alpha.echo',
        [{ flag: { sanctions: false } }, { add: { 'ind.trade': 0.02 } }]),
      rule('insurgent-attack', 'ind.insurgency > 0.15', 'ind.insurgency * (1 - ind.stability) + 0.05',
        [{ add: { 'ind.insurgency': 0.02, 'ind.stability': -0.02 } }]),
      rule('joint-operation', 'chose("charlie", "cooperate") or chose("delta", "cooperate")', '0.2 + 0.4 * coop.charlie.delta',
        [{ add: { 'ind.insurgency': -0.03, 'coop.charlie.delta': 0.02 } }]),
      rule('aid-package', 'ind.crisis > 0.15', '0.1 + 0.2 * attr.foxtrot.capability',
        [{ add: { 'ind.aid': 0.04, 'ind.crisis': -0.02 } }]),
      rule('crisis-escalates', 'since("crisis-escalates") > 2', '0.1 + 0.5 * ind.tension * ind.insurgency',
        [{ add: { 'ind.crisis': 0.05, 'ind.stability': -0.01 } }]),
      rule('summit', 'turn >= 4 and ind.tension < 0.5', '0.3',
        [{ flag: { summit: true } }, { add: { 'coop.alpha.hotel': 0.05, 'coop.bravo.golf': 0.05 } }], true),
      rule('ceasefire', 'flag.summit and not flag.ceasefire', '0.15 + 0.1 * count("summit")',
        [{ flag: { ceasefire: true } }, { add: { 'ind.tension': -0.04 } }]),
      rule('ceasefire-collapse', 'flag.ceasefire and ind.insurgency > 0.2', '0.1 + 0.3 * ind.insurgency',
        [{ flag: { ceasefire: false } }, { add: { 'ind.tension': 0.05 } }]),
      rule('arms-race', 'attr.echo.capability > 0.5 and attr.golf.capability > 0.5', '0.1 + 0.1 * max(attr.echo.resolve, attr.golf.resolve)',
        [{ add: { 'ind.tension': 0.02, 'coop.echo.golf': -0.03 } }]),
      rule('mediation', 'coop.bravo.foxtrot > 0.4', '0.1 + 0.2 * salience.bravo.security',
        [{ add: { 'ind.tension': -0.02, 'coop.echo.golf': 0.02 } }]),
      rule('refugee-flow', 'ind.crisis > 0.25 or ind.insurgency > 0.35', '0.1 + 0.2 * ind.crisis',
        [{ add: { 'ind.stability': -0.02, 'ind.aid': 0.01 } }]),
      rule('election', 'turn >= 12', '0.25',
        [{ set: { 'stance.hotel.alignment': '-0.5 * stance.hotel.alignment' } }, { add: { 'salience.hotel.security': 0.1 } }], true),
      rule('market-shock', 'ind.trade < 0.5', '0.05 + 0.1 * (1 - ind.trade)',
        [{ toward: { target: 'ind.trade', goal: 0.3, rate: 0.2 } }, { add: { 'ind.stability': -0.01 } }]),
    ],
    dynamics: [
      { toward: { target: 'ind.tension', goal: 0.3, rate: 0.05 } },
      { add: { 'ind.insurgency': '0.01 * (1 - ind.stability) - 0.01 * ind.aid' } },
      { toward: { target: 'ind.stability', goal: '1 - ind.crisis', rate: 0.1 } },
      { add: { 'ind.crisis': -0.005, 'ind.aid': -0.01 } },
      { toward: { target: 'ind.trade', goal: 0.5, rate: 0.05 } },
      ...PAIRS.map(([a, b]) => ({ toward: { target: `coop.${a}.${b}`, goal: 0.5, rate: 0.02 } })),
      ...ACTOR_IDS.map((a) => ({ toward: { target: `attr.${a}.resolve`, goal: 0.5, rate: 0.05 } })),
    ],
    outcomes: [{ id: 'any', title: 'Any outcome' }],
  };
}
