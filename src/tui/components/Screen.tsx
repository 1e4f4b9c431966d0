import { Box } from 'ink';
import { monthLabel } from '../../engine/calendar.js';
import { stripControl } from '../../engine/text.js';
import { keptTurn } from '../branches.js';
import { compareAt } from '../branch-comparison.js';
import { uiScreenLayoutFor, type UiScreenLayout } from '../screen-layout.js';
import { activeBranch, type Session } from '../session.js';
import {
  actorRows, changesAt, cooperationOf, eventItem, indicatorRows, issuesOf,
} from '../view-model.js';
import type { WhatIf } from '../what-ifs.js';
import { ActorsPanel } from './ActorsPanel.js';
import { ChangesPanel } from './ChangesPanel.js';
import { ComparePanel } from './ComparePanel.js';
import { CooperationPanel } from './CooperationPanel.js';
import { EventDetails } from './EventDetails.js';
import { EventsPanel } from './EventsPanel.js';
import { Footer, footerLines } from './Footer.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { IndicatorsPanel } from './IndicatorsPanel.js';
import { ListOverlay, type ListRow } from './ListOverlay.js';
import { TooSmall } from './TooSmall.js';

export interface ScreenProps {
  readonly session: Session;
  readonly columns: number;
  readonly rows: number;
  /** The what-ifs offered at the turn shown (listed while the what-if menu is open). */
  readonly whatIfs: readonly WhatIf[];
}

/** The whole screen for a session and a terminal size; a pure view. */
export function Screen({ session, columns, rows, whatIfs }: ScreenProps) {
  const branch = activeBranch(session);
  const { scenario } = branch.history;
  const counts = { actors: scenario.actors.length, indicators: scenario.indicators.length };
  const fit = uiScreenLayoutFor(columns, rows, counts, footerLines(session.notice, columns));
  if (!fit.fits) return <TooSmall columns={columns} rows={rows} need={fit.need} />;
  const { layout } = fit;
  const name = scenario.variant === null ? scenario.id : `${scenario.id}/${scenario.variant}`;
  const month = monthLabel(scenario.start, session.turn);
  return (
    <Box flexDirection="column" width={layout.columns} height={layout.rows}>
      <Header
        scenario={stripControl(name)}
        title={stripControl(scenario.title)}
        turn={session.turn}
        turns={branch.history.turns}
        month={month}
        seed={branch.history.seed}
        branch={branch.name}
        playing={session.playing}
        width={layout.columns}
      />
      <Body session={session} layout={layout} month={month} whatIfs={whatIfs} />
      <Footer notice={session.notice} width={layout.columns} />
    </Box>
  );
}

interface BodyProps {
  readonly session: Session;
  readonly layout: UiScreenLayout;
  readonly month: string;
  readonly whatIfs: readonly WhatIf[];
}

function Body({ session, layout, month, whatIfs }: BodyProps) {
  const branch = activeBranch(session);
  const { scenario, kept } = branch.history;
  const width = layout.columns;
  const height = layout.topHeight + layout.bottomHeight;
  const turn = keptTurn(branch, session.turn);
  switch (session.mode) {
    case 'help':
      return <HelpOverlay width={width} height={height} />;
    case 'what-if':
      return (
        <ListOverlay
          title={`What if… (fork ${branch.name} at turn ${session.turn}, ${month})`}
          rows={whatIfs.map((item): ListRow => ({ section: item.section, label: item.label }))}
          pick={session.pick}
          width={width}
          height={height}
        />
      );
    case 'branches':
      return (
        <ListOverlay
          title="Branches"
          rows={session.branches.map((item): ListRow => ({
            label: `${item.id === session.active ? '●' : ' '} ${item.name}`,
            detail: stripControl(item.parent === null
              ? `seed ${item.history.seed}`
              : `from ${session.branches[item.parent]!.name} at turn ${item.forkTurn}: ${item.change}`),
          }))}
          pick={session.pick}
          width={width}
          height={height}
        />
      );
    case 'event': {
      const events = turn.events.map(eventItem);
      const index = Math.min(session.event, events.length - 1);
      const event = events[index];
      // A turn without events shows the main screen.
      if (event !== undefined) return <EventDetails event={event} index={index} count={events.length} month={month} width={width} height={height} />;
      break;
    }
    case 'main':
      break;
  }
  if (session.compare && branch.parent !== null) {
    // A branch's parent was forked before it, so it is in the list.
    const parent = session.branches[branch.parent]!;
    return (
      <ComparePanel
        comparison={compareAt(scenario, parent, branch, session.turn)}
        parentName={parent.name}
        branchName={branch.name}
        change={stripControl(branch.change)}
        forkTurn={branch.forkTurn}
        month={month}
        width={width}
        height={height}
      />
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box height={layout.topHeight}>
        <ActorsPanel issues={issuesOf(scenario)} actors={actorRows(scenario, turn.state)} width={layout.actorsWidth} height={layout.topHeight} />
        <Box width={1} />
        <IndicatorsPanel indicators={indicatorRows(scenario, kept, session.turn)} width={layout.indicatorsWidth} height={layout.topHeight} />
      </Box>
      <Box height={layout.bottomHeight}>
        <Box flexDirection="column" width={layout.leftWidth}>
          <CooperationPanel cooperation={cooperationOf(scenario, turn.state)} width={layout.leftWidth} height={layout.cooperationHeight} />
          <ChangesPanel changes={changesAt(scenario, kept, session.turn)} turn={session.turn} width={layout.leftWidth} height={layout.changesHeight} />
        </Box>
        <Box width={1} />
        <EventsPanel
          events={turn.events.map(eventItem)}
          selected={session.event}
          month={month}
          turn={session.turn}
          width={layout.eventsWidth}
          height={layout.bottomHeight}
        />
      </Box>
    </Box>
  );
}
