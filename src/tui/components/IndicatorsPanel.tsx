import { Box, Text } from 'ink';
import { pad, padStart, sparkline } from '../../engine/format.js';
import { formatDelta, formatValue } from '../glyphs.js';
import { usePaint } from '../theme.js';
import type { IndicatorRow } from '../view-model.js';
import { Panel } from './Panel.js';

export interface IndicatorsPanelProps {
  readonly indicators: readonly IndicatorRow[];
  readonly width: number;
  readonly height: number;
}

/** Indicators: value now, change this month, and a sparkline over the months so far (0 to 1 scale). */
export function IndicatorsPanel({ indicators, width, height }: IndicatorsPanelProps) {
  const paint = usePaint();
  const title = Math.max(10, Math.min(26, width - 5 - 7 - 8));
  const spark = Math.max(4, width - title - 5 - 7);
  return (
    <Panel title="Indicators" note="0 ▁▂▃▄▅▆▇█ 1" width={width} height={height}>
      {indicators.map((row) => {
        const value = row.series[row.series.length - 1] ?? 0;
        const previous = row.series[row.series.length - 2] ?? value;
        const delta = formatDelta(value - previous);
        return (
          <Box key={row.id}>
            <Text wrap="truncate-end">
              <Text>{pad(row.title, title)}</Text>
              <Text bold>{padStart(formatValue(value), 5)}</Text>
              <Text color={paint('magenta')}>{padStart(delta, 6)} </Text>
              <Text color={paint('yellow')}>{sparkline(row.series, spark)}</Text>
            </Text>
          </Box>
        );
      })}
    </Panel>
  );
}
