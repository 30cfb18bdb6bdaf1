/**
 * Bytes -> text without assuming UTF-8. Order: byte-order mark, then the charset the document
 * declares (XML declaration or HTML meta, in the first bytes), then the HTTP header, then a
 * sniff of the bytes (valid UTF-8 stays UTF-8, else windows-1252, the WHATWG reading of
 * "latin1"). A declared UTF-8 that the bytes clearly are not (more invalid than valid multi-byte
 * sequences) is read as windows-1252 too: many servers label Latin-1 feeds as UTF-8.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding used, lower case (`utf-8`, `windows-1252`, `utf-16le` ...). */
  encoding: string;
  /** Where it came from. */
  source: 'bom' | 'document' | 'header' | 'sniffed';
}

/** Labels that WHATWG decodes as windows-1252. */
const LATIN1_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'latin-1',
  'l1',
  'us-ascii',
  'ascii',
  'cp1252',
]);

function normaliseLabel(label: string): string | null {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (!l) return null;
  if (l === 'utf8' || l === 'utf-8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (LATIN1_LABELS.has(l)) return 'windows-1252';
  if (l === 'utf-16' || l === 'utf16') return 'utf-16le';
  return iconv.encodingExists(l) ? l : null;
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m ? normaliseLabel(m[2]!) : null;
}

function declaredInDocument(head: string): string | null {
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return normaliseLabel(xml[1]!);
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (meta) return normaliseLabel(meta[1]!);
  return null;
}

/** Count well-formed and malformed UTF-8 multi-byte sequences. */
export function utf8Stats(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      invalid++;
      i++;
      continue;
    }
    if (i + need >= n) {
      // Truncated at the end of the buffer.
      invalid++;
      break;
    }
    let cp = b & (0x3f >> need);
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** Decode a fetched body. `contentType` is the HTTP header value, if any. */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8', source: 'bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', source: 'bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', source: 'bom' };
  }
  // Declarations are ASCII; latin1 reads any byte without failing.
  const head = buf.subarray(0, 4096).toString('latin1');
  const declared = declaredInDocument(head);
  const header = charsetFromContentType(contentType);
  let encoding = declared ?? header;
  let source: DecodedText['source'] = declared ? 'document' : header ? 'header' : 'sniffed';
  // Valid UTF-8 (most pages) is told natively; only other bytes are counted, in JS.
  if ((encoding === null || encoding === 'utf-8') && isUtf8(buf)) encoding = 'utf-8';
  else if (encoding === null || encoding === 'utf-8') {
    const { valid, invalid } = utf8Stats(buf);
    if (invalid > 0 && invalid >= valid) {
      encoding = 'windows-1252';
      source = 'sniffed';
    } else encoding = 'utf-8';
  }
  if (encoding === 'utf-8') return { text: buf.toString('utf8'), encoding, source };
  return { text: iconv.decode(buf, encoding), encoding, source };
}
