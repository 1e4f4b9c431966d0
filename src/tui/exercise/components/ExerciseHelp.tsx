import { KeyHelp } from '../../components/HelpOverlay.js';
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
  const sections = SECTIONS.map(({ scope, title }) => ({ title, rows: exerciseHelpRows(scope) }));
  return <KeyHelp width={width} height={height} sections={sections} labelWidth={10} />;
}
