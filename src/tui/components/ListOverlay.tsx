import { Box, Text } from 'ink';
import { pad } from '../../engine/format.js';
import { usePaint } from '../theme.js';
import { Panel } from './Panel.js';

export interface ListRow {
  /** Rows with the same section are listed under one heading. */
  readonly section?: string;
  readonly label: string;
  readonly detail?: string;
}

export interface ListOverlayProps {
  readonly title: string;
  readonly rows: readonly ListRow[];
  readonly pick: number;
  readonly width: number;
  readonly height: number;
}

type Line = { readonly kind: 'section'; readonly text: string } | { readonly kind: 'row'; readonly row: ListRow; readonly index: number };

/** Rows with their section headings, as screen lines. */
export function listLines(rows: readonly ListRow[]): Line[] {
  const lines: Line[] = [];
  rows.forEach((row, index) => {
    if (row.section !== undefined && row.section !== rows[index - 1]?.section) lines.push({ kind: 'section', text: row.section });
    lines.push({ kind: 'row', row, index });
  });
  return lines;
}

/** A list to pick from (what-ifs, branches), scrolled so the highlighted row shows. */
export function ListOverlay({ title, rows, pick, width, height }: ListOverlayProps) {
  const paint = usePaint();
  const lines = listLines(rows);
  const room = Math.max(1, height - 2);
  const at = lines.findIndex((line) => line.kind === 'row' && line.index === pick);
  // Keep the heading of the highlighted row's section in view when possible.
  const anchor = at > 0 && lines[at - 1]!.kind === 'section' ? at - 1 : at;
  const start = Math.max(0, Math.min(lines.length - room, anchor - Math.floor(room / 2)));
  const shown = lines.slice(start, start + room);
  return (
    <Panel title={title} note={`${pick + 1}/${rows.length}`} width={width} height={height}>
      {shown.map((line) =>
        line.kind === 'section'
          ? <Text key={`s:${line.text}`} bold color={paint('cyan')} wrap="truncate-end">{line.text}</Text>
          : (
            <Text key={`r:${line.index}`} wrap="truncate-end" inverse={line.index === pick}>
              {pad(`${line.index === pick ? '▸' : ' '} ${line.row.label}${line.row.detail === undefined ? '' : `  ${line.row.detail}`}`, width)}
            </Text>
          ))}
      <Box flexGrow={1} />
      <Text dimColor wrap="truncate-end">↑↓ move · PgUp PgDn{rows.some((row) => row.section !== undefined) ? ' · Tab next section' : ''} · Enter choose · Esc close</Text>
    </Panel>
  );
}
