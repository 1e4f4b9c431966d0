import { describe, expect, it } from 'vitest';
import { EventsPanel, firstShown } from '../../src/tui/components/EventsPanel.js';
import type { EventItem } from '../../src/tui/view-model.js';
import { eventItem } from '../../src/tui/view-model.js';
import { historyAt, mount } from './helpers.js';

const item = (n: number): EventItem => ({
  id: `event-${n}`,
  title: `Event ${n}`,
  narrative: `Narrative ${n}.`,
  why: `chance 0.${n}, roll 0.0${n} < 0.${n} → fired`,
  source: `Article: "Sentence ${n}."`,
  condition: null,
  inputs: null,
});

describe('EventsPanel', () => {
  it('shows each event with its narrative, why it fired and its source', () => {
    const flights = historyAt(1, 1).kept[1]!.events.find((event) => event.id === 'us-flights-declared-illegal')!;
    const { frame } = mount(<EventsPanel events={[eventItem(flights)]} selected={0} month="May 2024" turn={1} width={100} height={6} />);
    expect(frame()).toContain('Events in May 2024');
    expect(frame()).toContain('The junta declares U.S. flights illegal [us-flights-declared-illegal]');
    expect(frame()).toContain('The CNSP declares flights from the U.S.-built airbase illegal');
    expect(frame()).toContain('why chance 0.4 + 0.5 × (1 − 0.25) × 0.9 = 0.7375, roll 0.2334 < 0.7375 → fired');
    expect(frame()).toContain('source Article: "Following a recent visit');
  });

  it('explains turn 0 instead of showing an empty list', () => {
    const { frame } = mount(<EventsPanel events={[]} selected={0} month="April 2024" turn={0} width={60} height={6} />);
    expect(frame()).toContain('Turn 0 is the situation the scenario starts from');
  });

  it('says when nothing happened in a month', () => {
    const { frame } = mount(<EventsPanel events={[]} selected={0} month="June 2024" turn={2} width={60} height={6} />);
    expect(frame()).toContain('No events this month.');
  });

  it('shows as many events as fit and keeps the selected one in view', () => {
    const events = [1, 2, 3, 4, 5].map(item);
    const { frame } = mount(<EventsPanel events={events} selected={4} month="May 2024" turn={1} width={80} height={9} />);
    expect(frame()).toContain('4–5 of 5');
    expect(frame()).toContain('▸ Event 5');
    expect(frame()).not.toContain('Event 1 ');
    expect(frame().split('\n')).toHaveLength(9);
  });

  it('scrolls no further than needed', () => {
    expect(firstShown(0, 5, 2)).toBe(0);
    expect(firstShown(3, 5, 2)).toBe(2);
    expect(firstShown(4, 5, 2)).toBe(3);
    expect(firstShown(4, 3, 5)).toBe(0);
  });
});
