import { Text } from 'ink';
import { usePaint } from '../theme.js';
import type { EventItem } from '../view-model.js';
import { Panel } from './Panel.js';

export interface EventDetailsProps {
  readonly event: EventItem;
  readonly index: number;
  readonly count: number;
  readonly month: string;
  readonly width: number;
  readonly height: number;
}

/** One event in full: narrative, the chance as computed with its inputs, the roll, and the whole source. */
export function EventDetails({ event, index, count, month, width, height }: EventDetailsProps) {
  const paint = usePaint();
  const label = (text: string) => <Text bold color={paint('cyan')}>{text} </Text>;
  return (
    <Panel title={event.title} width={width} height={height}>
      <Text dimColor wrap="truncate-end">{month} · event {index + 1} of {count} · [{event.id}]</Text>
      <Text> </Text>
      <Text>{event.narrative}</Text>
      <Text> </Text>
      <Text>{label('Why')}{event.why}</Text>
      {event.condition !== null && <Text>{label('Condition')}{event.condition}</Text>}
      {event.inputs !== null && <Text>{label('Inputs')}{event.inputs}</Text>}
      <Text> </Text>
      <Text>{label('Source')}{event.source}</Text>
      <Text> </Text>
      <Text dimColor>↑↓ previous / next event · Esc back</Text>
    </Panel>
  );
}
