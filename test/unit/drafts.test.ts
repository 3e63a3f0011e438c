import { describe, expect, it } from 'vitest';
import { draftReminder, DraftInputError, type DraftInput } from '../../lib/domain/reminders/draft';
import { escapeHtml } from '../../lib/domain/reminders/html';
import { STAGES, type Stage } from '../../lib/domain/reminders/stage';

const NBSP = '\u00A0';
const NNBSP = '\u202F';
type Lang = 'fr' | 'en' | 'de';

const INV_A = {
  number: 'F-2025-012',
  issueDate: '2025-03-01',
  dueDate: '2025-03-31',
  amountMinor: 120000,
  outstandingMinor: 120000,
  currency: 'EUR',
  interestMinor: 2532,
  fixedCompensationMinor: 4000,
};
const INV_B = {
  number: 'F-2025-019',
  issueDate: '2025-03-15',
  dueDate: '2025-04-14',
  amountMinor: 84050,
  outstandingMinor: 84050,
  currency: 'EUR',
  interestMinor: 812,
  fixedCompensationMinor: 4000,
};

/** Hand-written expectations: how each language writes the amounts and dates above. */
const WRITTEN: Record<Lang, { a: string; b: string; dueA: string; dueB: string; interestA: string; fixed: string }> = {
  fr: { a: `1${NNBSP}200,00${NBSP}€`, b: `840,50${NBSP}€`, dueA: '31 mars 2025', dueB: '14 avril 2025', interestA: `25,32${NBSP}€`, fixed: `40,00${NBSP}€` },
  en: { a: '€1,200.00', b: '€840.50', dueA: '31 March 2025', dueB: '14 April 2025', interestA: '€25.32', fixed: '€40.00' },
  de: { a: `1.200,00${NBSP}€`, b: `840,50${NBSP}€`, dueA: '31. März 2025', dueB: '14. April 2025', interestA: `25,32${NBSP}€`, fixed: `40,00${NBSP}€` },
};

const HISTORY: DraftInput['history'] = [
  { kind: 'reminder', stage: 'first', date: '2025-04-02' },
  { kind: 'call', date: '2025-04-09' },
  { kind: 'reminder', stage: 'second', date: '2025-04-20' },
];
const HISTORY_WRITTEN: Record<Lang, string[]> = {
  fr: ['2 avril 2025', '9 avril 2025', '20 avril 2025'],
  en: ['2 April 2025', '9 April 2025', '20 April 2025'],
  de: ['2. April 2025', '9. April 2025', '20. April 2025'],
};
/** today (15 May 2025) + 8 days. */
const DEADLINE: Record<Lang, string> = { fr: '23 mai 2025', en: '23 May 2025', de: '23. Mai 2025' };

