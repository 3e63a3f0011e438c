import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forwardedBody, stripQuoted } from '../../lib/domain/quoted';

describe('stripQuoted: quoted history', () => {
  const cases: Array<{ name: string; text: string; reply: string; quotedStart: string }> = [
    {
      name: 'Gmail, English',
      text: 'Will pay Friday.\n\nOn Tue, Mar 4, 2025 at 9:12 AM Lou Martin <lou@studio.example> wrote:\n> Invoice paid? Due 2025-03-01.\n',
      reply: 'Will pay Friday.',
      quotedStart: 'On Tue, Mar 4, 2025',
    },
    {
      name: 'Gmail, English, header wrapped over two lines',
      text: 'Received, thanks.\n\nOn Tue, Mar 4, 2025 at 9:12 AM Lou Martin\n<lou@studio.example> wrote:\n\n> Here is the invoice.\n',
      reply: 'Received, thanks.',
      quotedStart: 'On Tue, Mar 4, 2025',
    },
    {
      name: 'Gmail, French',
      text: 'Je règle demain.\n\nLe mar. 4 mars 2025 à 09:12, Lou Martin <lou@studio.example> a écrit :\n> Relance : facture impayée.\n',
      reply: 'Je règle demain.',
      quotedStart: 'Le mar. 4 mars 2025',
    },
    {
      name: 'Gmail, French, wrapped',
      text: 'Bien reçu.\n\nLe mar. 4 mars 2025 à 09:12, Lou Martin <lou@studio.example>\na écrit :\n> Voici la facture.',
      reply: 'Bien reçu.',
      quotedStart: 'Le mar. 4 mars 2025',
    },
    {
      name: 'Gmail, German',
      text: 'Ist überwiesen.\n\nAm Di., 4. März 2025 um 09:12 Uhr schrieb Lou Martin <lou@studio.example>:\n> Zahlungserinnerung\n',
      reply: 'Ist überwiesen.',
      quotedStart: 'Am Di., 4. März 2025',
    },
    {
      name: 'Spanish and Italian attributions',
      text: 'Recibida.\n\nEl mar, 4 mar 2025 a las 9:12, Lou <lou@x.example> escribió:\n> Factura',
      reply: 'Recibida.',
      quotedStart: 'El mar, 4 mar 2025',
    },
    {
      name: 'Italian attribution',
      text: 'Ricevuta, grazie.\n\nIl giorno mar 4 mar 2025 alle ore 09:12 Lou <lou@x.example> ha scritto:\n> Fattura',
      reply: 'Ricevuta, grazie.',
      quotedStart: 'Il giorno mar 4 mar 2025',
    },
    {
      name: 'Dutch attribution',
      text: 'Ontvangen.\n\nOp di 4 mrt 2025 om 09:12 schreef Lou <lou@x.example>:\n> Factuur',
      reply: 'Ontvangen.',
      quotedStart: 'Op di 4 mrt 2025',
    },
    {
      name: 'Outlook, English, with rule',
      text: 'Could you resend it?\n\n________________________________\nFrom: Lou Martin <lou@studio.example>\nSent: Tuesday, March 4, 2025 9:12 AM\nTo: Kim <kim@client.example>\nSubject: Invoice 12\n\nThe invoice has been paid? Please pay.',
      reply: 'Could you resend it?',
      quotedStart: '________________________________',
    },
    {
      name: 'Outlook, French, spaces before colons',
      text: 'Je conteste ce montant.\n\nDe : Lou Martin <lou@studio.example>\nEnvoyé : mardi 4 mars 2025 09:12\nÀ : Kim <kim@client.example>\nObjet : Facture 12\n\nMerci de régler.',
      reply: 'Je conteste ce montant.',
      quotedStart: 'De : Lou Martin',
    },
    {
      name: 'Outlook, German',
      text: 'Bitte an die Holding.\n\nVon: Lou Martin <lou@studio.example>\nGesendet: Dienstag, 4. März 2025 09:12\nAn: Kim <kim@client.example>\nBetreff: Rechnung 12\n\nBitte zahlen.',
      reply: 'Bitte an die Holding.',
      quotedStart: 'Von: Lou Martin',
    },
    {
      name: 'Original Message separator',
      text: 'Paid today.\n\n-----Original Message-----\nFrom: a@b.example\nplease pay',
      reply: 'Paid today.',
      quotedStart: '-----Original Message-----',
    },
    {
      name: "Message d'origine separator",
      text: 'Payé.\n\n-------- Message d\'origine --------\nDe : a@b.example\nmerci de payer',
      reply: 'Payé.',
      quotedStart: "-------- Message d'origine --------",
    },
  ];
  it.each(cases)('$name', ({ text, reply, quotedStart }) => {
    const r = stripQuoted(text);
    expect(r.reply).toBe(reply);
    expect(r.quoted.startsWith(quotedStart)).toBe(true);
  });

  it('drops interleaved ">" lines when there is no header', () => {
    const r = stripQuoted('> Has the invoice been paid?\nNot yet, next week.\n> Thanks');
    expect(r.reply).toBe('Not yet, next week.');
    expect(r.quoted).toContain('Has the invoice been paid?');
  });

  it('keeps a message that quotes nothing', () => {
    expect(stripQuoted('Bonjour,\n\nle virement est parti.')).toMatchObject({ reply: 'Bonjour,\n\nle virement est parti.', quoted: '' });
  });

  it('does not cut at a sentence that merely starts like an attribution', () => {
    const text = 'Le paiement partira vendredi.\nOn a bien noté la relance.';
    expect(stripQuoted(text).reply).toBe(text);
  });
});

