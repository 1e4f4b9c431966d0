import { Box, Text } from 'ink';
import { pad } from '../../glyphs.js';
import { Panel } from '../../components/Panel.js';
import { usePaint } from '../../theme.js';
import { exerciseHelpRows, type ExerciseScope } from '../keys.js';

export interface ExerciseHelpProps {
  readonly width: number;
  readonly height: number;
}

const SECTIONS: readonly { readonly scope: ExerciseScope; readonly title: string }[] = [
  { scope: 'everywhere', title: 'Everywhere' },
  { scope: 'decide', title: 'Deciding' },
  { scope: 'instructor', title: 'Instructor (i)' },
  { scope: 'panels', title: 'All panels (Tab)' },
];

/** The exercise's key table, as help. */
export function ExerciseHelp({ width, height }: ExerciseHelpProps) {
  const paint = usePaint();
  return (
    <Panel title="Keys" note="Esc or ? closes" width={width} height={height}>
      {SECTIONS.map((section) => (
        <Box key={section.scope} flexDirection="column">
          <Text bold color={paint('cyan')}>{section.title}</Text>
          {exerciseHelpRows(section.scope).map((row) => (
            <Text key={`${section.scope}:${row.label}`} wrap="truncate-end">
              {'  '}<Text bold>{pad(row.label, 10)}</Text> {row.description}
            </Text>
          ))}
        </Box>
      ))}
    </Panel>
  );
}
