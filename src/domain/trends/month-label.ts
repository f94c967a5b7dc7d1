const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * `2025-02` → `February 2025` (or `Feb 2025` when short), as the reference's report heads its columns;
 * anything that is not a month comes back as given. The report's Markdown and the global page share it.
 */
export function monthLabel(month: string, short = false): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const name = MONTH_NAMES[monthNumber - 1];
  if (name === undefined || !Number.isFinite(year)) return month;
  return `${short ? name.slice(0, 3) : name} ${year}`;
}
