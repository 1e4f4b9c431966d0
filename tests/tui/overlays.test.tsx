import { describe, expect, it } from 'vitest';
import { EventDetails } from '../../src/tui/components/EventDetails.js';
import { Footer, hintLine } from '../../src/tui/components/Footer.js';
import { Header } from '../../src/tui/components/Header.js';
import { HelpOverlay } from '../../src/tui/components/HelpOverlay.js';
import { Panel } from '../../src/tui/components/Panel.js';
import { Text } from 'ink';
import { ListOverlay, listLines } from '../../src/tui/components/ListOverlay.js';
import { TooSmall } from '../../src/tui/components/TooSmall.js';
import { eventItem } from '../../src/tui/view-model.js';
import { historyAt, mount } from './helpers.js';

describe('Panel', () => {
  it('keeps its title and clips what does not fit at the end, never lines in the middle', () => {
    const { frame } = mount(
      <Panel title="Events" width={30} height={4}>
        {['one', 'two', 'three', 'four', 'five'].map((line) => <Text key={line}>{line}</Text>)}
      </Panel>,
    );
    expect(frame().split('\n')).toEqual([expect.stringMatching(/^─ Events ─+$/), 'one', 'two', 'three']);
  });
});

describe('Header', () => {
  it('shows the scenario, Turn N/T, the month, the seed and the branch', () => {
    const { frame } = mount(
      <Header scenario="niger-2024" title="Niger 2024" turn={3} turns={24} month="July 2024" seed={123} branch="main" playing={false} width={100} />,
    );
    expect(frame()).toMatch(/^sandtable niger-2024 Niger 2024\s+Turn 3\/24 · July 2024 · seed 123 · branch main$/);
  });

  it('marks autoplay, and gives up the title before the status when space is short', () => {
    const { frame } = mount(
      <Header scenario="niger-2024" title="A very long title that cannot fit in the space left over" turn={12} turns={24}
        month="April 2025" seed={4294967295} branch="what-if 3" playing width={80} />,
    );
    expect(frame()).toContain('Turn 12/24 · April 2025 · seed 4294967295 · branch what-if 3 ▶');
    expect(frame()).not.toContain('left over');
    expect(frame().split('\n')).toHaveLength(1);
  });
});

describe('Footer', () => {
  it('shows the main keys when there is no message', () => {
    const { frame } = mount(<Footer notice={null} width={100} />);
    expect(frame()).toContain('? keys · q quit');
  });

  it('shows fewer hints in a narrow terminal but always help and quit', () => {
    expect(hintLine(80)).toMatch(/^←→ step · .* · \? keys · q quit$/);
    expect(hintLine(80).length).toBeLessThanOrEqual(80);
    expect(hintLine(140)).toContain('s new seed');
    expect(hintLine(20)).toBe('? keys · q quit');
  });

  it('shows the last message instead', () => {
    const { frame } = mount(<Footer notice={{ tone: 'info', text: 'Wrote the run record to /tmp/x.json' }} width={100} />);
    expect(frame()).toBe('Wrote the run record to /tmp/x.json');
  });
});

describe('ListOverlay', () => {
  const rows = Array.from({ length: 30 }, (_, i) => ({ section: i < 15 ? 'Force' : 'Block', label: `Rule ${i}` }));

  it('groups rows under their section headings', () => {
    expect(listLines(rows.slice(13, 17)).map((line) => (line.kind === 'section' ? `# ${line.text}` : line.row.label)))
      .toEqual(['# Force', 'Rule 13', 'Rule 14', '# Block', 'Rule 15', 'Rule 16']);
  });

  it('scrolls to keep the highlighted row in view, with its position in the list', () => {
    const { frame } = mount(<ListOverlay title="What if…" rows={rows} pick={25} width={60} height={12} />);
    expect(frame()).toContain('▸ Rule 25');
    expect(frame()).toContain('26/30');
    expect(frame()).not.toContain('Rule 2 ');
    expect(frame().split('\n')).toHaveLength(12);
  });

  it('tells how to use it', () => {
    const { frame } = mount(<ListOverlay title="Branches" rows={[{ label: 'main' }]} pick={0} width={60} height={6} />);
    expect(frame()).toContain('Enter choose · Esc close');
  });
});

describe('EventDetails', () => {
  it('shows the whole narrative, the working of the chance, the inputs and the whole source', () => {
    const flights = historyAt(1, 1).kept[1]!.events.find((event) => event.id === 'us-flights-declared-illegal')!;
    const { frame } = mount(<EventDetails event={eventItem(flights)} index={1} count={3} month="May 2024" width={80} height={20} />);
    const text = frame().replace(/\s*\n\s*/g, ' ');
    expect(text).toContain('event 2 of 3');
    expect(text).toContain('Why chance 0.4 + 0.5 × (1 − 0.25) × 0.9 = 0.7375, roll 0.2334 < 0.7375 → fired');
    expect(text).toContain('coop.niger.usa = 0.25');
    expect(text).toContain(flights.why.source.replace(/\s+/g, ' '));
  });
});

describe('HelpOverlay', () => {
  it('keeps every section heading in a classic 80×24 terminal', () => {
    const { frame } = mount(<HelpOverlay width={80} height={21} />);
    expect(frame()).toMatch(/^─ Keys/);
    expect(frame()).toContain('Everywhere');
    expect(frame()).toContain('On the panels');
    expect(frame()).toMatch(/s\s+new run with a new seed/);
  });

  it('lists the key table, quitting first', () => {
    const { frame } = mount(<HelpOverlay width={100} height={30} />);
    const lines = frame().split('\n');
    expect(lines[1]).toContain('Everywhere');
    expect(lines[2]).toMatch(/q\s+quit/);
    expect(frame()).toMatch(/→ l\s+step forward one month/);
    expect(frame()).toMatch(/b\s+branch a what-if at this turn/);
  });
});

describe('TooSmall', () => {
  it('says the size needed and stays below the terminal\'s height', () => {
    const { frame } = mount(<TooSmall columns={40} rows={3} need={{ columns: 76, rows: 24 }} />);
    expect(frame()).toContain('Window too small (40×3)');
    expect(frame().split('\n').length).toBeLessThan(3);
  });
});
