import { z } from 'zod';
import { AddressSchema } from '../mail/record';

/**
 * One message as read from a webmail page: plain data, nothing that refers to the DOM.
 * Detection and extraction only ever see this (turned into an EmailRecord), never an Element.
 */
export const SnapshotAttachmentSchema = z.object({
  filename: z.string().max(500),
  contentType: z.string().max(200).nullable(),
  size: z.number().int().nonnegative().nullable(),
  /**
   * A same-origin URL the webmail itself serves to the signed-in user for this attachment's bytes, or null when the
   * page does not expose one (then extraction falls back to the body and says so).
   */
  downloadUrl: z.string().max(4000).nullable(),
});
export type SnapshotAttachment = z.infer<typeof SnapshotAttachmentSchema>;

export const EmailSnapshotSchema = z.object({
  webmail: z.enum(['gmail', 'outlook']),
  /** Stable id of the message in this webmail; null for a message being sent (not yet in the thread). */
  messageId: z.string().max(300).nullable(),
  /** Stable id of the conversation; null when unknown (e.g. a new compose window). */
  threadId: z.string().max(300).nullable(),
  /** `sent` when the signed-in user wrote it. */
  direction: z.enum(['sent', 'received']),
  from: AddressSchema,
  to: z.array(AddressSchema).max(500),
  cc: z.array(AddressSchema).max(500),
  subject: z.string().max(5000),
  /** ISO instant when known. */
  date: z.string().max(40).nullable(),
  /** The message's own text (rendered as text; quoted history may still be inside, lib/ strips it). */
  text: z.string().max(500_000),
  attachments: z.array(SnapshotAttachmentSchema).max(50),
  /** How it was caught: while sending from a compose window or inline reply, or seen in an opened thread. */
  via: z.enum(['send', 'thread']),
});
export type EmailSnapshot = z.infer<typeof EmailSnapshotSchema>;
