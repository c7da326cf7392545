import { InputError } from './errors.js';

/**
 * Bytes → text, the one place where encodings are decided:
 * BOM (UTF-8, UTF-16 LE/BE), else UTF-8 where the bytes are UTF-8 and windows-1252 for each byte
 * that is not (with a warning); then classic mojibake is repaired. Binary input is refused,
 * oversized input is cut.
 */

export interface Decoded {
  text: string;
  warnings: string[];
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** git's binary heuristic looks for a NUL in the first 8000 bytes; a later stray NUL is only stripped. */
const NUL_SCAN_BYTES = 8000;
/** Share of control characters is measured on this much of the start of the input. */
const CONTROL_SAMPLE = 64 * 1024;
/**
 * Text has almost no C0 controls besides tab and line ends, while random bytes have about 10 %
 * (27 of 256 values); half of that is far beyond any text and still catches compressed data.
 */
const CONTROL_SHARE_LIMIT = 0.05;

const SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
];

export function decodeBytes(bytes: Uint8Array, source: string, maxBytes: number): Decoded {
  const warnings: string[] = [];
  if (bytes.length === 0) return { text: '', warnings: [`${source}: empty input (0 bytes).`] };

  const signature = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (signature) throw new InputError(source, 'binary input', { offset: 0, detail: `${signature.name} file signature` });

  const { encoding, bomLength } = sniffBom(bytes);
  let body = bytes.subarray(bomLength);
  if (bytes.length > maxBytes) {
    const cut = cutAtBoundary(body, Math.max(0, maxBytes - bomLength), encoding);
    warnings.push(`${source}: input is longer than --max-bytes ${maxBytes}; cut at ${cut + bomLength} bytes.`);
    body = body.subarray(0, cut);
  }

  let text: string;
  if (encoding === 'utf-8') {
    refuseBinary((i) => body[i], body.length, source, (i) => i + bomLength);
    const decoded = decodeUtf8Or1252(body);
    text = decoded.text;
    if (decoded.firstBad >= 0) {
      const bytes = decoded.badBytes === 1 ? '1 byte' : `${decoded.badBytes} bytes`;
      warnings.push(
        `${source}: not valid UTF-8 (first bad byte at offset ${decoded.firstBad + bomLength}); ${bytes} decoded as windows-1252.`,
      );
    }
  } else {
    text = new TextDecoder(encoding).decode(body);
    refuseBinary((i) => text.charCodeAt(i), text.length, source, (i) => 2 * i + bomLength);
  }

  const repaired = repairMojibake(text);
  if (repaired.count > 0) {
    warnings.push(
      `${source}: repaired ${repaired.count} mojibake sequence${repaired.count === 1 ? '' : 's'} ` +
        `(such as "${repaired.example[0]}" → "${repaired.example[1]}").`,
    );
    text = repaired.text;
  }
  if (text.trim() === '') warnings.push(`${source}: empty input (no text).`);
  return { text, warnings };
}

