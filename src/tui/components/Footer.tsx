import { Text } from 'ink';
import type { Notice } from '../session.js';
import { usePaint } from '../theme.js';

export interface FooterProps {
  readonly notice: Notice | null;
  readonly width: number;
}

const HINT = '←→ step · space play · b what-if · Tab branch · c compare · e export · ? keys · q quit';

/** The bottom line: the last message, or the main keys. */
export function Footer({ notice, width }: FooterProps) {
  const paint = usePaint();
  if (notice === null) return <Text dimColor wrap="truncate-end">{HINT.slice(0, Math.max(0, width))}</Text>;
  return (
    <Text wrap="truncate-end" bold color={paint(notice.tone === 'error' ? 'red' : 'green')}>
      {notice.text}
    </Text>
  );
}
