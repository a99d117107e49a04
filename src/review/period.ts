/**
 * The period a supervisor picks: the last 7, 30 or 90 days, or two dates (whole days in the viewer's
 * time zone, both included). Pure apart from the time zone the browser runs in, which is what a
 * supervisor means by "1 September".
 */
import type { ReviewPeriod } from '../zendesk/review';

/** What the period picker offers. */
export type PeriodChoice = { kind: 'last'; days: 7 | 30 | 90 } | { kind: 'dates'; from: string; to: string };

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** Local midnight of a `YYYY-MM-DD` date, or null when it is not a real date. */
function localDay(text: string): number | null {
  const match = DATE.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day
    ? date.getTime()
    : null;
}

/** The period for a choice at `now`, or the problem with the dates in words. */
export function periodOf(choice: PeriodChoice, now: number): ReviewPeriod | { problem: string } {
  if (choice.kind === 'last') return { from: now - choice.days * DAY_MS, to: now };
  const from = localDay(choice.from);
  const to = localDay(choice.to);
  if (from === null) return { problem: `The start date "${choice.from}" is not a date; use YYYY-MM-DD.` };
  if (to === null) return { problem: `The end date "${choice.to}" is not a date; use YYYY-MM-DD.` };
  if (to < from) return { problem: 'The end date is before the start date; swap them.' };
  if (from > now) return { problem: 'The start date is in the future; nothing was escalated then yet.' };
  // The end day is included: up to the next local midnight (not 24 h, which a DST change would break).
  const end = new Date(to);
  end.setDate(end.getDate() + 1);
  return { from, to: Math.min(end.getTime(), now) };
}
