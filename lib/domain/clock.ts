import { todayIso } from './dates';
import type { IsoDate } from './types';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The user's civil date for an instant, in the runtime's local time zone (or the one given). The local date is read
 * from the Date's local fields: they follow the same zone as Intl's default (and a zone change of the machine)
 * without building a formatter on every call, which the background does for every message it handles.
 */
export function localIsoDate(now: Date, timeZone?: string): IsoDate {
  if (timeZone !== undefined) return todayIso(now, timeZone);
  const year = now.getFullYear();
  // Invalid instants and years outside 1000-9999 keep the formatter's answer (or its RangeError).
  if (!(year >= 1000 && year <= 9999)) return todayIso(now, Intl.DateTimeFormat().resolvedOptions().timeZone);
  return `${year}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/** Milliseconds until just after the next local midnight after `now` (at least one minute). */
export function msUntilNextLocalMidnight(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
  return Math.max(60_000, next.getTime() - now.getTime());
}
