import { Box, Text } from 'ink';
import { pad } from '../glyphs.js';
import { helpRows, type Scope } from '../keys.js';
import { usePaint } from '../theme.js';
import { Panel } from './Panel.js';

export interface HelpOverlayProps {
  readonly width: number;
  readonly height: number;
}

const SECTIONS: readonly { readonly scope: Scope; readonly title: string }[] = [
  { scope: 'everywhere', title: 'Everywhere' },
  { scope: 'panels', title: 'On the panels' },
  { scope: 'list', title: 'In a list (what-ifs, branches)' },
];

/** The key table, as help. */
export function HelpOverlay({ width, height }: HelpOverlayProps) {
  const paint = usePaint();
  return (
    <Panel title="Keys" note="Esc or ? closes" width={width} height={height}>
      {SECTIONS.map((section) => (
        <Box key={section.scope} flexDirection="column">
          <Text bold color={paint('cyan')}>{section.title}</Text>
          {helpRows(section.scope).map((row) => (
            <Text key={`${section.scope}:${row.label}`} wrap="truncate-end">
              {'  '}<Text bold>{pad(row.label, 11)}</Text> {row.description}
            </Text>
          ))}
        </Box>
      ))}
    </Panel>
  );
}
