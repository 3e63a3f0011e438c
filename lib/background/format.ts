/** "1,234.56 EUR": plain, locale-free, for the toolbar tooltip. */
export function formatMinorForBadge(minor: number, currency: string): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const units = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${units}.${cents} ${currency}`;
}
