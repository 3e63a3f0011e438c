import { z } from 'zod';
import { MAX_CSV_CHARS } from './table';

/** Message schemas of the CSV commands (lib/messaging/protocol.ts): csv.preview, csv.check, csv.import, data.exportCsv. */

const ColumnIndex = z.number().int().min(0).max(10_000);

/** Field -> 0-based column index of the file (see lib/import/presets.ts CSV_FIELDS). */
export const ColumnMappingSchema = z
  .object({
    number: ColumnIndex,
    client: ColumnIndex,
    email: ColumnIndex,
    amount: ColumnIndex,
    amountDue: ColumnIndex,
    currency: ColumnIndex,
    issueDate: ColumnIndex,
    dueDate: ColumnIndex,
    status: ColumnIndex,
    paidDate: ColumnIndex,
  })
  .partial()
  .strict();

export const DateOrderSchema = z.enum(['dmy', 'mdy', 'ymd']);
const CsvFieldSchema = z.enum(['number', 'client', 'email', 'amount', 'amountDue', 'currency', 'issueDate', 'dueDate', 'status', 'paidDate']);

export const CsvTextSchema = z.string().max(MAX_CSV_CHARS, 'the file is too large (20 MB at most)');

export const CsvPreviewSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    headers: z.array(z.string()),
    rows: z.number().int(),
    sample: z.array(z.array(z.string())),
    delimiter: z.enum([',', ';', '\t', '|']),
    detectedTool: z.string().nullable(),
    presetId: z.string().nullable(),
    mapping: ColumnMappingSchema,
    missing: z.array(CsvFieldSchema),
    dateOrder: DateOrderSchema,
    dateOrderCertain: z.boolean(),
    rowsWithoutEmail: z.number().int(),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export const CsvImportRequestSchema = z.object({ text: CsvTextSchema, mapping: ColumnMappingSchema, dateOrder: DateOrderSchema.optional() });

const SkippedSchema = z.array(z.object({ line: z.number().int(), reason: z.string() }));

export const CsvCheckResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** Invoices the import would add or find already tracked (duplicates are only known at import). */
    invoices: z.number().int(),
    /** Of those, how many have no client email (placeholder address: no reminder can be sent yet). */
    withoutEmail: z.number().int(),
    skipped: SkippedSchema,
    dateOrder: DateOrderSchema,
  }),
  z.object({ ok: z.literal(false), errors: z.array(z.object({ line: z.number().int(), column: z.string(), message: z.string() })) }),
]);

export const CsvImportResponseSchema = z.object({
  imported: z.number().int(),
  skippedDuplicates: z.number().int(),
  /** Rows left out on purpose: drafts, void or cancelled invoices, credit notes, zero amounts. */
  skipped: SkippedSchema,
});
