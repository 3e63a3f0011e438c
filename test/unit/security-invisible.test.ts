import { describe, expect, it } from 'vitest';
import { ClientSchema, NewInvoiceSchema, stripInvisibleInName, stripInvisibleInNumber } from '@/lib/domain/invoice';
import { InvoiceEditsSchema } from '@/lib/db/review';
import { freshStore, invoiceInput } from '../background/helpers';

/**
 * Bidi overrides and zero-width characters hidden in invoice numbers and names are removed at the storage boundary
 * (lib/domain/invoice.ts), in every schema that writes them: what is stored, matched and shown is what one sees.
 */
describe('invisible characters at the storage boundary', () => {
  it.each([
    ['F-2026-\u200B014', 'F-2026-014'],
    ['\u202EF-2026-014\u202C', 'F-2026-014'],
    ['F\u2066-2026\u2069-014', 'F-2026-014'],
    ['\uFEFFF-2026-014', 'F-2026-014'],
    ['F-2026\u200D-014\u200C', 'F-2026-014'],
    ['F-2026-014\u00AD', 'F-2026-014'],
    ['F-2026-014', 'F-2026-014'],
  ])('the number %j is stored as %j', (raw, clean) => {
    expect(stripInvisibleInNumber(raw)).toBe(clean);
    const parsed = NewInvoiceSchema.parse(invoiceInput({ number: raw }));
    expect(parsed.number).toBe(clean);
    expect(InvoiceEditsSchema.parse({ number: raw }).number).toBe(clean);
  });

  it.each([
    ['Atelier \u202EDupont', 'Atelier Dupont'],
    ['A\u200Btelier\u2060', 'Atelier'],
    // Joiners and marks that scripts need stay in names.
    ['می\u200Cخواهم', 'می\u200Cخواهم'],
    ['\u200Fشركة', '\u200Fشركة'],
  ])('the name %j is stored as %j', (raw, clean) => {
    expect(stripInvisibleInName(raw)).toBe(clean);
    expect(NewInvoiceSchema.parse(invoiceInput({ clientName: raw })).clientName).toBe(clean);
    expect(ClientSchema.parse({ key: 'a@b.example', email: 'a@b.example', name: raw, createdAt: 'x', updatedAt: 'x' }).name).toBe(clean);
  });

  it('a number made only of invisible characters is refused as missing', () => {
    const r = NewInvoiceSchema.safeParse(invoiceInput({ number: '\u200B\u202E\uFEFF' }));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.message).toMatch(/invoice number is required/);
  });

  it('HTML in a number or a name is kept as the exact text (escaping is the display\'s job)', async () => {
    const { store } = freshStore();
    const raw = '<img src=x onerror=alert(1)>&lt;';
    const inv = await store.createInvoice(NewInvoiceSchema.parse(invoiceInput({ number: raw, clientName: `<script>${raw}` })));
    expect(inv.number).toBe(raw);
    expect((await store.getInvoice(inv.id))?.clientName).toBe(`<script>${raw}`);
  });

  it('the same invoice with a hidden character is a duplicate, not a second invoice', async () => {
    const { store } = freshStore();
    await store.createInvoice(NewInvoiceSchema.parse(invoiceInput({ number: 'F-7' })));
    await expect(store.createInvoice(NewInvoiceSchema.parse(invoiceInput({ number: 'F-\u200B7' })))).rejects.toThrow();
  });
});
