/**
 * Exact non-float arithmetic for interest: a fraction of two BigInts, always reduced, denominator > 0.
 * Interest = base × rate × days / 36 500 is rarely a whole number of cents; keeping it exact until the single
 * final rounding is what makes the result independent of how the delay was split into periods.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) throw new RangeError('rational: zero denominator');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den) || 1n;
  return { n: num / g, d: den / g };
}

export const ZERO: Rational = rational(0n);

export function add(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d, a.d * b.n);
}

export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function max(a: Rational, b: Rational): Rational {
  return compare(a, b) >= 0 ? a : b;
}

/** Nearest integer, halves away from zero ("half-up" for the non-negative amounts interest produces). */
export function roundHalfUp(a: Rational): bigint {
  const abs = a.n < 0n ? -a.n : a.n;
  const q = (2n * abs + a.d) / (2n * a.d);
  return a.n < 0n ? -q : q;
}

/**
 * Parses a plain decimal ("13.15", "-0.5", "12") or a JavaScript number's own string form ("1e-7") exactly.
 * Returns null for anything else, never throws.
 */
export function parseDecimal(s: string): Rational | null {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d{1,3}))?$/.exec(s.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  let num = BigInt((m[2] ?? '0') + frac);
  let den = 10n ** BigInt(frac.length);
  const exp = Number(m[4] ?? '0');
  if (exp > 0) num *= 10n ** BigInt(exp);
  if (exp < 0) den *= 10n ** BigInt(-exp);
  if (m[1] === '-') num = -num;
  return rational(num, den);
}

/** Exact rational for a finite JS number, read through its shortest round-trip decimal form (12.5 -> 25/2). */
export function fromNumber(x: number): Rational | null {
  return Number.isFinite(x) ? parseDecimal(String(x)) : null;
}

/** Closest double, for display fields such as `annualRatePercent` (13.15 stays 13.15). */
export function toNumber(a: Rational): number {
  return Number(a.n) / Number(a.d);
}

/** Exact "n/d" form (or "n" when whole), for audit fields. */
export function toFractionString(a: Rational): string {
  return a.d === 1n ? String(a.n) : `${a.n}/${a.d}`;
}
