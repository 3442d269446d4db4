// Decoding an article file's bytes to text: UTF-8, UTF-16 with a BOM, or Windows-1252, and the
// one-line reasons a file is refused (empty, binary, too large, undecodable). Never imports vscode.

/** Files larger than this are refused as articles (a news article is a few KB). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** How an article's bytes were decoded. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Result of decoding one file's bytes: text and its encoding, or the reason it is not an article. */
export type DecodeResult = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; message: string };

/**
 * Decodes an article file's bytes. Accepts UTF-8 (BOM stripped), UTF-16 with a BOM, and
 * text that is not valid UTF-8 but reads as Windows-1252 (a superset of Latin-1; `encoding`
 * says so). Refuses empty or whitespace-only, binary (NUL bytes), oversized and undecodable
 * input with a one-line reason. Never throws.
 */
export function decodeArticle(bytes: Uint8Array, maxBytes: number = MAX_ARTICLE_BYTES): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: 'file is empty' };
  if (bytes.length > maxBytes) return { ok: false, message: tooLargeMessage(bytes.length, maxBytes) };
  const utf16 = decodeUtf16WithBom(bytes);
  if (utf16 === null) return { ok: false, message: 'file has a UTF-16 byte-order mark but is not valid UTF-16; re-save it as UTF-8' };
  if (utf16 !== undefined) return checkDecodedText(utf16.text, utf16.encoding);
  if (looksBinary(bytes)) return { ok: false, message: 'file looks binary (it contains NUL bytes), not text' };
  try {
    return checkDecodedText(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), 'utf-8');
  } catch {
    const cp1252 = decodeWindows1252(bytes);
    if (cp1252 !== undefined) return checkDecodedText(cp1252, 'windows-1252');
    return { ok: false, message: `file is neither valid UTF-8 (first bad byte at offset ${findInvalidUtf8(bytes)}) nor Western (Windows-1252) text; re-save it as UTF-8` };
  }
}

/** The message for a file over the size limit. */
export function tooLargeMessage(size: number, maxBytes: number): string {
  return `file is too large (${formatBytes(size)}; the limit is ${formatBytes(maxBytes)})`;
}

/** The decode result for decoded text: refused when blank. */
function checkDecodedText(text: string, encoding: TextEncodingName): DecodeResult {
  if (text.trim() === '') return { ok: false, message: 'file is empty (whitespace only)' };
  return { ok: true, text, encoding };
}

/** Text of a UTF-16 file with a BOM; undefined without a UTF-16 BOM; null when the bytes are not valid UTF-16. */
function decodeUtf16WithBom(bytes: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } | undefined | null {
  const le = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return undefined;
  const encoding = le ? 'utf-16le' : 'utf-16be';
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2)), encoding };
  } catch {
    return null;
  }
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the WHATWG index; 0 marks the five undefined
 * bytes). Every other byte is its Latin-1 code point. A table, because Node's TextDecoder
 * decodes the 'windows-1252' label as plain Latin-1, turning curly quotes into C1 controls.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Text of bytes read as Windows-1252, or undefined when they do not look like Western text:
 * an undefined byte, or so many high bytes (over a third) that it is more likely another
 * legacy encoding (Cyrillic, CJK) that would come out as gibberish.
 */
function decodeWindows1252(bytes: Uint8Array): string | undefined {
  let high = 0;
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b >= 0x80) high++;
    const c = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b;
    if (c === 0) return undefined;
    codes[i] = c;
  }
  if (high * 3 > bytes.length) return undefined;
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.subarray(i, i + 8192));
  return text;
}

/** True when the first 8 KB hold a NUL byte. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}

/** A byte count for messages: "1.5 MB" or "12 KB". */
function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
