// The time to render one frame, per view: `npx vitest bench --run tests/tui/frame.bench.tsx`.
// A benchmark, not a test: it reports times and asserts nothing about them.
// (bench/tui-frame.mjs measures the whole App from key press to frame.)
import { renderToString } from 'ink';
import { bench, describe } from 'vitest';
import { startHistory } from '../../src/engine/history.js';
import { Screen } from '../../src/tui/components/Screen.js';
import { reduce, startSession, whatIfsOf, type Session, type SessionAction } from '../../src/tui/session.js';
import { variantOptions } from '../../src/tui/variants.js';
import { scenario } from './helpers.js';

const apply = (session: Session, ...actions: SessionAction[]) => actions.reduce(reduce, session);
const forward = { type: 'forward' } as const;
const atTwelve = apply(startSession(startHistory(scenario, 1, 24), variantOptions('niger-2024', scenario)), ...Array(12).fill(forward));
const branched = apply(atTwelve, { type: 'open', mode: 'what-if' }, { type: 'choose' }, forward);
const draw = (session: Session, columns: number, rows: number) =>
  renderToString(<Screen session={session} columns={columns} rows={rows} whatIfs={session.mode === 'what-if' ? whatIfsOf(session) : []} />, { columns });

describe('one frame of the terminal UI (niger-2024, turn 12 of 24)', () => {
  bench('panels at 100×30', () => {
    draw(atTwelve, 100, 30);
  });
  bench('panels at 160×45', () => {
    draw(atTwelve, 160, 45);
  });
  bench('step forward (computing the turn) and draw', () => {
    draw(reduce(atTwelve, forward), 100, 30);
  });
  bench('step back (kept turn) and draw', () => {
    draw(reduce(atTwelve, { type: 'back' }), 100, 30);
  });
  bench('switch branch and draw', () => {
    draw(reduce(branched, { type: 'switch', to: 0 }), 100, 30);
  });
  bench('side by side with the parent', () => {
    draw(reduce(branched, { type: 'compare' }), 100, 30);
  });
  bench('what-if list', () => {
    draw(reduce(atTwelve, { type: 'open', mode: 'what-if' }), 100, 30);
  });
});
