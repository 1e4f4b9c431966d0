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
  const status = `Turn ${turn}/${turns} · ${month} · seed ${seed} · branch ${branch}${playing ? ' ▶' : ''}`;
  return <TitleBar app="sandtable" scenario={scenario} title={title} status={status} width={width} />;
}

export interface TitleBarProps {
  /** The program's name, as the screen calls it (`sandtable`, `sandtable exercise`). */
  readonly app: string;
  readonly scenario: string;
  readonly title: string;
  /** Where in the run the screen is; kept whole, while the title gives way. */
  readonly status: string;
  readonly width: number;
}

/** The top line of every screen: the program and scenario on the left (cut to fit), the status on the right. */
export function TitleBar({ app, scenario, title, status, width }: TitleBarProps) {
  const paint = usePaint();
  return (
    <Box width={width} height={1}>
      <Box flexGrow={1} flexShrink={1} overflow="hidden">
        <Text wrap="truncate-end">
          <Text bold color={paint('cyan')}>{app}</Text>
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
