import { describe, expect, it } from 'vitest';
import { badgeFor } from '@/lib/background/badge';
import { localIsoDate, msUntilNextLocalMidnight } from '@/lib/domain/clock';

const titles = { none: 'none', overdue: (t: string) => `overdue: ${t}` };

describe('badgeFor', () => {
  it('is empty when nothing is overdue', () => {
    expect(badgeFor({ count: 0, totals: {} }, titles)).toMatchObject({ text: '', title: 'none' });
  });
  it('shows the count and the totals per currency in the tooltip', () => {
    const b = badgeFor({ count: 3, totals: { USD: 50, EUR: 123456 } }, titles);
    expect(b.text).toBe('3');
    expect(b.title).toBe('overdue: 1234.56 EUR, 0.50 USD');
  });
  it('caps the text so it fits the badge', () => {
    expect(badgeFor({ count: 1234, totals: {} }, titles).text).toBe('999+');
  });
});

describe('clock helpers', () => {
  it('gives the civil date in a time zone', () => {
    const instant = new Date('2025-06-15T23:30:00Z');
    expect(localIsoDate(instant, 'UTC')).toBe('2025-06-15');
    expect(localIsoDate(instant, 'Europe/Paris')).toBe('2025-06-16');
    expect(localIsoDate(instant, 'America/New_York')).toBe('2025-06-15');
  });
  it('waits until just after the next local midnight', () => {
    const now = new Date(2025, 5, 15, 23, 0, 0);
    const ms = msUntilNextLocalMidnight(now);
    expect(new Date(now.getTime() + ms).getDate()).toBe(16);
    expect(ms).toBeLessThanOrEqual(60 * 60 * 1000 + 5000);
  });
});
