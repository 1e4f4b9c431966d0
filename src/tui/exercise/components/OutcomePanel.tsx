import { Box, Text } from 'ink';
import { pad, padStart } from '../../../engine/format.js';
import { Panel } from '../../components/Panel.js';
import { formatValue } from '../../glyphs.js';
import { usePaint } from '../../theme.js';

export interface OutcomePanelProps {
  readonly month: string;
  readonly outcome: string;
  readonly metrics: readonly { readonly title: string; readonly value: number }[];
  readonly saved: boolean;
  readonly width: number;
  readonly height: number;
}

/** The end of the exercise: the outcome class, the metrics, and what to do next. */
export function OutcomePanel({ month, outcome, metrics, saved, width, height }: OutcomePanelProps) {
  const paint = usePaint();
  const column = Math.max(24, Math.floor((width - 2) / 2));
  const pairs = Array.from({ length: Math.ceil(metrics.length / 2) }, (_, i) => metrics.slice(2 * i, 2 * i + 2));
  return (
    <Panel title={`The exercise is over: the outcome in ${month}`} width={width} height={height}>
      <Text bold color={paint('green')} wrap="truncate-end">{outcome}</Text>
      {pairs.map((pair, i) => (
        <Text key={i} wrap="truncate-end">
          {pair.map((metric) => `${pad(metric.title, column - 7)}${padStart(formatValue(metric.value), 5)}  `).join('')}
        </Text>
      ))}
      <Text wrap="wrap" dimColor={saved}>
        {saved
          ? 'The record is exported. `sandtable report FILE --format html --out report.html` writes the after-action report.'
          : 'Press e to export the record; `sandtable report FILE` then writes the after-action report for the debrief.'}
      </Text>
    </Panel>
  );
}
