import { Box, Text } from 'ink';
import { pad, padStart } from '../../../engine/format.js';
import { stripControl } from '../../../engine/text.js';
import { Panel } from '../../components/Panel.js';
import { usePaint } from '../../theme.js';
import type { InstructorItem } from '../instructor.js';

export interface InstructorPanelProps {
  readonly items: readonly InstructorItem[];
  readonly row: number;
  /** The month the next turn plays. */
  readonly next: string;
  /** The month label of a turn. */
  readonly monthOf: (turn: number) => string;
  readonly width: number;
  readonly height: number;
}

const STATUS: Readonly<Record<InstructorItem['status'], string>> = {
  scheduled: 'scheduled',
  'fire-next': 'FIRES NEXT MONTH',
  held: 'HELD BACK',
  fired: 'fired',
  'held-back': 'was held back',
  'after-end': 'after the last turn',
  none: '',
  'hold-next': 'HELD BACK NEXT MONTH',
};

function label(item: InstructorItem, monthOf: (turn: number) => string): { text: string; status: string } {
  if (item.kind === 'rule') return { text: `${item.rule.title} [${item.rule.id}]`, status: STATUS[item.status] };
  const status = item.fate === null ? STATUS[item.status] : `${STATUS[item.status]} (${monthOf(item.fate.turn)})`;
  return { text: `${padStart(`T${item.inject.turn}`, 3)} ${item.inject.id}: ${item.inject.title}`, status };
}

/** The instructor's view: the inject timeline and every rule, to fire next month or hold back. */
export function InstructorPanel({ items, row, next, monthOf, width, height }: InstructorPanelProps) {
  const paint = usePaint();
  const picked = items[row];
  // Rows for the list: the panel's title, up to two section headings, the brief and the key line take the rest.
  const room = Math.max(1, height - 6);
  const start = Math.max(0, Math.min(items.length - room, row - Math.floor(room / 2)));
  const shown = items.slice(start, start + room);
  const labels = shown.map((item) => label(item, monthOf));
  const statusWidth = Math.min(32, Math.max(...labels.map((item) => item.status.length)));
  return (
    <Panel title={`Instructor: injects and rules (next month is ${next})`} note={`${row + 1}/${items.length}`} width={width} height={height}>
      {shown.map((item, i) => {
        const index = start + i;
        const { text, status } = labels[i]!;
        const heading = index === 0 || items[index - 1]!.kind !== item.kind
          ? (item.kind === 'inject' ? 'Inject timeline' : 'Any rule of the scenario')
          : null;
        const active = item.status === 'fire-next' || item.status === 'held' || item.status === 'hold-next';
        return (
          <Box key={`${item.kind}:${item.kind === 'inject' ? item.inject.id : item.rule.id}`} flexDirection="column">
            {heading !== null && <Text bold color={paint('cyan')}>{heading}</Text>}
            <Text wrap="truncate-end" inverse={index === row}>
              {index === row ? '▸ ' : '  '}
              {pad(stripControl(text), Math.max(10, width - statusWidth - 4))}{' '}
              <Text bold={active} color={active ? paint('red') : undefined}>{status}</Text>
            </Text>
          </Box>
        );
      })}
      <Box flexGrow={1} />
      {picked?.kind === 'inject' && <Text wrap="truncate-end" dimColor>{stripControl(picked.inject.brief)}</Text>}
      <Text dimColor wrap="truncate-end">f fire next month · x hold back (an inject at its turn, a rule next month) · Esc back</Text>
    </Panel>
  );
}
