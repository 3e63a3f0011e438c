import { describe, expect, it } from 'vitest';
import type { DraftInput } from '../../lib/domain/reminders/draft';
import { buildFormalNoticeLetter, type FormalNoticeLetterInput } from '../../lib/domain/reminders/letter';

const NBSP = '\u00A0';

const INV = {
  number: 'F-2025-012',
  issueDate: '2025-03-01',
  dueDate: '2025-03-31',
  amountMinor: 120000,
  outstandingMinor: 120000,
  currency: 'EUR',
  interestMinor: 2532,
  fixedCompensationMinor: 4000,
};

function input(over: Partial<FormalNoticeLetterInput> = {}): FormalNoticeLetterInput {
  const base: DraftInput = {
    stage: 'first', // the letter is always the formal notice, whatever stage is passed
    language: 'fr',
    formality: 'informal',
    today: '2025-05-15',
    jurisdiction: 'FR',
    client: { name: 'ACME SAS', email: 'compta@acme.example', b2b: true },
    invoices: [INV, { ...INV, number: 'F-2025-019', interestMinor: 812 }],
    identity: { name: 'Jean Martin', company: 'Studio Martin', signature: '' },
    payment: { iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPP', paymentLink: '', instructions: '' },
    history: [
      { kind: 'reminder', stage: 'first', date: '2025-04-02' },
      { kind: 'call', date: '2025-04-09' },
    ],
    deadline: null,
  };
  return {
    ...base,
    sender: { name: 'Jean Martin', company: 'Studio Martin', address: '12 rue des Lilas\n75011 Paris' },
    recipient: { name: 'ACME SAS', address: '1 avenue de la Gare\n69002 Lyon' },
    place: 'Paris',
    ...over,
  };
}

const linesOf = (l: ReturnType<typeof buildFormalNoticeLetter>, kind: string): string[] =>
  l.blocks.filter((b) => b.kind === kind).flatMap((b) => b.lines);

describe('buildFormalNoticeLetter', () => {
  it('lays out a French registered letter in order', () => {
    const l = buildFormalNoticeLetter(input());
    const kinds = l.blocks.map((b) => b.kind);
    expect(kinds.slice(0, 5)).toEqual(['sender', 'recipient', 'place_date', 'mention', 'subject']);
    expect(kinds[kinds.length - 2]).toBe('signature');
    expect(kinds[kinds.length - 1]).toBe('mention');
    expect(linesOf(l, 'sender')).toEqual(['Jean Martin', 'Studio Martin', '12 rue des Lilas', '75011 Paris']);
    expect(linesOf(l, 'recipient')).toEqual(['ACME SAS', '1 avenue de la Gare', '69002 Lyon']);
    expect(linesOf(l, 'place_date')).toEqual(['Paris, le 15 mai 2025']);
    expect(linesOf(l, 'mention')[0]).toBe('Lettre recommandée avec accusé de réception');
    expect(linesOf(l, 'subject')[0]).toBe(`Objet${NBSP}: Mise en demeure de payer – factures F-2025-012 et F-2025-019`);
    expect(l.title).toBe('Mise en demeure – factures F-2025-012 et F-2025-019');
  });

  it('itemises the amounts in a table and lists every earlier attempt with its date', () => {
    const l = buildFormalNoticeLetter(input());
    const table = l.blocks.find((b) => b.kind === 'table');
    expect(table?.rows?.map((r) => r[0])).toEqual(['F-2025-012', 'F-2025-019']);
    expect(table?.head).toContain('Indemnité forfaitaire');
    expect(table?.foot?.[0]?.[0]).toBe('Total');
    const body = linesOf(l, 'paragraph').join('\n');
    for (const date of ['2 avril 2025', '9 avril 2025', '23 mai 2025']) expect(body).toContain(date);
    expect(body).toContain('Madame, Monsieur,');
    expect(body).toContain('injonction de payer');
    // This is the registered copy: no "also sent by registered post" line.
    expect(body).not.toContain('également adressée');
    expect(linesOf(l, 'mention')[1]).toBe(`Pièces jointes${NBSP}: copie des factures F-2025-012 et F-2025-019`);
  });

  it('an English UK letter before claim: no registered-post mention, own title', () => {
    const l = buildFormalNoticeLetter(input({ language: 'en', jurisdiction: 'UK', place: 'London' }));
    expect(l.title).toBe('Letter before claim: invoices F-2025-012 and F-2025-019');
    expect(linesOf(l, 'place_date')).toEqual(['London, 15 May 2025']);
    expect(linesOf(l, 'mention')).toEqual(['Enclosed: copy of invoices F-2025-012 and F-2025-019']);
    expect(linesOf(l, 'paragraph').join('\n')).toContain('This is a letter before claim.');
  });

  it('falls back to the client name and the sender for an empty recipient and signature', () => {
    const l = buildFormalNoticeLetter(
      input({ language: 'de', recipient: { name: '' }, place: '', identity: { name: '', company: '', signature: '' } }),
    );
    expect(linesOf(l, 'recipient')).toEqual(['ACME SAS']);
    expect(linesOf(l, 'place_date')).toEqual(['15. Mai 2025']);
    expect(linesOf(l, 'signature')).toEqual(['Jean Martin', 'Studio Martin']);
    for (const b of l.blocks) for (const line of b.lines) expect(line).not.toMatch(/undefined|NaN|null|\[|\{\{/);
  });
});