function input(over: Partial<DraftInput> = {}): DraftInput {
  return {
    stage: 'first',
    language: 'fr',
    formality: 'formal',
    today: '2025-05-15',
    jurisdiction: 'FR',
    client: { name: 'Marie Dupont', email: 'marie@example.com', b2b: true },
    invoices: [INV_A],
    identity: { name: 'Jean Martin', company: 'Studio Martin', signature: '' },
    payment: { iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPP', paymentLink: 'https://pay.example/inv', instructions: '' },
    history: HISTORY,
    deadline: null,
    ...over,
  };
}

const IGNORE_IF_PAID: Record<Lang, RegExp> = {
  fr: /ne pas tenir compte|ne tiens pas compte/,
  en: /ignore|disregard/i,
  de: /gegenstandslos|ignoriere/,
};
const FORMAL_NOTICE_WORDS: Record<Lang, RegExp> = { fr: /mise en demeure/i, en: /formal notice/i, de: /Mahnung/ };
const CONSEQUENCE: Record<Lang, RegExp> = { fr: /injonction de payer/, en: /court/, de: /Mahnverfahren/ };
const BAD = /undefined|NaN|null|\[|\{\{|\]\]/;

const cases: Array<{ stage: Stage; language: Lang; formality: 'formal' | 'informal'; n: 1 | 2 }> = [];
for (const stage of STAGES)
  for (const language of ['fr', 'en', 'de'] as const)
    for (const formality of ['formal', 'informal'] as const) for (const n of [1, 2] as const) cases.push({ stage, language, formality, n });

describe('draftReminder: every stage × language × formality × singular/plural', () => {
  it.each(cases)('$stage $language $formality n=$n', ({ stage, language, formality, n }) => {
    const invoices = n === 1 ? [INV_A] : [INV_A, INV_B];
    const today = stage === 'pre_due' ? '2025-03-25' : '2025-05-15';
    const d = draftReminder(input({ stage, language, formality, invoices, today }));
    const W = WRITTEN[language];
    expect(d.stage).toBe(stage);
    expect(d.language).toBe(language);
    for (const out of [d.subject, d.text, d.html]) expect(out).not.toMatch(BAD);
    // Every invoice number, its amount and its due date written out.
    for (const inv of invoices) {
      expect(d.subject).toContain(inv.number);
      expect(d.text).toContain(inv.number);
      expect(d.html).toContain(escapeHtml(inv.number));
    }
    expect(d.text).toContain(W.a);
    expect(d.text).toContain(W.dueA);
    if (n === 2) {
      expect(d.text).toContain(W.b);
      expect(d.text).toContain(W.dueB);
    }
    // Singular and plural agree.
    const plural = { fr: /factures/, en: /invoices/i, de: /Rechnungen/ }[language];
    if (n === 2) expect(d.subject).toMatch(plural);
    else expect(d.subject).not.toMatch(plural);
    // Payment details in every reminder.
    expect(d.text).toContain('FR76 3000 6000 0112 3456 7890 189');
    expect(d.html).toContain('<a href="https://pay.example/inv">');
    // The register: "tu"/"du" drafts never say "vous"/"Sie", except the formal notice which is always formal.
    const formal = formality === 'formal' || stage === 'formal_notice';
    if (language === 'fr') expect(/\bvous\b/i.test(d.text)).toBe(formal);
    if (language === 'de') expect(/\b(Sie|Ihnen)\b/.test(d.text)).toBe(formal);
    if (stage === 'first' || stage === 'pre_due') expect(d.text).toMatch(IGNORE_IF_PAID[language]);
    if (stage === 'second') {
      expect(d.text).toContain(HISTORY_WRITTEN[language][0]);
      expect(d.text).toContain(DEADLINE[language]);
    }
    if (stage === 'formal_notice') {
      for (const date of HISTORY_WRITTEN[language]) expect(d.text).toContain(date);
      expect(d.text).toMatch(FORMAL_NOTICE_WORDS[language]);
      expect(d.text).toContain(W.interestA);
      expect(d.text).toContain(W.fixed);
      expect(d.text).toContain(DEADLINE[language]);
      expect(d.text).toMatch(CONSEQUENCE[language]);
      expect(d.notice).toBeTruthy();
    }
    if (stage === 'stop_work') expect(d.text).toMatch({ fr: /échéancier|plusieurs fois/, en: /instalments|payment plan/, de: /Raten/ }[language]);
    if (stage === 'handover') expect(d.text).toMatch({ fr: /commissaire de justice/, en: /commissaire de justice/, de: /Gerichtsvollzieher/ }[language]);
    if (stage === 'first' || stage === 'pre_due') expect(d.notice).toBeUndefined();
  });

  it.each(['fr', 'en', 'de'] as const)('%s: the six subjects are distinct', (language) => {
    for (const formality of ['formal', 'informal'] as const) {
      const subjects = STAGES.map((stage) => draftReminder(input({ stage, language, formality })).subject);
      expect(new Set(subjects).size).toBe(STAGES.length);
    }
  });
});

describe('draftReminder: content rules', () => {
  it('French first reminder opens with "Sauf erreur ou omission de notre part" and uses French typography', () => {
    const d = draftReminder(input({ invoices: [INV_A, INV_B] }));
    expect(d.text).toContain('Sauf erreur ou omission de notre part');
    expect(d.subject).toBe(`Relance${NBSP}: factures F-2025-012 et F-2025-019 impayées`);
    expect(d.text).not.toMatch(/ [:;!?]/); // every such space is a no-break one
    expect(d.text).toContain(`Total${NBSP}: 2${NNBSP}040,50${NBSP}€`);
  });

  it('French second reminder cites L441-10 and the 40 € indemnity per invoice for a business', () => {
    const d = draftReminder(input({ stage: 'second', invoices: [INV_A, INV_B] }));
    expect(d.text).toContain('pénalités de retard (article L441-10 du Code de commerce)');
    expect(d.text).toContain(`indemnité forfaitaire pour frais de recouvrement de 40${NBSP}€ par facture`);
    expect(d.notice).toMatch(/conseil juridique/);
  });

  it.each(['fr', 'en', 'de'] as const)('%s: a consumer is never charged fixed compensation or penalties', (language) => {
    for (const stage of ['second', 'formal_notice', 'handover'] as const) {
      const d = draftReminder(input({ stage, language, client: { name: 'Marie Dupont', email: 'm@x.fr', b2b: false } }));
      expect(d.text).not.toMatch(/indemnité|fixed compensation|Pauschale|pénalités|Verzugszinsen/i);
      expect(d.text).not.toContain(WRITTEN[language].fixed);
      expect(d.text).not.toContain(WRITTEN[language].interestA);
    }
  });

  it('French consumer formal notice states that legal interest runs from it (Code civil 1344-1)', () => {
    const d = draftReminder(input({ stage: 'formal_notice', client: { name: 'M', email: '', b2b: false } }));
    expect(d.text).toContain("article 1344-1 du Code civil");
    expect(d.text).toContain('lettre recommandée avec accusé de réception');
  });

  it.each([
    ['FR', true, '23 May 2025', /Formal notice to pay/],
    ['EU', true, '23 May 2025', /Formal notice to pay/],
    ['UK', true, '29 May 2025', /Letter before claim/],
    ['UK', false, '14 June 2025', /Letter before claim/],
    ['US', true, 'May 25, 2025', /Final demand/],
  ] as const)('%s (b2b %s): formal-notice deadline %s and title', (jurisdiction, b2b, deadline, title) => {
    const d = draftReminder(input({ stage: 'formal_notice', language: 'en', jurisdiction, client: { name: 'X', email: '', b2b } }));
    expect(d.text).toContain(`by ${deadline}`);
    expect(d.subject).toMatch(title);
  });

  it('an explicit deadline wins over the default', () => {
    const d = draftReminder(input({ stage: 'second', deadline: '2025-06-01' }));
    expect(d.text).toContain('1er juin 2025');
  });

  it('no history: the formal notice says so instead of listing nothing', () => {
    const d = draftReminder(input({ stage: 'formal_notice', language: 'en', history: [] }));
    expect(d.text).toContain('I have not received payment');
    expect(d.text).not.toMatch(/attempts/);
  });

  it.each([
    ['fr', 'Bonjour,', 'Bien cordialement,'],
    ['en', 'Hello,', 'Kind regards,'],
    ['de', 'Sehr geehrte Damen und Herren,', 'Mit freundlichen Grüßen'],
  ] as const)('%s: empty client name and identity fall back gracefully', (language, greeting, closing) => {
    const d = draftReminder(
      input({
        language,
        client: { name: '  ', email: '', b2b: true },
        identity: { name: '', company: '', signature: '' },
        payment: { iban: '', bic: '', paymentLink: '', instructions: '' },
        history: [],
      }),
    );
    expect(d.text.startsWith(`${greeting}\n\n`)).toBe(true);
    expect(d.text.trimEnd().endsWith(closing)).toBe(true);
    expect(d.text).toMatch({ fr: /coordonnées figurant sur la facture/, en: /bank details on the invoice/, de: /Bankverbindung finden Sie auf der Rechnung/ }[language]);
    expect(d.text).not.toMatch(/\n\n\n|  /);
  });

  it('greets an organisation neutrally and a person by name (first name when informal)', () => {
    expect(draftReminder(input({ client: { name: 'ACME SAS', email: '', b2b: true } })).text.startsWith('Bonjour,')).toBe(true);
    expect(draftReminder(input({ formality: 'informal' })).text.startsWith('Bonjour Marie,')).toBe(true);
    expect(draftReminder(input({ language: 'en' })).text.startsWith('Dear Marie Dupont,')).toBe(true);
  });

  it('several currencies give one total per currency', () => {
    const usd = { ...INV_B, number: 'F-2025-020', currency: 'USD', fixedCompensationMinor: 0 };
    const d = draftReminder(input({ language: 'en', invoices: [INV_A, usd] }));
    expect(d.text).toContain('Total: €1,200.00');
    expect(d.text).toContain('Total: US$840.50');
  });

  it('a partly paid invoice shows the balance and the original amount', () => {
    const d = draftReminder(input({ language: 'en', invoices: [{ ...INV_A, outstandingMinor: 70000 }] }));
    expect(d.text).toContain('€700.00 of €1,200.00 still outstanding');
  });

  it('other languages fall back to English', () => {
    expect(draftReminder(input({ language: 'es' })).language).toBe('en');
  });

  it.each([
    [{ today: '2025-13-01' }, 'today'],
    [{ invoices: [] }, 'invoices'],
    [{ invoices: [{ ...INV_A, dueDate: '31/03/2025' }] }, 'invoices[0].dueDate'],
    [{ invoices: [{ ...INV_A, amountMinor: 12.5 }] }, 'invoices[0].amountMinor'],
    [{ stage: 'later' as Stage }, 'stage'],
    [{ deadline: 'soon' }, 'deadline'],
  ] as const)('bad input %j throws a DraftInputError naming %s', (over, field) => {
    try {
      draftReminder(input(over as Partial<DraftInput>));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DraftInputError);
      expect((e as DraftInputError).field).toBe(field);
    }
  });
});

describe('draftReminder: HTML escaping', () => {
  const EVIL = ['<script>alert(1)</script>', '" onmouseover="x'];
  it.each(EVIL)('escapes %s in client name, invoice number and signature', (evil) => {
    for (const stage of STAGES) {
      const d = draftReminder(
        input({
          stage,
          client: { name: `Marie ${evil}`, email: '', b2b: true },
          invoices: [{ ...INV_A, number: evil }, INV_B],
          identity: { name: 'Jean', company: '', signature: `Jean ${evil}` },
          payment: { iban: '', bic: '', paymentLink: 'javascript:alert(1)', instructions: evil },
        }),
      );
      expect(d.html).not.toContain('<script');
      expect(d.html).not.toContain('" onmouseover');
      expect(d.html).not.toContain('href="javascript');
      expect(d.html).toContain(escapeHtml(evil));
      expect(escapeHtml(evil)).toMatch(/&lt;script&gt;|&quot; onmouseover=&quot;x/);
      // The plain text keeps the data as typed (it is not HTML).
      expect(d.text).toContain(evil);
    }
  });

  it('renders several invoices as a table with a total row', () => {
    const d = draftReminder(input({ invoices: [INV_A, INV_B] }));
    expect(d.html).toMatch(/<table[^>]*>.*<thead>.*F-2025-012.*F-2025-019.*<tfoot>/s);
  });
});
