/**
 * Whether an attachment is a PDF, by its name or its media type ("application/pdf", with or without parameters).
 * One rule for the content script (which PDFs to download), the background (which bytes to read) and understanding.
 */
export function isPdfAttachment(a: { filename: string; contentType?: string | null }): boolean {
  return /\.pdf$/i.test(a.filename) || /^application\/pdf\b/i.test(a.contentType ?? '');
}
