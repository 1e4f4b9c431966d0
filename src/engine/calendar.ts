const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** The month a turn stands for: turn 0 is the scenario's start month. */
export function monthOf(start: { year: number; month: number }, turn: number): { year: number; month: number } {
  const index = start.year * 12 + (start.month - 1) + turn;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** `2024-05` for turn 1 of a scenario that starts in April 2024. */
export function isoMonth(start: { year: number; month: number }, turn: number): string {
  const { year, month } = monthOf(start, turn);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** `May 2024` for turn 1 of a scenario that starts in April 2024. */
export function monthLabel(start: { year: number; month: number }, turn: number): string {
  const { year, month } = monthOf(start, turn);
  return `${MONTHS[month - 1]} ${year}`;
}

/** The turn a month (`2024-06`) stands for: 0 for the start month, negative before it. */
export function turnOfMonth(start: { year: number; month: number }, text: string): number {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  return (year - start.year) * 12 + (month - start.month);
}

/** A turn as a file may write it: a number, or the month it stands for. */
export function turnOf(start: { year: number; month: number }, value: number | string): number {
  return typeof value === 'number' ? value : turnOfMonth(start, value);
}
