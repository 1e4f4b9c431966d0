import { Box, Text } from 'ink';
import type { Notice } from '../notice.js';
import { usePaint } from '../theme.js';

export interface FooterProps {
  readonly notice: Notice | null;
  readonly width: number;
  /** The line shown while there is no message; the UI's key hints unless given. */
  readonly hints?: string;
}

const HINTS = ['←→ step', 'space play', 'b what-if', 'Tab branch', 'c compare', 'e export', 't branches', 's new seed'];
const ALWAYS = ['? keys', 'q quit'];

/** As many key hints as fit in `width`, most useful first; help and quit are always shown. */
export function hintLine(width: number, hints: readonly string[] = HINTS): string {
  for (let count = hints.length; count >= 0; count -= 1) {
    const line = [...hints.slice(0, count), ...ALWAYS].join(' · ');
    if (line.length <= width) return line;
  }
  return ALWAYS.join(' · ');
}

/** How many lines the footer needs for a message. */
export function footerLines(notice: Notice | null, width: number): 1 | 2 {
  return notice !== null && notice.text.length > width ? 2 : 1;
}

/** The bottom line of the UI and of the exercise: the last message, or the keys. */
export function Footer({ notice, width, hints }: FooterProps) {
  const paint = usePaint();
  if (notice === null) return <Text dimColor wrap="truncate-end">{hints ?? hintLine(width)}</Text>;
  // A message may take two lines (a path can be long); it is cut after that.
  return (
    <Box width={width} height={footerLines(notice, width)} overflow="hidden">
      <Text wrap="wrap" bold color={paint(notice.tone === 'error' ? 'red' : 'green')}>
        {notice.text}
      </Text>
    </Box>
  );
}
