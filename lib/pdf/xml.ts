/**
 * Hardened XML loading for invoice XML (CII / UBL) taken from untrusted PDF attachments.
 *
 * Safety choices:
 * - a DOCTYPE is refused outright: CII and UBL are schema-based and never carry one, and the DOCTYPE
 *   is where entity bombs (billion laughs) and external entities (SYSTEM "file:///…") live;
 * - fast-xml-parser runs with entity processing off, so nothing is ever expanded by the parser;
 *   only the five predefined XML entities and numeric character references are decoded here;
 * - input above MAX_XML_CHARS is refused before parsing;
 * - tag values stay strings (no number coercion: "00123" is an invoice number, "1.10" an amount).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const MAX_XML_BYTES = 5 * 1024 * 1024;
/** One UTF-16 unit per byte at most for the ASCII-heavy XML we expect; same bound as bytes. */
export const MAX_XML_CHARS = MAX_XML_BYTES;

/** A parsed element as fast-xml-parser builds it: text, attributes under "@_", children by local name. */
export type XmlNode = string | { [key: string]: XmlValue };
export type XmlValue = XmlNode | XmlNode[];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

export function parseXmlSafely(xml: string): { root: string; node: XmlNode } | { error: string } {
  if (typeof xml !== 'string' || xml.trim() === '') return { error: 'the XML is empty' };
  if (xml.length > MAX_XML_CHARS) return { error: `the XML is too large (over ${MAX_XML_BYTES} bytes)` };
  if (/<!DOCTYPE/i.test(xml)) return { error: 'the XML declares a DOCTYPE, which invoice XML never does: refused' };
  try {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) return { error: `the XML is malformed: ${valid.err.msg} (line ${valid.err.line})` };
    const doc: unknown = parser.parse(xml);
    if (typeof doc !== 'object' || doc === null) return { error: 'the XML has no root element' };
    const roots = Object.keys(doc).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
    const root = roots[0];
    if (root === undefined || roots.length !== 1) return { error: 'the XML has no single root element' };
    const node = (doc as Record<string, XmlValue>)[root];
    if (node === undefined || Array.isArray(node)) return { error: 'the XML has no single root element' };
    return { root, node };
  } catch (error) {
    return { error: `the XML could not be parsed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** All children of `node` with this local name, in document order. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  if (node === undefined || typeof node === 'string') return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Follows a path of local names, taking the first match at each step. */
export function at(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let current = node;
  for (const name of path) {
    current = children(current, name)[0];
    if (current === undefined) return undefined;
  }
  return current;
}

/** The decoded, trimmed text of an element; undefined when absent or empty. */
export function textOf(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  const raw = typeof node === 'string' ? node : node['#text'];
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const text = decodeXmlEntities(String(raw)).trim();
  return text === '' ? undefined : text;
}

export function attrOf(node: XmlNode | undefined, name: string): string | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const value = node[`@_${name}`];
  return typeof value === 'string' ? decodeXmlEntities(value) : undefined;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references; anything else stays as written. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/** Decodes attachment bytes, honouring a BOM or a declared single-byte encoding; null if undecodable. */
export function decodeXmlBytes(bytes: Uint8Array): string | null {
  if (bytes.byteLength > MAX_XML_BYTES) return null;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    const declared = /<\?xml[^>]*encoding=["']([A-Za-z0-9_-]+)["']/.exec(head)?.[1]?.toLowerCase();
    if (declared && /^(iso-8859-1|latin1|windows-1252|cp1252|iso-8859-15)$/.test(declared)) {
      return new TextDecoder(declared).decode(bytes);
    }
    return new TextDecoder('utf-8').decode(bytes);
  } catch {
    return null;
  }
}
