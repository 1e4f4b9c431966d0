import { Box, Text } from 'ink';
import { Panel } from '../../components/Panel.js';
import { usePaint } from '../../theme.js';
import type { HappenedRow } from '../view.js';

export interface HappenedPanelProps {
  readonly month: string;
  readonly turn: number;
  readonly rows: readonly HappenedRow[];
  readonly postures: string;
  readonly start: string;
  readonly width: number;
  readonly height: number;
}

/** What happened in the month just played: injects, events with why, the roles' choices; and where everyone stands. */
export function HappenedPanel({ month, turn, rows, postures, start, width, height }: HappenedPanelProps) {
  const paint = usePaint();
  return (
    <Panel title={turn === 0 ? `The situation in ${month}` : `What happened in ${month}`} note="Tab: all panels" width={width} height={height}>
      <Text wrap="truncate-end" dimColor>{postures}</Text>
      {turn === 0 && <Text wrap="wrap">{start}</Text>}
      {turn > 0 && rows.length === 0 && <Text dimColor>No events this month.</Text>}
      {rows.map((row, i) => {
        switch (row.kind) {
          case 'inject':
            return (
              <Text key={i} wrap="wrap">
                <Text bold color={paint('red')}>INJECT </Text>
                <Text bold>{row.brief}</Text>
                <Text dimColor>{row.note}</Text>
              </Text>
            );
          case 'held':
            return <Text key={i} wrap="truncate-end" dimColor>Held back by the instructor: {row.title} [{row.id}]</Text>;
          case 'event':
            return (
              <Box key={i}>
                <Text wrap="truncate-end">
                  <Text bold>• {row.title}</Text>
                  <Text> — {row.narrative}</Text>
                  <Text color={paint('yellow')}> ({row.why})</Text>
                </Text>
              </Box>
            );
          case 'choice':
            return <Text key={i} wrap="truncate-end" color={paint('green')}>{row.text}</Text>;
        }
      })}
    </Panel>
  );
}
