import { Box, Text } from 'ink';
import { pad } from '../../engine/format.js';
import { helpRows, type Scope } from '../keys.js';
import { usePaint } from '../theme.js';
import { Panel } from './Panel.js';

/** One titled group of a key table, as shown in help. */
export interface HelpSection {
  readonly title: string;
  readonly rows: readonly { readonly label: string; readonly description: string }[];
}

export interface KeyHelpProps {
  readonly width: number;
  readonly height: number;
  readonly sections: readonly HelpSection[];
  readonly labelWidth: number;
}

/** A key table as help, section by section: the UI's and the exercise's. */
export function KeyHelp({ width, height, sections, labelWidth }: KeyHelpProps) {
  const paint = usePaint();
  return (
    <Panel title="Keys" note="Esc or ? closes" width={width} height={height}>
      {sections.map((section) => (
        <Box key={section.title} flexDirection="column">
          <Text bold color={paint('cyan')}>{section.title}</Text>
          {section.rows.map((row) => (
            <Text key={`${section.title}:${row.label}`} wrap="truncate-end">
              {'  '}<Text bold>{pad(row.label, labelWidth)}</Text> {row.description}
            </Text>
          ))}
        </Box>
      ))}
    </Panel>
  );
}

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
  const sections = SECTIONS.map(({ scope, title }) => ({ title, rows: helpRows(scope) }));
  return <KeyHelp width={width} height={height} sections={sections} labelWidth={11} />;
}
