import { Box, Text } from 'ink';
import { pad, padStart, sparkline, withUnit } from '../../engine/format.js';
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
        // A quantity on its own scale shows its value with its unit, and its sparkline over its range.
        const [lo, hi] = row.scale?.range ?? [0, 1];
        const series = row.scale === undefined ? row.series : row.series.map((item) => (item - lo) / (hi - lo));
        const delta = formatDelta(value - previous);
        const shown = row.scale === undefined ? formatValue(value) : withUnit(value, row.scale.unit || undefined);
        return (
          <Box key={row.id}>
            <Text wrap="truncate-end">
              <Text>{pad(row.title, title)}</Text>
              <Text bold>{padStart(shown, Math.max(5, shown.length))}</Text>
              <Text color={paint('magenta')}>{padStart(delta, Math.max(6, delta.length + 1))} </Text>
              <Text color={paint('yellow')}>{sparkline(series, spark)}</Text>
            </Text>
          </Box>
        );
      })}
    </Panel>
  );
}
