import type { OverdueSummary } from '../db/store';
import { diffDaysIso } from '../domain/dates';
import { choosePlan } from '../domain/ladder';
import { formatMinor } from '../domain/money';
import type { IsoDate } from '../domain/types';

export interface BadgeState {
  text: string;
  color: string;
  title: string;
}

/** How bad the overdue invoices are: 'recent' (amber) until one is past the formal-notice step, then 'severe' (red). */
export type BadgeSeverity = 'recent' | 'severe';

export const BADGE_COLORS: Record<BadgeSeverity | 'none', string> = { none: '#5f6368', recent: '#e37400', severe: '#c5221f' };

/**
 * Days after the due date at which the default plan sends the formal notice (15 in the standard plan). The badge
 * uses the default plan for every invoice: it is a glance, and per-client plans would need the whole event log.
 */
export function formalNoticeDays(): number {
  return choosePlan({}).plan.steps.find((s) => s.stage === 'formal_notice')?.offsetDays ?? 15;
}

/** Severity from the oldest overdue invoice's due date (null when nothing is overdue). */
export function badgeSeverity(oldestOverdueDue: IsoDate | null, today: IsoDate, noticeDays = formalNoticeDays()): BadgeSeverity {
  if (!oldestOverdueDue) return 'recent';
  return diffDaysIso(oldestOverdueDue, today) >= noticeDays ? 'severe' : 'recent';
}

/** What the toolbar badge shows for an overdue summary: the count (empty when none), coloured by severity. */
export function badgeFor(
  summary: OverdueSummary,
  titles: { none: string; overdue: (totals: string) => string },
  severity: BadgeSeverity = 'severe',
): BadgeState {
  if (summary.count === 0) return { text: '', color: BADGE_COLORS.none, title: titles.none };
  const totals = Object.entries(summary.totals)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cur, minor]) => `${formatMinor(minor, cur)} ${cur}`)
    .join(', ');
  return { text: summary.count > 999 ? '999+' : String(summary.count), color: BADGE_COLORS[severity], title: titles.overdue(totals) };
}
