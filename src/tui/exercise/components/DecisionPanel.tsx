import { Box, Text } from 'ink';
import { pad, padStart, percent } from '../../../engine/format.js';
import { stripControl } from '../../../engine/text.js';
import { Panel } from '../../components/Panel.js';
import { usePaint } from '../../theme.js';
import type { OptionRow } from '../view.js';

export interface DecisionPanelProps {
  readonly actorName: string;
  readonly month: string;
  readonly options: readonly OptionRow[];
  readonly pick: number;
  readonly odds: boolean;
  /** `seat 1 of 2` when several roles share the screen. */
  readonly seat: string;
  readonly lines: 1 | 2;
  readonly width: number;
  readonly height: number;
}

/** The role's actions for the month being decided, each with what it tends to do. */
export function DecisionPanel({ actorName, month, options, pick, odds, seat, lines, width, height }: DecisionPanelProps) {
  const paint = usePaint();
  const oddsWidth = odds ? 12 : 0;
  const titleWidth = Math.max(20, Math.min(46, width - 6 - oddsWidth));
  const picked = options[pick];
  const note = [seat, '↑↓ or 1…9 highlight · Enter choose'].filter((part) => part !== '').join(' · ');
  return (
    <Panel title={stripControl(`${actorName} decides for ${month}`)} note={note} width={width} height={height}>
      {options.map((option, i) => {
        const chosen = i === pick;
        return (
          <Box key={option.id} flexDirection="column">
            <Text wrap="truncate-end">
              <Text bold={chosen} inverse={chosen}>{chosen ? '▸' : ' '} {i + 1} {pad(option.title, titleWidth)}</Text>
              {odds && <Text dimColor>{padStart(`model ${percent(option.probability, 0)}`, oddsWidth)}</Text>}
              {lines === 1 && <Text dimColor>  {option.tends}</Text>}
            </Text>
            {lines === 2 && (
              <Text wrap="truncate-end" color={chosen ? paint('cyan') : undefined} dimColor={!chosen}>{'     '}{option.tends}</Text>
            )}
          </Box>
        );
      })}
      {lines === 1 && picked !== undefined && (
        <Text wrap="truncate-end" color={paint('cyan')}>{'  '}{picked.tends}</Text>
      )}
    </Panel>
  );
}
