import { todayIso } from './dates';
import type { IsoDate } from './types';

/** The user's civil date for an instant, in the runtime's local time zone (or the one given). */
export function localIsoDate(now: Date, timeZone?: string): IsoDate {
  return todayIso(now, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** Milliseconds until just after the next local midnight after `now` (at least one minute). */
export function msUntilNextLocalMidnight(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
  return Math.max(60_000, next.getTime() - now.getTime());
}
