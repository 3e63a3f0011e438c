import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeFor, badgeSeverity, formalNoticeDays } from '@/lib/background/badge';

const titles = { none: 'none', overdue: (t: string) => `overdue: ${t}` };

describe('badge colour says how bad', () => {
  it('takes the formal-notice offset from the default plan', () => {
    expect(formalNoticeDays()).toBe(15);
  });

  it.each([
    [null, 'recent'],
    ['2025-06-14', 'recent'],
    ['2025-06-02', 'recent'],
    ['2025-06-01', 'severe'],
    ['2025-01-01', 'severe'],
  ] as const)('oldest overdue due %s on 2025-06-16 → %s', (due, severity) => {
    expect(badgeSeverity(due, '2025-06-16')).toBe(severity);
  });

  it('amber when recently overdue, red past the formal notice, grey when nothing is overdue', () => {
    expect(badgeFor({ count: 2, totals: { EUR: 100 } }, titles, 'recent').color).toBe('#e37400');
    expect(badgeFor({ count: 2, totals: { EUR: 100 } }, titles, 'severe').color).toBe('#c5221f');
    expect(badgeFor({ count: 0, totals: {} }, titles, 'severe').color).toBe(BADGE_COLORS.none);
  });
});