describe('stripQuoted: signatures', () => {
  const cases: Array<{ name: string; text: string; reply: string }> = [
    { name: 'dash-dash line', text: 'Paid.\n-- \nKim Lee\nCEO, Client Ltd\n+1 555 0100', reply: 'Paid.' },
    { name: 'Sent from my iPhone', text: 'Will pay tomorrow.\n\nSent from my iPhone', reply: 'Will pay tomorrow.' },
    { name: 'Envoyé de mon iPhone', text: 'Virement fait.\n\nEnvoyé de mon iPhone', reply: 'Virement fait.' },
    { name: 'Von meinem iPhone gesendet', text: 'Ist bezahlt.\n\nVon meinem iPhone gesendet', reply: 'Ist bezahlt.' },
    {
      name: 'closing + name/title/phone (fr)',
      text: 'Je vous règle vendredi.\n\nCordialement,\nMarie Dupont\nGérante – Boulangerie Dupont\n06 00 00 00 00',
      reply: 'Je vous règle vendredi.',
    },
    { name: 'closing + name (en)', text: 'Payment goes out Monday.\n\nBest regards,\nKim Lee\nAccounts', reply: 'Payment goes out Monday.' },
    { name: 'closing + name (de)', text: 'Wir zahlen am Freitag.\n\nMit freundlichen Grüßen\nSabine Huber', reply: 'Wir zahlen am Freitag.' },
  ];
  it.each(cases)('$name', ({ text, reply }) => {
    const r = stripQuoted(text);
    expect(r.reply).toBe(reply);
    expect(r.signatureRemoved).toBe(true);
  });

  it('keeps a reply that is only a closing word', () => {
    expect(stripQuoted('Thanks!').reply).toBe('Thanks!');
  });

  it('does not treat a long block after a closing as a signature', () => {
    const text = 'Merci,\n' + Array.from({ length: 8 }, (_, i) => `ligne ${i} du message`).join('\n');
    expect(stripQuoted(text).reply).toBe(text);
  });
});

describe('forwardedBody', () => {
  it('returns the body of a forwarded mail without its header lines', () => {
    const text = 'Envoyé de mon iPhone\n\nDébut du message transféré :\n\nExpéditeur: a@b.example\nDate: 7 juin 2018\nObjet: Paiement\n\nVoici la preuve de paiement.\n\nCordialement,\nM. Dupont';
    const r = stripQuoted(text);
    expect(r.reply).toBe('');
    expect(r.forwarded).toBe(true);
    expect(forwardedBody(r.quoted)).toBe('Voici la preuve de paiement.');
  });
});

describe('stripQuoted: robustness', () => {
  it('is linear on a thread with 10,000 quoted lines', () => {
    const quoted = Array.from({ length: 10_000 }, (_, i) => `> line ${i} On Mon wrote From: To: Subject:`).join('\n');
    const text = `Paid.\n\nOn Mon, Feb 24, 2025 at 3:48 PM X <x@y.example> wrote:\n${quoted}`;
    const t0 = performance.now();
    const r = stripQuoted(text);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.reply).toBe('Paid.');
  });

  it('stays fast on one huge line', () => {
    const t0 = performance.now();
    stripQuoted('On '.repeat(100_000) + 'wrote wrote '.repeat(10_000));
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (s) => {
        const r = stripQuoted(s);
        expect(typeof r.reply).toBe('string');
        expect(typeof forwardedBody(r.quoted)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on non-string input', () => {
    expect(stripQuoted(undefined as unknown as string).reply).toBe('');
  });
});
