/**
 * Exact conversion of XML decimal strings ("1234.5", "-0.30", "+12") to integer minor units.
 * No floating point: the digits are shifted as text, then rounded half away from zero, so
 * "0.1" + "0.2" style errors cannot creep into invoice totals.
 */

const XSD_DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

/**
 * @param digits number of decimals of the currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD).
 * @returns the amount in minor units, or null when the string is not a plain decimal or the result
 *   is outside the safe-integer range.
 */
export function decimalToMinor(value: string, digits = 2): number | null {
  const m = XSD_DECIMAL.exec(value.trim());
  if (!m) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  if (intPart === '' && fracPart === '') return null;

  const kept = fracPart.slice(0, digits).padEnd(digits, '0');
  const dropped = fracPart.slice(digits);
  const digitsText = (intPart + kept).replace(/^0+(?=\d)/, '') || '0';
  if (digitsText.length > 16) return null;
  let minor = Number(digitsText);
  // Round half away from zero on the first dropped digit (the usual commercial rounding).
  if (dropped !== '' && dropped.charCodeAt(0) >= 0x35) minor += 1;
  if (!Number.isSafeInteger(minor)) return null;
  return minor === 0 ? 0 : sign * minor;
}
