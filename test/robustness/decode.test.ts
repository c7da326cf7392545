import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAtBoundary, decodeBytes, firstInvalidUtf8, repairMojibake } from '../../src/decode.js';
import { InputError } from '../../src/errors.js';

const MAX = 1024 * 1024;
const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

function refusal(input: Uint8Array): InputError {
  try {
    decodeBytes(input, 'x.txt', MAX);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('decodeBytes: encodings', () => {
  it('reads plain UTF-8 without warnings', () => {
    expect(decodeBytes(utf8('Grüße, “friends”\n'), 'a.txt', MAX)).toEqual({ text: 'Grüße, “friends”\n', warnings: [] });
  });

  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], 'héllo'), 'a.txt', MAX)).toEqual({ text: 'héllo', warnings: [] });
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    const text = 'שלום, world ✓ 𝄞';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeBytes(le, 'le.txt', MAX).text).toBe(text);
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'be.txt', MAX).text).toBe(text);
  });

  it('falls back to windows-1252 on invalid UTF-8 and names the source and the offset', () => {
    const latin = iconv.encode('Café “déjà vu” – 5 €', 'windows-1252');
    const { text, warnings } = decodeBytes(latin, 'old.txt', MAX);
    expect(text).toBe('Café “déjà vu” – 5 €');
    expect(warnings).toEqual(['old.txt: not valid UTF-8 (first bad byte at offset 3); 7 bytes decoded as windows-1252.']);
  });

  it('keeps the UTF-8 text of a file with a few bad bytes, and reads only those as windows-1252', () => {
    const mixed = bytes('東京 — Москва ', [0xe9], ' fin', [0xe2, 0x82]);
    const { text, warnings } = decodeBytes(mixed, 'mixed.txt', MAX);
    expect(text).toBe('東京 — Москва é finâ‚');
    expect(warnings).toEqual(['mixed.txt: not valid UTF-8 (first bad byte at offset 24); 3 bytes decoded as windows-1252.']);
  });

  it('repairs classic mojibake and says so', () => {
    const { text, warnings } = decodeBytes(utf8('It’s a cafÃ© â€œtreatâ€\u009d Â»'), 'm.txt', MAX);
    expect(text).toBe('It’s a café “treat” »');
    expect(warnings).toEqual(['m.txt: repaired 4 mojibake sequences (such as "Ã©" → "é").']);
  });

  it('leaves ordinary accented text alone', () => {
    for (const text of ['Straß“ zu', 'Ça va? Élan, Ñandú, «È»', 'São Paulo, façade, naïve', 'Ärger «Ä»', '«ÖÖ»']) {
      expect(repairMojibake(text).count).toBe(0);
    }
  });

  it('validates UTF-8 exactly like the WHATWG decoder', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        let valid = true;
        try {
          strict.decode(b);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(b) === -1).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('decodeBytes: binary input', () => {
  it.each([
    ['PDF', bytes('%PDF-1.7\n%âãÏÓ\n')],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['GIF', bytes('GIF89a')],
    ['ZIP', bytes([0x50, 0x4b, 0x03, 0x04, 20, 0])],
    ['gzip', bytes([0x1f, 0x8b, 8, 0])],
  ])('refuses a %s file by its signature', (name, input) => {
    const error = refusal(input);
    expect(error.reason).toBe('binary input');
    expect(error.message).toBe(`x.txt: binary input at byte 0 (${name} file signature).`);
  });

  it('refuses a NUL byte near the start, with its offset', () => {
    const error = refusal(bytes('hello', [0], 'world'));
    expect(error.message).toBe('x.txt: binary input at byte 5 (NUL byte).');
    expect(error.offset).toBe(5);
  });

  it('refuses a high share of control characters', () => {
    const noisy = bytes(...Array.from({ length: 50 }, () => 'abcdefghijklmno\u0001\u0002'));
    expect(refusal(noisy).message).toMatch(/^x\.txt: binary input \(12 % control characters\)\.$/);
  });

  it('accepts tabs, form feeds and terminal colour codes, however dense', () => {
    const text = `${'a\tline of text\f\n'.repeat(20)}\u001b[31mred\u001b[0m \u001b[1mb\u001b[0m\n`;
    expect(decodeBytes(utf8(text), 'x.txt', MAX).text).toBe(text);
  });

  it('refuses NULs in UTF-16 text too', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab\u0000cd', 'utf16le')]);
    expect(refusal(le).message).toBe('x.txt: binary input at byte 6 (NUL byte).');
  });
});

describe('decodeBytes: size', () => {
  it('returns an empty text with a warning for an empty input', () => {
    expect(decodeBytes(new Uint8Array(0), 'e.txt', MAX)).toEqual({ text: '', warnings: ['e.txt: empty input (0 bytes).'] });
    expect(decodeBytes(bytes(' \n\n'), 'e.txt', MAX).warnings).toEqual(['e.txt: empty input (no text).']);
  });

  it('cuts at max bytes on a character boundary, with a warning', () => {
    const { text, warnings } = decodeBytes(utf8('aaaé€'), 'big.txt', 7);
    expect(text).toBe('aaaé');
    expect(warnings).toEqual(['big.txt: input is longer than --max-bytes 7; cut at 5 bytes.']);
  });

  it('never splits a character at the cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '€', '𝄞', ' ', '\n'), maxLength: 30 }), fc.nat(120), (s, max) => {
        const encoded = utf8(s);
        const { text } = decodeBytes(encoded, 's', Math.max(1, max));
        expect(s.startsWith(text)).toBe(true);
        const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
        expect(s.startsWith(new TextDecoder('utf-16le').decode(le.subarray(2, 2 + cutAtBoundary(le.subarray(2), max, 'utf-16le'))))).toBe(true);
      }),
    );
  });

  it('cuts a 100 MB single line without decoding all of it', () => {
    const huge = new Uint8Array(100 * 1024 * 1024).fill(0x61);
    const before = process.memoryUsage().heapUsed;
    const { text, warnings } = decodeBytes(huge, 'huge.txt', 1024 * 1024);
    expect(text.length).toBe(1024 * 1024);
    expect(warnings).toEqual(['huge.txt: input is longer than --max-bytes 1048576; cut at 1048576 bytes.']);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 1024 * 1024);
  });
});
