import { describe, expect, it, vi } from 'vitest';

// Colour must be possible for the test to mean anything: chalk reads
// FORCE_COLOR when it loads, before the imports below run.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '3';
});

const { startHistory } = await import('../../src/engine/history.js');
const { Screen } = await import('../../src/tui/components/Screen.js');
const { reduce, startSession } = await import('../../src/tui/session.js');
const { ColorContext, colorsEnabled } = await import('../../src/tui/theme.js');
const { mount, scenario } = await import('./helpers.js');

// SGR parameters that set a colour: 30–38, 40–48, 90–97, 100–107 (39 and 49 only reset).
const COLOUR = /\u001b\[(?:[\d;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[\d;]*)?m/;

const session = reduce(startSession(startHistory(scenario, 123, 24)), { type: 'forward' });
const frame = (colour: boolean) =>
  mount(
    <ColorContext.Provider value={colour}>
      <Screen session={session} columns={100} rows={30} whatIfs={[]} />
    </ColorContext.Provider>,
  ).frame();

describe('colour', () => {
  it('paints the heat map and titles when colour is on', () => {
    expect(frame(true)).toMatch(COLOUR);
  });

  it('uses no colour at all under NO_COLOR, keeping bold and dim', () => {
    const plain = frame(false);
    expect(plain).not.toMatch(COLOUR);
    expect(plain).toContain('\u001b[1m');
    expect(plain).toContain('.25');
  });

  it('is off when NO_COLOR is set to anything but the empty string', () => {
    expect(colorsEnabled({ NO_COLOR: '1' })).toBe(false);
    expect(colorsEnabled({ NO_COLOR: 'yes' })).toBe(false);
    expect(colorsEnabled({ NO_COLOR: '' })).toBe(true);
    expect(colorsEnabled({})).toBe(true);
  });
});
