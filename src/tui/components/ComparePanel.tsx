import { Box, Text } from 'ink';
import { pad, padStart, sparkline } from '../../engine/format.js';
import type { BranchComparison } from '../branch-comparison.js';
import { formatPair } from '../glyphs.js';
import { usePaint } from '../theme.js';
import { Panel } from './Panel.js';

export interface ComparePanelProps {
  readonly comparison: BranchComparison;
  readonly parentName: string;
  readonly branchName: string;
  /** What the branch changed, e.g. `force us-withdrawal-announced at turn 4`. */
  readonly change: string;
  readonly forkTurn: number;
  readonly month: string;
  readonly width: number;
  readonly height: number;
}

/** A one-line summary of how far the two branches differ. */
export function compareSummary(comparison: BranchComparison): string {
  if (comparison.firstDifference === null) return 'No difference yet at this turn.';
  const indicators = comparison.indicators.filter((item) => item.differs).length;
  const events = comparison.parentEvents.filter((item) => !item.shared).length + comparison.branchEvents.filter((item) => !item.shared).length;
  const postures = comparison.postures.length;
  return `Differs since turn ${comparison.firstDifference}: ${indicators} indicator${indicators === 1 ? '' : 's'}, ` +
    `${postures} posture${postures === 1 ? '' : 's'} and ${events} event${events === 1 ? '' : 's'} differ now.`;
}

/** The branch shown beside its parent at the same turn; `≠` marks what differs. */
export function ComparePanel(props: ComparePanelProps) {
  const { comparison, parentName, branchName, change, forkTurn, month, width, height } = props;
  const paint = usePaint();
  const half = Math.floor((width - 1) / 2);
  const side = (which: 'parent' | 'branch') => {
    const events = which === 'parent' ? comparison.parentEvents : comparison.branchEvents;
    const title = which === 'parent' ? `${parentName} (parent)` : `${branchName} (${change})`;
    const titleWidth = Math.max(10, Math.min(22, half - 22));
    return (
      <Panel title={title} width={half} height={height - 1}>
        <Text dimColor wrap="truncate-end">Indicators in {month}</Text>
        {comparison.indicators.map((item) => {
          const series = which === 'parent' ? item.parent : item.branch;
          const values = formatPair(item.parent[item.parent.length - 1]!, item.branch[item.branch.length - 1]!);
          return (
            <Text key={item.id} wrap="truncate-end">
              <Text color={paint('yellow')} bold>{item.differs ? '≠ ' : '  '}</Text>
              <Text bold={item.differs}>{pad(item.title, titleWidth)}</Text>
              <Text>{padStart(which === 'parent' ? values[0] : values[1], 5)} </Text>
              <Text color={paint('yellow')}>{sparkline(series, Math.max(4, half - titleWidth - 9))}</Text>
            </Text>
          );
        })}
        <Text dimColor wrap="truncate-end">Postures that differ</Text>
        {comparison.postures.length === 0 && <Text>  none</Text>}
        {comparison.postures.map((item) => (
          <Text key={item.actor} wrap="truncate-end">
            <Text color={paint('yellow')} bold>≠ </Text>
            {pad(item.name, titleWidth)} {which === 'parent' ? item.parent : item.branch}
          </Text>
        ))}
        <Text dimColor wrap="truncate-end">Events in {month} (≠ only on this side)</Text>
        {events.length === 0 && <Text>  none</Text>}
        {events.map(({ id, title: eventTitle, shared }) => (
          <Text key={id} wrap="truncate-end">
            <Text color={paint('yellow')} bold>{shared ? '  ' : '≠ '}</Text>
            <Text bold={!shared}>{eventTitle}</Text>
          </Text>
        ))}
      </Panel>
    );
  };
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text wrap="truncate-end">
        <Text bold>Side by side</Text>
        <Text> · forked at turn {forkTurn} · </Text>
        <Text>{compareSummary(comparison)}</Text>
        <Text dimColor> · c closes</Text>
      </Text>
      <Box>
        {side('parent')}
        <Box width={1} />
        {side('branch')}
      </Box>
    </Box>
  );
}
