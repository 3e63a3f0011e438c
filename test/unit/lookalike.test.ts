import { describe, expect, it } from 'vitest';
import { checkDomain, domainOfEmail, lookalikeWarning, scriptsOf, skeletonOf, toAsciiDomain, indexKnownDomains } from '@/lib/domain/lookalike';

/** Spelled with escapes so the test reads the same in any editor: Cyrillic а (U+0430), о (U+043E), р (U+0440), у (U+0443). */
const CYR_A = '\u0430';
const CYR_O = '\u043e';
const CYR_P = '\u0440';
const CYR_Y = '\u0443';
const GREEK_O = '\u03bf';

describe('toAsciiDomain: the host name browsers resolve (IDNA through the URL parser)', () => {
  it.each([
    ['atelier-dupont.example', 'atelier-dupont.example'],
    ['Atelier-Dupont.EXAMPLE', 'atelier-dupont.example'],
    [`${CYR_A}telier-dupont.example`, 'xn--telier-dupont-v1k.example'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    // Width and invisible characters are folded away by UTS #46: the ASCII form is the genuine domain.
    ['\uff41telier.example', 'atelier.example'],
    ['a\u200btelier.example', 'atelier.example'],
    ['', null],
    ['bad host.com', null],
    ['evil.com/path', null],
    ['user@evil.com', null],
    ['x'.repeat(300), null],
  ])('%j → %j', (domain, ascii) => {
    expect(toAsciiDomain(domain)).toBe(ascii);
  });
});

describe('scriptsOf: scripts of a label\'s letters (digits and hyphens have none)', () => {
  it.each([
    ['atelier-dupont', ['Latin']],
    [`${CYR_A}telier`, ['Cyrillic', 'Latin']],
    [`p${GREEK_O}st`, ['Latin', 'Greek']],
    ['123-456', []],
    ['例え', ['Han', 'Hiragana']],
  ])('%j → %j', (label, scripts) => {
    expect(scriptsOf(label).sort()).toEqual([...scripts].sort());
  });
});

describe('skeletonOf: TR39-style skeleton (confusables folded to their ASCII prototype)', () => {
  it.each([
    ['atelier-dupont.example', 'atelier-dupont.example'],
    [`${CYR_A}telier-dupont.example`, 'atelier-dupont.example'],
    [`${CYR_P}${CYR_A}${CYR_Y}${CYR_P}${CYR_A}l.com`, 'paypal.com'],
    [`g${GREEK_O}${GREEK_O}gle.com`, 'google.com'],
    ['paypa1.com', 'paypal.com'],
    ['g00gle.com', 'google.com'],
    ['rnicrosoft.com', 'microsoft.com'],
    ['\uff41telier.example', 'atelier.example'],
    ['a\u200btelier.example', 'atelier.example'],
    ['café.fr', 'café.fr'],
  ])('%j → %j', (text, skeleton) => {
    expect(skeletonOf(text)).toBe(skeleton);
  });
});

describe('checkDomain: what a domain is made of', () => {
  it.each([
    { domain: 'atelier-dupont.example', suspicious: false, mixed: [] as string[], confusable: [] as string[] },
    { domain: 'münchen.de', suspicious: false, mixed: [], confusable: [] },
    { domain: '例え.jp', suspicious: false, mixed: [], confusable: [] },
    { domain: `${CYR_A}telier-dupont.example`, suspicious: true, mixed: [`${CYR_A}telier-dupont`], confusable: ['а U+0430 → a'] },
    { domain: `g${GREEK_O}${GREEK_O}gle.com`, suspicious: true, mixed: [`g${GREEK_O}${GREEK_O}gle`], confusable: ['ο U+03BF → o'] },
    // Whole-script lookalike: every letter Cyrillic, no mixing, still made to pass for "paypal".
    { domain: `${CYR_P}${CYR_A}${CYR_Y}${CYR_P}${CYR_A}${CYR_O}.com`, suspicious: true, mixed: [], confusable: ['р U+0440 → p', 'а U+0430 → a', 'у U+0443 → y', 'о U+043E → o'] },
    { domain: 'a\u200btelier.example', suspicious: true, mixed: [], confusable: [] },
    { domain: '\uff41telier.example', suspicious: true, mixed: [], confusable: ['ａ U+FF41 → a'] },
  ])('$domain', ({ domain, suspicious, mixed, confusable }) => {
    const c = checkDomain(domain);
    expect(c.suspicious).toBe(suspicious);
    expect(c.mixedScriptLabels).toEqual(mixed);
    expect(c.confusables).toEqual(confusable);
  });

  it.each(['', '@@@', '\u0000', 'a'.repeat(100_000), '..', `${CYR_A}.`, '\ud800', 'xn--zz.example'])('never throws on %j', (raw) => {
    expect(() => checkDomain(raw)).not.toThrow();
    expect(() => lookalikeWarning(`x@${raw}`, ['atelier-dupont.example'])).not.toThrow();
    expect(() => skeletonOf(raw)).not.toThrow();
  });
});

describe('lookalikeWarning: the warning shown for a correspondent', () => {
  const known = ['atelier-dupont.example', 'paypal.com', 'brasserie-lemoine.example'];
  it.each([
    { email: 'compta@atelier-dupont.example', warning: null },
    { email: 'compta@brasserie-lemoine.example', warning: null },
    { email: 'hans@münchen.de', warning: null },
    { email: `compta@${CYR_A}telier-dupont.example`, warning: { ascii: 'xn--telier-dupont-v1k.example', imitates: 'atelier-dupont.example' } },
    { email: `billing@p${CYR_A}yp${CYR_A}l.com`, warning: { ascii: 'xn--pypl-53dc.com', imitates: 'paypal.com' } },
    // ASCII only, but made to pass for a client's domain.
    { email: 'billing@paypa1.com', warning: { ascii: 'paypa1.com', imitates: 'paypal.com' } },
    // Suspicious in itself even when no client is imitated.
    { email: `x@g${GREEK_O}${GREEK_O}gle.com`, warning: { ascii: 'xn--ggle-0nda.com', imitates: null } },
    { email: 'no-at-sign', warning: null },
  ])('$email', ({ email, warning }) => {
    const w = lookalikeWarning(email, known);
    if (warning === null) expect(w).toBeNull();
    else expect(w).toMatchObject(warning);
  });

  it('never calls a client\'s own domain an imitation of another client\'s: the user deals with both', () => {
    expect(lookalikeWarning('billing@paypa1.com', [...known, 'paypa1.com'])).toBeNull();
    expect(lookalikeWarning('billing@rnicrosoft.com', ['microsoft.com'])).toMatchObject({ imitates: 'microsoft.com' });
  });

  it('answers the same from an index built once as from the list', () => {
    const index = indexKnownDomains(known);
    for (const email of ['billing@paypa1.com', `compta@${CYR_A}telier-dupont.example`, 'compta@atelier-dupont.example', 'x@unrelated.example']) {
      expect(lookalikeWarning(email, index)).toEqual(lookalikeWarning(email, known));
    }
  });

  it('an index built with the forms of an earlier one is the index built afresh, as clients come and go', () => {
    const forms = new Map<string, { ascii: string; skeleton: string }>();
    const lists = [known, [...known, 'münchen.de', 'paypa1.com'], known.slice(1), ['MICROSOFT.com ', ...known]];
    for (const list of lists) expect(indexKnownDomains(list, forms)).toEqual(indexKnownDomains(list));
    expect(forms.get('paypa1.com')).toEqual({ ascii: 'paypa1.com', skeleton: skeletonOf('paypa1.com') });
    expect(forms.get('münchen.de')?.ascii).toBe('xn--mnchen-3ya.de');
  });

  it('does not call a domain an imitation of itself written in punycode', () => {
    expect(lookalikeWarning('hans@münchen.de', ['xn--mnchen-3ya.de'])).toBeNull();
  });

  it.each([
    ['compta@Atelier-Dupont.example', 'atelier-dupont.example'],
    ['a@b@c.example', 'c.example'],
    ['none', ''],
  ])('domainOfEmail(%j) → %j', (email, domain) => {
    expect(domainOfEmail(email)).toBe(domain);
  });
});
