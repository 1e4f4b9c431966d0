import { Box, Text } from 'ink';
import { usePaint } from '../theme.js';
import type { EventItem } from '../view-model.js';
import { Panel } from './Panel.js';

export interface EventsPanelProps {
  readonly events: readonly EventItem[];
  readonly selected: number;
  readonly month: string;
  readonly turn: number;
  readonly width: number;
  readonly height: number;
}

const LINES_PER_EVENT = 4;

// Lines are cut near the panel's width before Ink sees them: Ink measures every
// character it is given, and a source quote can be ten times wider than the panel.
// Ink's own truncation still makes the final cut (and handles wide characters).
function near(text: string, width: number): string {
  return text.length > width + 1 ? text.slice(0, width + 1) : text;
}

/** The first event shown so that the selected one is visible. */
export function firstShown(selected: number, count: number, capacity: number): number {
  if (capacity <= 0 || count <= capacity) return 0;
  return Math.max(0, Math.min(selected - capacity + 1, count - capacity));
}

/** This month's events: what happened, why it fired, and the sentence of the source it rests on. */
export function EventsPanel({ events, selected, month, turn, width, height }: EventsPanelProps) {
  const paint = usePaint();
  const capacity = Math.max(1, Math.floor((height - 1) / LINES_PER_EVENT));
  const start = firstShown(selected, events.length, capacity);
  const shown = events.slice(start, start + capacity);
  const note = events.length === 0
    ? ''
    : events.length > shown.length
      ? `${start + 1}–${start + shown.length} of ${events.length} · ↑↓ select · Enter details`
      : `${events.length} · ↑↓ select · Enter details`;
  return (
    <Panel title={`Events in ${month}`} note={note} width={width} height={height}>
      {turn === 0 && (
        <Text wrap="wrap">Turn 0 is the situation the scenario starts from. Press → to step to the next month.</Text>
      )}
      {turn > 0 && events.length === 0 && <Text dimColor>No events this month.</Text>}
      {shown.map((event, index) => {
        const isSelected = start + index === selected;
        return (
          <Box key={event.id} flexDirection="column">
            <Text wrap="truncate-end">
              <Text bold inverse={isSelected}>{isSelected ? '▸ ' : '  '}{near(event.title, width)}</Text>
              <Text dimColor> [{event.id}]</Text>
            </Text>
            <Text wrap="truncate-end">  {near(event.narrative, width)}</Text>
            <Text wrap="truncate-end">
              <Text color={paint('yellow')}>  why </Text>
              <Text>{near(event.why, width)}</Text>
            </Text>
            <Text wrap="truncate-end">
              <Text color={paint('green')}>  source </Text>
              <Text dimColor>{near(event.source, width)}</Text>
            </Text>
          </Box>
        );
      })}
    </Panel>
  );
}
