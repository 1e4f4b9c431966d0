import { Box, Text } from 'ink';
import { stripControl } from '../../../engine/text.js';
import { Panel } from '../../components/Panel.js';
import { usePaint } from '../../theme.js';
import type { Role } from '../types.js';

export interface BriefPanelProps {
  readonly role: Role;
  /** `seat 1 of 2` when several roles share the screen. */
  readonly seat: string;
  readonly width: number;
  readonly height: number;
  /** The whole brief and the goals (the `r` view), or as much as fits with a hint. */
  readonly full?: boolean;
}

/** The role's brief: who the player is and what they want. */
export function BriefPanel({ role, seat, width, height, full = false }: BriefPanelProps) {
  const paint = usePaint();
  const title = stripControl(`Your role: ${role.name} (${role.actor})`);
  return (
    <Panel title={title} note={full ? 'Esc or Enter closes' : [seat, 'r reads it all'].filter((part) => part !== '').join(' · ')} width={width} height={height}>
      <Text wrap="wrap">{stripControl(role.brief)}</Text>
      {role.goals.length > 0 && (
        <Box flexDirection="column" marginTop={full ? 1 : 0}>
          <Text bold color={paint('cyan')}>Goals</Text>
          {role.goals.map((goal, i) => (
            <Text key={i} wrap="wrap">• {stripControl(goal)}</Text>
          ))}
        </Box>
      )}
    </Panel>
  );
}
