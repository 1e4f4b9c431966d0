import { Text } from 'ink';
import { pad } from '../../engine/format.js';
import type { Change } from '../changes.js';
import { formatPair } from '../glyphs.js';
import { usePaint } from '../theme.js';
import { Panel } from './Panel.js';

export interface ChangesPanelProps {
  readonly changes: readonly Change[];
  readonly turn: number;
  readonly width: number;
  readonly height: number;
}

/** One change as text: `Insurgency 0.55→0.59`, `flightsIllegal on`, `niger: Deepen ties…`. */
export function describeChange(change: Change): string {
  switch (change.kind) {
    case 'flag':
      return `${change.label} ${change.text ?? ''}`;
    case 'scheduled':
      return `${change.label} due ${change.text ?? ''}`;
    case 'move':
      return `${change.label}: ${change.text ?? ''}`;
    default: {
      const [from, to] = formatPair(change.from ?? 0, change.to ?? 0);
      return `${change.label} ${from}→${to}`;
    }
  }
}

const MARK: Readonly<Record<Change['kind'], string>> = {
  flag: '!', indicator: '•', cooperation: '↔', stance: '◆', salience: '◇', attribute: '∘', scheduled: '+', move: '→',
};

/** What changed this month, from the changes the turn listed; the list ends with how many did not fit. */
export function ChangesPanel({ changes, turn, width, height }: ChangesPanelProps) {
  const paint = usePaint();
  const room = Math.max(0, height - 1);
  const overflow = changes.length > room;
  const shown = overflow ? changes.slice(0, Math.max(0, room - 1)) : changes;
  return (
    <Panel title="What changed" note={turn === 0 ? '' : String(changes.length)} width={width} height={height}>
      {turn === 0 && <Text dimColor>Nothing yet: this is the start.</Text>}
      {turn > 0 && changes.length === 0 && <Text dimColor>Nothing changed.</Text>}
      {shown.map((change, index) => (
        <Text key={`${change.kind}:${change.label}:${index}`} wrap="truncate-end">
          <Text color={paint(change.kind === 'flag' ? 'yellow' : 'cyan')}>{MARK[change.kind]} </Text>
          {pad(describeChange(change), width - 2)}
        </Text>
      ))}
      {overflow && <Text dimColor>  … {changes.length - shown.length} more</Text>}
    </Panel>
  );
}
