import type { IsoDate } from './types';

/** The user's civil date for an instant, in the runtime's local time zone (or the one given). */
export function localIsoDate(now: Date, timeZone?: string): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Milliseconds until the next local midnight after `now` (at least one minute). */
export function msUntilNextLocalMidnight(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
  return Math.max(60_000, next.getTime() - now.getTime());
}
