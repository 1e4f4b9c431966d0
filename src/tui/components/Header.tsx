import { Box, Text } from 'ink';
import { usePaint } from '../theme.js';

export interface HeaderProps {
  readonly scenario: string;
  readonly title: string;
  readonly turn: number;
  readonly turns: number;
  readonly month: string;
  readonly seed: number;
  readonly branch: string;
  readonly playing: boolean;
  readonly width: number;
}

/** The top line: what is running and where in it the screen is. */
export function Header({ scenario, title, turn, turns, month, seed, branch, playing, width }: HeaderProps) {
  const paint = usePaint();
  const status = `Turn ${turn}/${turns} · ${month} · seed ${seed} · branch ${branch}${playing ? ' ▶' : ''}`;
  return (
    <Box width={width} height={1}>
      <Box flexGrow={1} flexShrink={1} overflow="hidden">
        <Text wrap="truncate-end">
          <Text bold color={paint('cyan')}>sandtable</Text>
          <Text> {scenario} </Text>
          <Text dimColor>{title}</Text>
        </Text>
      </Box>
      <Box flexShrink={0} marginLeft={1}>
        <Text bold>{status}</Text>
      </Box>
    </Box>
  );
}
