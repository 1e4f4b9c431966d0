import { Box, Text } from 'ink';
import { pad } from '../../engine/format.js';
import { BINDINGS, HELP_SECTIONS, rowsOf, type HelpSection } from '../keys.js';
import { usePaint } from '../theme.js';
import { Panel } from './Panel.js';

export interface KeyHelpProps<S extends string> {
  readonly width: number;
  readonly height: number;
  /** The key table, and its scopes in the order help shows them. */
  readonly bindings: readonly { readonly scope: S; readonly label: string; readonly description: string }[];
  readonly sections: readonly HelpSection<S>[];
  readonly labelWidth: number;
}

/** A key table as help, section by section: the UI's and the exercise's. */
export function KeyHelp<S extends string>({ width, height, bindings, sections, labelWidth }: KeyHelpProps<S>) {
  const paint = usePaint();
  return (
    <Panel title="Keys" note="Esc or ? closes" width={width} height={height}>
      {sections.map((section) => (
        <Box key={section.title} flexDirection="column">
          <Text bold color={paint('cyan')}>{section.title}</Text>
          {rowsOf(bindings, section.scope).map((row) => (
            <Text key={`${section.title}:${row.label}`} wrap="truncate-end">
              {'  '}<Text bold>{pad(row.label, labelWidth)}</Text> {row.description}
            </Text>
          ))}
        </Box>
      ))}
    </Panel>
  );
}

/** The UI's key table, as help. */
export function HelpOverlay({ width, height }: { readonly width: number; readonly height: number }) {
  return <KeyHelp width={width} height={height} bindings={BINDINGS} sections={HELP_SECTIONS} labelWidth={11} />;
}
