import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripInvisibleInNumber } from '@/lib/domain/invoice';
import { parseBackup } from '@/lib/db/backup';
import { FollowupInputError, parseFollowupFile } from '@/lib/domain/followup-input';
import { classifyReply } from '@/lib/domain/replies';
import { freshStore } from '../background/helpers';
import { fuzz, loadCorpus } from '../fuzz/mutate';

/**
 * Property tests over the parsers the existing suites do not cover (parsers.property.test.ts covers money, dates
 * and terms; csv-property.test.ts the CSV import): reply intents, the backup file, the follow-up file, and the
 * export → import round trip of everything stored. Plus a short run of `npm run fuzz` on the team's shadow corpus.
 */

const hostileUnits = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzéàüß0123456789 .,;:!?-/€$£\n>'.split(''),
  '\u202E', '\u200B', '\uFEFF', '\uD800', '<script>', 'payé', 'paid', 'bezahlt', 'vendredi', 'next Friday', 'le 15/03',
  'virement', 'facture', 'litige', 'dispute', 'On Mon, Mar 3, 2025 wrote:', '-- ', 'Le lun. 3 mars 2025 a écrit :',
);
const replyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 150 }), fc.string({ unit: hostileUnits, maxLength: 120 }));
const instant = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.string({ maxLength: 30 }),
);

describe('reply intents', () => {
  it('classifyReply answers every text and date with a known intent and a real date or null', () => {
    fc.assert(
      fc.property(replyText, replyText, instant, (subject, text, date) => {
        const r = classifyReply({ subject, text, date });
        expect(['paid', 'promise', 'dispute', 'delay_request', 'lost_invoice', 'financial_difficulty', 'other_company', 'acknowledgement', 'none']).toContain(r.intent);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        if (r.promisedDate !== null) expect(r.promisedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 800 },
    );
  });
});

/** Arbitrary JSON, and backup-shaped objects with arbitrary values in their fields. */
const backupShaped = fc.record({
  format: fc.oneof(fc.constant('relance-backup'), fc.string()),
  version: fc.oneof(fc.constant(1), fc.integer(), fc.double()),
  exportedAt: fc.string(),
  settings: fc.oneof(fc.constant({}), fc.jsonValue()),
  clients: fc.array(fc.jsonValue(), { maxLength: 3 }),
  invoices: fc.array(fc.jsonValue(), { maxLength: 3 }),
  events: fc.array(fc.jsonValue(), { maxLength: 3 }),
});

describe('the backup file', () => {
  it('parseBackup never throws: any text gets a backup or an error naming the problem', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), backupShaped.map((b) => JSON.stringify(b))), (text) => {
        const r = parseBackup(text);
        if (!r.ok) expect(r.error.length).toBeGreaterThan(5);
      }),
      { numRuns: 1500 },
    );
  });

  const invoiceArb = fc.record({
    // A number made only of invisible characters is empty once they are stripped, and refused (tested elsewhere).
    number: fc.string({ unit: hostileUnits, minLength: 1, maxLength: 30 }).filter((s) => stripInvisibleInNumber(s).trim() !== ''),
    name: fc.string({ unit: hostileUnits, maxLength: 40 }),
    user: fc.stringMatching(/^[a-z0-9]{1,12}$/),
    amountMinor: fc.integer({ min: -1e12, max: 1e12 }).filter((n) => n !== 0),
    currency: fc.constantFrom('EUR', 'USD', 'GBP', 'CHF', 'JPY'),
    issueOffset: fc.integer({ min: 0, max: 3000 }),
    termDays: fc.integer({ min: 0, max: 120 }),
  });

  it('export → import → export gives back the same data, whatever the text in names and numbers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(invoiceArb, { minLength: 1, maxLength: 6 }), async (invoices) => {
        const a = freshStore();
        for (const inv of invoices) {
          const issue = new Date(Date.UTC(2020, 0, 1 + inv.issueOffset));
          const due = new Date(issue.getTime() + inv.termDays * 86_400_000);
          await a.store.createInvoice({
            clientEmail: `${inv.user}@client.example`,
            clientName: inv.name,
            number: inv.number,
            amountMinor: inv.amountMinor,
            currency: inv.currency,
            issueDate: issue.toISOString().slice(0, 10),
            dueDate: due.toISOString().slice(0, 10),
          }).catch((e: unknown) => {
            // Same number twice for one client is refused by design; anything else is a bug.
            if (!(e instanceof Error && /already|duplicate/i.test(e.message))) throw e;
          });
        }
        const exported = await a.store.exportAll();
        const text = JSON.stringify(exported);
        const parsed = parseBackup(text);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const b = freshStore();
        await b.store.importAll(parsed.backup);
        const again = await b.store.exportAll();
        const strip = (x: typeof exported) => ({ ...x, exportedAt: '' });
        expect(strip(again)).toEqual(strip(exported));
      }),
      { numRuns: 40 },
    );
  });
});

describe('the follow-up file (risk, next)', () => {
  it('parseFollowupFile answers any JSON with a model or a FollowupInputError, nothing else', () => {
    const shaped = fc.record({
      client: fc.oneof(fc.jsonValue(), fc.record({ name: fc.string(), email: fc.string(), language: fc.string() })),
      settings: fc.oneof(fc.jsonValue(), fc.constant({})),
      invoices: fc.array(
        fc.oneof(fc.jsonValue(), fc.record({ number: fc.string(), amount: fc.oneof(fc.string(), fc.double(), fc.integer()), dueDate: fc.string() })),
        { maxLength: 4 },
      ),
      events: fc.array(fc.oneof(fc.jsonValue(), fc.record({ type: fc.string(), date: fc.string() })), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), shaped), (json) => {
        try {
          parseFollowupFile(json);
        } catch (e) {
          expect(e).toBeInstanceOf(FollowupInputError);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('extraction under mutation (short `npm run fuzz`)', () => {
  it('300 mutated shadow records: no crash, every line answered or reported', async () => {
    const corpus = loadCorpus(['emails.jsonl', 'negatives.jsonl', 'replies.jsonl'].map((f) => path.join(__dirname, '../fixtures/shadow', f)));
    const s = await fuzz(corpus, 300, 20261122);
    expect(s.crashes).toEqual([]);
    expect(s.answered + s.reported).toBe(300);
    // The mutations must reach extraction, not only the JSON and schema checks.
    expect(s.answered).toBeGreaterThan(60);
  }, 120_000);
});