function sniffBom(bytes: Uint8Array): { encoding: Encoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** The largest cut ≤ `max` that does not split a character (UTF-8 sequence or UTF-16 surrogate pair). */
export function cutAtBoundary(bytes: Uint8Array, max: number, encoding: Encoding): number {
  if (max >= bytes.length) return bytes.length;
  if (encoding === 'utf-8') {
    let cut = max;
    // At most 3 continuation bytes follow a lead byte; a longer run is not UTF-8 and any cut will do.
    while (cut > max - 3 && cut > 0 && (bytes[cut] & 0xc0) === 0x80) cut--;
    return (bytes[cut] & 0xc0) === 0x80 ? max : cut;
  }
  let cut = max - (max % 2);
  const high = encoding === 'utf-16le' ? bytes[cut - 1] : bytes[cut - 2];
  // A unit in D800–DBFF opens a surrogate pair: keep the pair together by dropping it.
  if (cut >= 2 && high >= 0xd8 && high <= 0xdb) cut -= 2;
  return cut;
}

/** Throws "binary input" on an early NUL or a high share of control characters (bytes or UTF-16 units). */
function refuseBinary(
  unitAt: (i: number) => number,
  length: number,
  source: string,
  byteOffsetOf: (i: number) => number,
): void {
  const sample = Math.min(length, CONTROL_SAMPLE);
  let controls = 0;
  for (let i = 0; i < sample; i++) {
    const unit = unitAt(i);
    if (unit === 0 && i < NUL_SCAN_BYTES) {
      throw new InputError(source, 'binary input', { offset: byteOffsetOf(i), detail: 'NUL byte' });
    }
    // Tab, line feed, vertical tab, form feed and carriage return are text, and ESC starts the
    // colour codes of text saved from a terminal.
    if (unit < 0x20 && (unit < 0x09 || unit > 0x0d) && unit !== 0x1b) controls++;
  }
  if (sample > 0 && controls / sample > CONTROL_SHARE_LIMIT) {
    const percent = Math.round((100 * controls) / sample);
    throw new InputError(source, 'binary input', { detail: `${percent} % control characters` });
  }
}

/**
 * A file that is UTF-8 but for a few bytes (a stray Latin-1 byte, a record cut mid-character) keeps
 * its UTF-8 text, Chinese or Cyrillic included; a windows-1252 file has almost no byte runs that are
 * valid UTF-8, so it comes out as windows-1252 all the same.
 */
function decodeUtf8Or1252(bytes: Uint8Array): { text: string; firstBad: number; badBytes: number } {
  const utf8 = new TextDecoder('utf-8');
  const parts: string[] = [];
  let firstBad = -1;
  let badBytes = 0;
  let from = 0;
  for (let bad = nextInvalidUtf8(bytes, 0); bad >= 0; bad = nextInvalidUtf8(bytes, bad + 1)) {
    if (firstBad < 0) firstBad = bad;
    badBytes++;
    if (bad > from) parts.push(utf8.decode(bytes.subarray(from, bad)));
    parts.push(CP1252_OF_BYTE[bytes[bad]]);
    from = bad + 1;
  }
  parts.push(utf8.decode(bytes.subarray(from)));
  return { text: parts.join(''), firstBad, badBytes };
}

/** Offset of the first byte that is not part of well-formed UTF-8 (as WHATWG's decoder sees it), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  return nextInvalidUtf8(bytes, 0);
}

function nextInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < lo || c > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

/** windows-1252 characters of the bytes 0x80–0x9F (five bytes are undefined there). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
/** windows-1252 as WHATWG reads it: ASCII, the table above, then Latin-1. */
const CP1252_OF_BYTE = Array.from({ length: 256 }, (_, b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)));
const BYTE_OF = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) BYTE_OF.set(String.fromCharCode(b), b);
for (let k = 0; k < CP1252_HIGH.length; k++) BYTE_OF.set(CP1252_HIGH[k], 0x80 + k);

/** A character that UTF-8 continuation bytes (0x80–0xBF) become when read as windows-1252 or Latin-1. */
const CONT = `[\\u0080-\\u00BF${CP1252_HIGH.replace(/[\u0080-\u009F]/g, '')}]`;
/** A UTF-8 lead byte read as windows-1252, followed by exactly its continuation bytes. Linear: fixed lengths. */
const MOJIBAKE = new RegExp(`[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`, 'g');

/**
 * Code points that real mojibake turns back into: Latin-1 and Latin Extended-A letters, Greek, Cyrillic,
 * typographic punctuation, € and ™, and emoji. Anything else (say `ß“` → U+07D3) is left alone,
 * because that pair is ordinary German text.
 */
function plausible(cp: number): boolean {
  return (
    (cp >= 0xa0 && cp <= 0x17f) ||
    (cp >= 0x370 && cp <= 0x45f) ||
    (cp >= 0x2010 && cp <= 0x2044) ||
    cp === 0x20ac ||
    cp === 0x2122 ||
    (cp >= 0x1f300 && cp <= 0x1faff)
  );
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Undo UTF-8 that was read as windows-1252 (`â€™` → `’`, `Ã©` → `é`), one sequence at a time. */
export function repairMojibake(text: string): { text: string; count: number; example: [string, string] } {
  let count = 0;
  let example: [string, string] = ['', ''];
  const out = text.replace(MOJIBAKE, (seq) => {
    // `Ä»`, `Ö«`: a capital before a guillemet is a quotation, while `Â»` and `Ã»` are real mojibake.
    if (seq.length === 2 && seq[0] > '\u00C3' && (seq[1] === '«' || seq[1] === '»')) return seq;
    const bytes = Uint8Array.from(seq, (ch) => BYTE_OF.get(ch) ?? 0);
    let fixed: string;
    try {
      fixed = strictUtf8.decode(bytes);
    } catch {
      return seq;
    }
    const cp = fixed.codePointAt(0) ?? 0;
    if (!plausible(cp)) return seq;
    if (count === 0) example = [seq, fixed];
    count++;
    return fixed;
  });
  return { text: out, count, example };
}
