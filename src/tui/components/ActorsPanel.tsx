import { Box, Text } from 'ink';
import { pad } from '../../engine/format.js';
import { formatValue, stanceBar } from '../glyphs.js';
import { usePaint } from '../theme.js';
import type { ActorRow } from '../view-model.js';
import { Panel } from './Panel.js';

export interface ActorsPanelProps {
  readonly issues: readonly string[];
  readonly actors: readonly ActorRow[];
  readonly width: number;
  readonly height: number;
}

/** Column widths for the actors table: name, one bar per issue, posture. */
export function actorColumns(width: number, issues: number): { name: number; bar: number; posture: number } {
  const name = Math.max(10, Math.min(22, Math.floor(width * 0.26)));
  const posture = Math.max(12, Math.min(22, Math.floor(width * 0.32)));
  const bar = Math.max(5, Math.min(13, Math.floor((width - name - posture) / Math.max(1, issues)) - 1));
  return { name, bar, posture };
}

/** The actor's name, or its short form (`JNIM` for `JNIM (al-Qaida-linked)`) when the full one does not fit. */
export function fitName(name: string, width: number): string {
  if (name.length <= width) return name;
  const short = name.replace(/\s*\(.*\)\s*$/, '');
  return pad(short, width).trimEnd();
}

/** Actors: a stance bar per issue (−1 left, +1 right) and the posture derived from the state. */
export function ActorsPanel({ issues, actors, width, height }: ActorsPanelProps) {
  const paint = usePaint();
  const columns = actorColumns(width, issues.length);
  return (
    <Panel title="Actors" note="stance −1 ◂ │ ▸ +1" width={width} height={height}>
      <Text wrap="truncate-end" dimColor>
        {pad('', columns.name)}
        {issues.map((issue) => `${issue.slice(0, columns.bar).padEnd(columns.bar)} `).join('')}
        posture
      </Text>
      {actors.map((actor) => (
        <Box key={actor.id}>
          <Text wrap="truncate-end">
            <Text>{pad(fitName(actor.name, columns.name - 1), columns.name)}</Text>
            {actor.stance.map((value, index) => (
              <Text key={issues[index]}>
                <Text color={paint('cyan')} aria-label={formatValue(value)}>{stanceBar(value, columns.bar)}</Text>
                <Text> </Text>
              </Text>
            ))}
            <Text bold>{actor.posture}</Text>
          </Text>
        </Box>
      ))}
    </Panel>
  );
}
