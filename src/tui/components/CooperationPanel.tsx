import { Box, Text } from 'ink';
import { pad, padStart } from '../../engine/format.js';
import { usePaint } from '../theme.js';
import type { CooperationView } from '../view-model.js';
import { Panel } from './Panel.js';

export interface CooperationPanelProps {
  readonly cooperation: CooperationView;
  readonly width: number;
  readonly height: number;
}

// Background colours from no cooperation (dark red) to close cooperation (green).
const HEAT = ['#7f1d1d', '#9a3412', '#854d0e', '#3f6212', '#166534'];

/** The colour of a cooperation level in [0, 1]. */
export function heatColor(value: number): string {
  return HEAT[Math.max(0, Math.min(HEAT.length - 1, Math.floor(value * HEAT.length)))]!;
}

/** `.25`, `1.0`: a level in three characters. */
export function cell(value: number): string {
  return value >= 0.995 ? '1.0' : value.toFixed(2).slice(1);
}

/** The cooperation matrix as a heat map; with colour off, the numbers alone. */
export function CooperationPanel({ cooperation, width, height }: CooperationPanelProps) {
  const paint = usePaint();
  const { ids, values } = cooperation;
  return (
    <Panel title="Cooperation" note="0 none · 1 close" width={width} height={height}>
      <Text wrap="truncate-end" dimColor>
        {pad('', 7)}
        {ids.map((id) => padStart(id.slice(0, 3), 4)).join('')}
      </Text>
      {ids.map((id, row) => (
        <Box key={id}>
          <Text wrap="truncate-end">
            <Text>{pad(id, 6)} </Text>
            {values[row]!.map((value, column) => (
              <Text key={ids[column]}>
                <Text> </Text>
                {row === column
                  ? <Text dimColor> · </Text>
                  : <Text backgroundColor={paint(heatColor(value))} color={paint('white')}>{cell(value)}</Text>}
              </Text>
            ))}
          </Text>
        </Box>
      ))}
    </Panel>
  );
}
