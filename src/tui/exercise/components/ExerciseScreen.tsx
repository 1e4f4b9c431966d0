import { Box } from 'ink';
import { monthLabel } from '../../../engine/calendar.js';
import { outcomeOf } from '../../../engine/outcome.js';
import { stripControl } from '../../../engine/text.js';
import { Footer, footerLines, hintLine } from '../../components/Footer.js';
import { TitleBar } from '../../components/Header.js';
import { KeyHelp } from '../../components/HelpOverlay.js';
import { Screen } from '../../components/Screen.js';
import { TooSmall } from '../../components/TooSmall.js';
import { startSession } from '../../session.js';
import { indicatorRows } from '../../view-model.js';
import { instructorItems, queuedCount } from '../instructor.js';
import { EXERCISE_BINDINGS, EXERCISE_HELP_SECTIONS } from '../keys.js';
import { exerciseScreenLayoutFor, type ExerciseScreenLayout } from '../screen-layout.js';
import { seatRole, playedTurn, type ExerciseSession } from '../session.js';
import { decidingMonth, happenedRows, optionRows, postureLine, shownMonth } from '../view.js';
import { BriefPanel } from './BriefPanel.js';
import { DecisionPanel } from './DecisionPanel.js';
import { HappenedPanel } from './HappenedPanel.js';
import { InstructorPanel } from './InstructorPanel.js';
import { OutcomePanel } from './OutcomePanel.js';
import { SituationPanel } from './SituationPanel.js';

export interface ExerciseScreenProps {
  readonly session: ExerciseSession;
  readonly columns: number;
  readonly rows: number;
}

const DECIDE_HINTS = ['↑↓ pick', 'Enter choose', 'r brief', 'Tab panels', 'i instructor', 'u take back', 'e export', 'p odds'];
const DONE_HINTS = ['e export', 'Tab panels', 'u take back', 'r brief'];

/** The whole exercise screen for a session and a terminal size; a pure view. */
export function ExerciseScreen({ session, columns, rows }: ExerciseScreenProps) {
  if (session.mode === 'panels') return <PanelsView session={session} columns={columns} rows={rows} />;
  const { scenario } = session.history;
  const actions = Math.max(...session.roles.map((role) => scenario.actors.find((actor) => actor.id === role.actor)?.actions.length ?? 0));
  const fit = exerciseScreenLayoutFor(columns, rows, { indicators: scenario.indicators.length, actions }, footerLines(session.notice, columns));
  if (!fit.fits) return <TooSmall columns={columns} rows={rows} need={fit.need} />;
  const { layout } = fit;
  return (
    <Box flexDirection="column" width={layout.columns} height={layout.rows}>
      <ExerciseHeader session={session} width={layout.columns} />
      <Body session={session} layout={layout} />
      <ExerciseFooter session={session} width={layout.columns} />
    </Box>
  );
}

function ExerciseHeader({ session, width }: { readonly session: ExerciseSession; readonly width: number }) {
  const { history } = session;
  const { scenario } = history;
  const name = scenario.variant === null ? scenario.id : `${scenario.id}/${scenario.variant}`;
  const queued = queuedCount(session);
  const status = `Turn ${playedTurn(session)}/${history.turns} · ${shownMonth(session)} · seed ${history.seed}${queued > 0 ? ` · instructor: ${queued} queued` : ''}`;
  return <TitleBar app="sandtable exercise" scenario={stripControl(name)} title={stripControl(scenario.title)} status={status} width={width} />;
}

function ExerciseFooter({ session, width }: { readonly session: ExerciseSession; readonly width: number }) {
  const hints = session.mode === 'brief'
    ? 'Enter or Esc: to the decision · r reads the brief again later · q quit'
    : hintLine(width, session.mode === 'done' ? DONE_HINTS : DECIDE_HINTS);
  return <Footer notice={session.notice} width={width} hints={hints} />;
}

function Body({ session, layout }: { readonly session: ExerciseSession; readonly layout: ExerciseScreenLayout }) {
  const { history } = session;
  const { scenario } = history;
  const width = layout.columns;
  const height = layout.rows - 1 - layout.footerHeight;
  const role = seatRole(session);
  const seat = session.roles.length > 1 ? `seat ${session.seat + 1} of ${session.roles.length}` : '';
  const turn = playedTurn(session);
  const lower = layout.decisionHeight + layout.happenedHeight;
  if (session.mode === 'help') return <KeyHelp width={width} height={height} bindings={EXERCISE_BINDINGS} sections={EXERCISE_HELP_SECTIONS} labelWidth={10} />;
  if (session.mode === 'brief') return <BriefPanel role={role} seat={seat} width={width} height={height} full />;
  const top = (
    <Box height={layout.topHeight}>
      <BriefPanel role={role} seat={seat} width={layout.briefWidth} height={layout.topHeight} />
      <Box width={1} />
      <SituationPanel month={shownMonth(session)} indicators={indicatorRows(scenario, history.kept, turn)} width={layout.situationWidth} height={layout.topHeight} />
    </Box>
  );
  const happened = (
    <HappenedPanel
      month={shownMonth(session)}
      turn={turn}
      rows={happenedRows(session)}
      postures={postureLine(session)}
      start={`The exercise starts in ${shownMonth(session)}. Each month every role decides, then the month is played; injects from the instructor are announced here.`}
      width={width}
      height={layout.happenedHeight}
    />
  );
  if (session.mode === 'instructor') {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {top}
        <InstructorPanel
          items={instructorItems(session)}
          row={session.row}
          next={decidingMonth(session)}
          monthOf={(value) => monthLabel(scenario.start, value)}
          width={width}
          height={lower}
        />
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      {top}
      {session.mode === 'decide' && (
        <DecisionPanel
          actorName={stripControl(role.name)}
          month={decidingMonth(session)}
          options={optionRows(session)}
          pick={session.pick}
          odds={session.odds}
          seat={seat}
          lines={layout.actionLines}
          width={width}
          height={layout.decisionHeight}
        />
      )}
      {session.mode === 'done' && <Outcome session={session} width={width} height={layout.decisionHeight} />}
      {happened}
    </Box>
  );
}

function Outcome({ session, width, height }: { readonly session: ExerciseSession; readonly width: number; readonly height: number }) {
  const { scenario } = session.history;
  const outcome = outcomeOf(scenario, session.history.kept[playedTurn(session)]!.state);
  return (
    <OutcomePanel
      month={shownMonth(session)}
      outcome={stripControl(outcome.title)}
      metrics={scenario.metrics.map((metric) => ({ title: stripControl(metric.title), value: outcome.metrics[metric.id] ?? 0 }))}
      saved={session.saved}
      width={width}
      height={height}
    />
  );
}

/** The main UI's panels over the exercise's run, at the month looked at; read-only. */
function PanelsView({ session, columns, rows }: ExerciseScreenProps) {
  const main = {
    ...startSession(session.history),
    turn: session.look,
    notice: { tone: 'info' as const, text: `Exercise, all panels: ← → other months · Tab or Esc back (turn ${playedTurn(session)} is the latest)` },
  };
  return <Screen session={main} columns={columns} rows={rows} whatIfs={[]} />;
}
