import { z } from 'zod';

/**
 * One email as plain data: what a webmail adapter produces from the page and what the evaluation
 * corpus holds (../shared/eval/README.md). Detection and extraction only ever see this, never an Element.
 */
export const AddressSchema = z.object({
  name: z.string().nullable().optional(),
  email: z.string(),
});
export type Address = z.infer<typeof AddressSchema>;

export const AttachmentSchema = z.object({
  filename: z.string(),
  contentType: z.string().nullable().optional(),
  size: z.number().nullable().optional(),
  /** Relative path in the corpus (CLI only); null when the content is not available. */
  path: z.string().nullable().optional(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const EmailRecordSchema = z.object({
  id: z.string().min(1),
  direction: z.enum(['sent', 'received']),
  /** ISO-8601 instant (UTC). */
  date: z.string(),
  from: AddressSchema,
  to: z.array(AddressSchema).default([]),
  cc: z.array(AddressSchema).default([]),
  subject: z.string().default(''),
  text: z.string().default(''),
  html: z.string().nullable().optional(),
  attachments: z.array(AttachmentSchema).default([]),
});
export type EmailRecord = z.infer<typeof EmailRecordSchema>;

/** An attachment whose bytes were read (PDF), handed to extraction next to the record. */
export interface AttachmentContent {
  filename: string;
  bytes: Uint8Array | null;
  /** Why the bytes are missing, when they are. */
  unreadable?: string;
}
