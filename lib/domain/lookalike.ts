/**
 * Homoglyph (lookalike) domains in email addresses: `compta@аtelier-dupont.example` with a Cyrillic "а" reads as
 * the genuine client's domain but is another domain, owned by someone else. Relance keeps such an address as its
 * own client (never merged with the genuine one) and warns, naming the ASCII (punycode) form the DNS really uses.
 *
 * The facts come from Unicode Technical Standard #39 (Unicode Security Mechanisms): a label mixing scripts is
 * suspicious (§5.1 "mixed-script detection"; Han with Hiragana/Katakana, Bopomofo or Hangul is ordinary writing,
 * §5.2), and two strings are confusable when their *skeletons* are equal (§4: each character replaced by its
 * prototype from confusables.txt). CONFUSABLE_PROTOTYPES below is a small, hand-written subset of confusables.txt:
 * the Cyrillic, Greek and Latin letters whose prototype is a plain ASCII letter or digit. Pure: no DOM, no clock.
 */

/**
 * Letter → the ASCII it looks like (TR39 confusables.txt prototypes, lower-case only: domains are case-folded).
 * Only pairs whose prototype IS the ASCII letter; those TR39 maps elsewhere (Cyrillic к → ĸ, м → ᴍ, т → ᴛ, Greek
 * ε → ɛ, κ → ĸ) are left out rather than guessed.
 */
const CONFUSABLE_PROTOTYPES: Readonly<Record<string, string>> = {
  // Cyrillic
  '\u0430': 'a', // а
  '\u0441': 'c', // с
  '\u0501': 'd', // ԁ
  '\u0435': 'e', // е
  '\u04bb': 'h', // һ
  '\u0456': 'i', // і
  '\u0458': 'j', // ј
  '\u04cf': 'l', // ӏ
  '\u043e': 'o', // о
  '\u0440': 'p', // р
  '\u051b': 'q', // ԛ
  '\u0455': 's', // ѕ
  '\u051d': 'w', // ԝ
  '\u0445': 'x', // х
  '\u0443': 'y', // у
  '\u0475': 'v', // ѵ
  // Greek
  '\u03b1': 'a', // α
  '\u03b9': 'i', // ι
  '\u03bd': 'v', // ν
  '\u03bf': 'o', // ο
  '\u03c1': 'p', // ρ
  '\u03c7': 'x', // χ
  '\u03b3': 'y', // γ
  // Latin letters outside ASCII that look like ASCII ones
  '\u0131': 'i', // ı dotless i
  '\u0237': 'j', // ȷ dotless j
  '\u0251': 'a', // ɑ
  '\u0261': 'g', // ɡ script g
  '\u1d04': 'c', // ᴄ
  '\u1d0f': 'o', // ᴏ
  '\u1d1c': 'u', // ᴜ
  '\u1d20': 'v', // ᴠ
  '\u1d21': 'w', // ᴡ
  '\u1d22': 'z', // ᴢ
  '\u0269': 'i', // ɩ iota-like
  // ASCII that TR39 also folds: digits and letters that read alike ("paypa1", "rn" for "m")
  '1': 'l',
  '0': 'o',
};

/** Multi-letter ASCII sequences TR39 gives the same skeleton as one letter. */
const SEQUENCE_PROTOTYPES: ReadonlyArray<[RegExp, string]> = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
];

/** Invisible characters a hostile address can hide in a domain: zero-width, joiners, soft hyphen, BOM. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Scripts a label may combine without being suspicious (TR39 §5.2 "Highly Restrictive"), beyond Common/Inherited. */
const ALLOWED_SCRIPT_SETS: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];

const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Hebrew', 'Arabic', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo', 'Cherokee', 'Georgian', 'Thai', 'Devanagari'] as const;
const SCRIPT_RES = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);

function scriptOf(ch: string): string | null {
  if (/[\p{Script=Common}\p{Script=Inherited}]/u.test(ch)) return null;
  for (const [name, re] of SCRIPT_RES) if (re.test(ch)) return name;
  return 'Other';
}

/** The scripts used by the letters of a label (digits, hyphens and marks belong to none). */
export function scriptsOf(label: string): string[] {
  const found = new Set<string>();
  for (const ch of label) {
    const s = scriptOf(ch);
    if (s) found.add(s);
  }
  return [...found];
}

function isMixedScript(label: string): boolean {
  const scripts = scriptsOf(label);
  if (scripts.length < 2) return false;
  return !ALLOWED_SCRIPT_SETS.some((allowed) => scripts.every((s) => allowed.has(s)));
}

/**
 * The ASCII form of a domain as browsers resolve it (IDNA/UTS #46 through the URL parser: lower case, width
 * folded, `xn--` punycode for non-ASCII labels), or null when the string is not a valid host.
 */
