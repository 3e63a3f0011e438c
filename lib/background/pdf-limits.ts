/**
 * Size and time limits of PDF reading, in a module of their own: the message protocol (bundled into content
 * scripts) needs the sizes without pulling in the reader's schemas.
 */

/** 15 MB of PDF, the reader's own limit, is 20 MB of base64. */
export const MAX_PDF_BYTES = 15 * 1024 * 1024;
export const MAX_PDF_BASE64_CHARS = Math.ceil(MAX_PDF_BYTES / 3) * 4;
/** Whole read, including starting the reader; pdf.js itself gets a little less. */
export const PDF_READ_TIMEOUT_MS = 8000;
