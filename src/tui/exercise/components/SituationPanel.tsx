import { Box, Text } from 'ink';
import { pad, padStart, sparkline } from '../../../engine/format.js';
import { Panel } from '../../components/Panel.js';
import { formatDelta, formatValue } from '../../glyphs.js';
import { usePaint } from '../../theme.js';
import type { IndicatorRow } from '../../view-model.js';

export interface SituationPanelProps {
  readonly month: string;
  readonly indicators: readonly IndicatorRow[];
  readonly width: number;
  readonly height: number;
}

/** The situation in numbers: each indicator now, its change last month, and its course so far. */
export function SituationPanel({ month, indicators, width, height }: SituationPanelProps) {
  const paint = usePaint();
  const title = Math.max(10, Math.min(24, width - 5 - 7 - 6));
  const spark = Math.max(3, width - title - 5 - 7);
  return (
    <Panel title={`Situation, ${month}`} note="0 ▁▄█ 1" width={width} height={height}>
      {indicators.map((row) => {
        const value = row.series[row.series.length - 1] ?? 0;
        const previous = row.series[row.series.length - 2] ?? value;
        return (
          <Box key={row.id}>
            <Text wrap="truncate-end">
              <Text>{pad(row.title, title)}</Text>
              <Text bold>{padStart(formatValue(value), 5)}</Text>
              <Text color={paint('magenta')}>{padStart(formatDelta(value - previous), 6)} </Text>
              <Text color={paint('yellow')}>{sparkline(row.series, spark)}</Text>
            </Text>
          </Box>
        );
      })}
    </Panel>
  );
}