export function toAsciiDomain(domain: string): string | null {
  const d = domain.trim();
  if (d.length === 0 || d.length > 253 || /[\s/\\?#@:%]/.test(d)) return null;
  try {
    const host = new URL(`http://${d}`).hostname;
    return host.length > 0 ? host : null;
  } catch {
    return null;
  }
}

/** TR39-style skeleton: compatibility-folded, lower-cased, invisibles removed, each confusable replaced by its prototype. */
export function skeletonOf(text: string): string {
  let s = '';
  for (const ch of text.normalize('NFKC').toLowerCase().replace(INVISIBLE, '')) s += CONFUSABLE_PROTOTYPES[ch] ?? ch;
  for (const [re, to] of SEQUENCE_PROTOTYPES) s = s.replace(re, to);
  return s;
}

export interface DomainCheck {
  /** The domain as written (trimmed, lower-cased). */
  domain: string;
  /** Its ASCII/punycode form (`xn--…`), or null when it is not a valid host name. */
  ascii: string | null;
  /** Anything outside printable ASCII (non-ASCII letters, invisible characters). */
  nonAscii: boolean;
  /** Labels whose letters mix scripts (Latin with Cyrillic, say). */
  mixedScriptLabels: string[];
  /** The non-ASCII characters that look like ASCII ones, with their code points: "а U+0430 → a". */
  confusables: string[];
  /** Written with characters made to pass for ASCII: mixed scripts, confusables or invisibles. */
  suspicious: boolean;
}

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** What a domain is really made of. Never throws. */
export function checkDomain(raw: string): DomainCheck {
  const domain = String(raw ?? '').trim().toLowerCase();
  const ascii = toAsciiDomain(domain);
  const nonAscii = /[^\x20-\x7e]/.test(domain);
  const labels = domain.replace(INVISIBLE, '').split('.');
  const mixedScriptLabels = labels.filter(isMixedScript);
  const confusables = [...new Set([...domain].filter((ch) => /[^\x00-\x7f]/.test(ch)))]
    .map((ch) => {
      const to = CONFUSABLE_PROTOTYPES[ch] ?? (ch.normalize('NFKC') !== ch && /^[\x21-\x7e]+$/.test(ch.normalize('NFKC')) ? ch.normalize('NFKC') : null);
      return to ? `${ch} ${codePoint(ch)} → ${to}` : null;
    })
    .filter((x): x is string => x !== null);
  const invisible = INVISIBLE.test(domain);
  INVISIBLE.lastIndex = 0;
  // A label entirely in one non-Latin script whose skeleton is plain ASCII is a whole-script lookalike ("раураl").
  const wholeScript = labels.some((l) => /[^\x00-\x7f]/.test(l) && /^[a-z0-9-]+$/.test(skeletonOf(l)));
  return { domain, ascii, nonAscii, mixedScriptLabels, confusables, suspicious: nonAscii && (mixedScriptLabels.length > 0 || confusables.length > 0 || invisible || wholeScript) };
}

/** The domain part of an address (after the last "@"), or '' when there is none. */
export function domainOfEmail(email: string): string {
  const at = String(email ?? '').lastIndexOf('@');
  return at >= 0 ? email.slice(at + 1).trim().toLowerCase() : '';
}

export interface LookalikeWarning {
  /** The address's domain as written. */
  domain: string;
  /** The ASCII form the mail really comes from (punycode), or the domain itself when it cannot be converted. */
  ascii: string;
  /** A known client's domain this one imitates (same skeleton, different domain), when there is one. */
  imitates: string | null;
  confusables: string[];
}

/**
 * The user's clients' domains, indexed for the imitation check: each domain in both its written and ASCII forms,
 * and by skeleton. Built once per change of the clients (the background keeps it), so checking an address costs one
 * skeleton, not one per client.
 */
export interface KnownDomains {
  domains: ReadonlySet<string>;
  bySkeleton: ReadonlyMap<string, string>;
}

export function indexKnownDomains(list: Iterable<string>, forms?: DomainForms): KnownDomains {
  const domains = new Set<string>();
  const bySkeleton = new Map<string, string>();
  for (const known of list) {
    const k = String(known ?? '').trim().toLowerCase();
    if (!k) continue;
    let form = forms?.get(k);
    if (!form) {
      form = { ascii: toAsciiDomain(k) ?? k, skeleton: skeletonOf(k) };
      forms?.set(k, form);
    }
    domains.add(k);
    domains.add(form.ascii);
    if (!bySkeleton.has(form.skeleton)) bySkeleton.set(form.skeleton, k);
  }
  return { domains, bySkeleton };
}

/**
 * A domain's ASCII form and skeleton, kept between two indexes of the same clients (`indexKnownDomains`): each
 * new client re-indexes every domain, and computing the skeletons was most of that cost.
 */
export type DomainForms = Map<string, { ascii: string; skeleton: string }>;

const isIndex = (v: Iterable<string> | KnownDomains): v is KnownDomains => 'bySkeleton' in v;

/**
 * The warning to show for an address, or null when its domain is ordinary. An address is warned about when its
 * domain is suspicious in itself (checkDomain), or when it is not a known client's domain but has the same skeleton
 * as one ("paypa1.com" next to "paypal.com", "rnicrosoft.com" next to "microsoft.com"). `known`: the domains of the
 * user's clients, or their index. A domain that is itself a client's is never called an imitation: the user deals
 * with both.
 */
export function lookalikeWarning(email: string, known: Iterable<string> | KnownDomains = []): LookalikeWarning | null {
  const domain = domainOfEmail(email);
  if (!domain) return null;
  const check = checkDomain(domain);
  const ascii = check.ascii ?? domain;
  const index = isIndex(known) ? known : indexKnownDomains(known);
  const imitates = index.domains.has(domain) || index.domains.has(ascii) ? null : (index.bySkeleton.get(skeletonOf(domain)) ?? null);
  if (!check.suspicious && !imitates) return null;
  return { domain, ascii, imitates, confusables: check.confusables };
}
