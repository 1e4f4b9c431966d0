import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { pad } from '../../engine/format.js';
import { usePaint } from '../theme.js';

export interface PanelProps {
  readonly title: string;
  /** Dim text after the title, e.g. how many items are shown. */
  readonly note?: string;
  readonly width: number;
  readonly height: number;
  readonly children?: ReactNode;
}

/**
 * A titled area of exactly `width` × `height` cells. Content that does not fit
 * is clipped, so no panel can push the screen past the terminal's height.
 */
export function Panel({ title, note, width, height, children }: PanelProps) {
  const paint = usePaint();
  const head = `─ ${title} `;
  const tail = note === undefined || note === '' ? '' : `${note} `;
  const rule = '─'.repeat(Math.max(0, width - head.length - tail.length));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden" flexShrink={0}>
      <Box flexShrink={0}>
        <Text wrap="truncate-end">
          <Text color={paint('cyan')} bold>{pad(head, Math.min(width, head.length))}</Text>
          <Text dimColor>{tail}{rule}</Text>
        </Text>
      </Box>
      {/* Never shrink lines to fit: Yoga would drop lines from the middle; the panel clips the end instead. */}
      <Box flexDirection="column" flexGrow={1} flexShrink={0}>
        {children}
      </Box>
    </Box>
  );
}
