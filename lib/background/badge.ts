import type { OverdueSummary } from '../db/store';
import { formatMinor } from '../domain/money';

export interface BadgeState {
  text: string;
  color: string;
  title: string;
}

/** What the toolbar badge shows for an overdue summary: the count, empty when none. */
export function badgeFor(summary: OverdueSummary, titles: { none: string; overdue: (totals: string) => string }): BadgeState {
  if (summary.count === 0) return { text: '', color: '#5f6368', title: titles.none };
  const totals = Object.entries(summary.totals)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cur, minor]) => `${formatMinor(minor, cur)} ${cur}`)
    .join(', ');
  return { text: summary.count > 999 ? '999+' : String(summary.count), color: '#c5221f', title: titles.overdue(totals) };
}
