import type { Cleaner } from '../cleaner.js';
import type { Doc } from '../doc.js';

/**
 * C1 controls in text are almost always windows-1252 bytes read as Latin-1; map them back
 * (0x80 → €, 0x92 → ’). The five bytes that windows-1252 leaves undefined are dropped.
 */
const CP1252_C1 = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';
const C1 = /[\u0080-\u009f]/g;
/**
 * Terminal escape sequences (a page saved from a terminal, or a hostile one): CSI (`ESC [ … m`) and
 * terminated OSC/DCS strings go whole, so no `[31m` is left behind. Unterminated strings are not
 * removed past their ESC, so no text is lost. One quantifier per class: linear.
 */
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
/**
 * Invisible characters: C0 controls and DEL, zero-width space, word joiner, BOM, Mongolian vowel
 * separator, soft hyphen, and bidi marks, embeddings, overrides and isolates (the letters of
 * right-to-left scripts are kept; only the invisible direction controls go).
 */
const INVISIBLE = /[\u0000-\u001f\u007f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/**
 * Zero-width (non-)joiners carry meaning between letters (Persian, Indic scripts) and inside emoji
 * sequences; anywhere else they are noise. One-character lookarounds keep this linear.
 */
const STRAY_JOINER =
  /(?<![\p{L}\p{M}\p{Extended_Pictographic}])[\u200c\u200d]|[\u200c\u200d](?![\p{L}\p{M}\p{Extended_Pictographic}])/gu;
/** Runs of two or more, or one that is not a plain space: replacing every single space costs 20× more. */
const SPACES = /\s{2,}|[^\S ]/g;

/**
 * Printable ASCII without a double space (most lines): none of the rules below changes it and NFC
 * is the identity, so only the trim is left.
 */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** The normalisation every line gets; other cleaners and the properties in the tests rely on exactly this. */
export function tidyLine(text: string): string {
  if (PLAIN_ASCII.test(text) && !text.includes('  ')) return text.trim();
  return text
    .replace(ANSI, '')
    .replace(C1, (c) => CP1252_C1[c.charCodeAt(0) - 0x80])
    .replace(INVISIBLE, (c) => (c === '\t' ? ' ' : ''))
    .replace(STRAY_JOINER, '')
    .replace(SPACES, ' ')
    .normalize('NFC')
    .trim();
}

export const tidyText: Cleaner = {
  id: 'tidy-text',
  description: 'Unicode NFC, no zero-width or control characters, whitespace collapsed; lines left empty are dropped.',
  run(doc: Doc): void {
    const kept = [];
    let carriedBlanks = 0;
    for (const line of doc.lines) {
      line.text = tidyLine(line.text);
      if (line.text === '') {
        // A line of only invisible characters reads as a blank line.
        carriedBlanks += line.blankBefore + 1;
        continue;
      }
      line.blankBefore += carriedBlanks;
      carriedBlanks = 0;
      kept.push(line);
    }
    doc.lines = kept;
  },
};
