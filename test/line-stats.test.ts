import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newLine } from '../src/doc.js';
import { lineStats } from '../src/model/features.js';

/** charCounts by its definition, one regex per count (the code counts ASCII by a table). */
function reference(text: string) {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return {
    letters: count(/\p{L}/gu),
    digits: count(/\p{N}/gu),
    punctuation: count(/[\p{P}\p{S}]/gu),
    spaces: count(/ /g),
    capitalised: count(/(?:^|\s)\p{Lu}/gu),
    lower: /\p{Ll}/u.test(text),
    digitPair: /\d\d/u.test(text),
  };
}

// ASCII of every class, Latin and Greek capitals, digits of other scripts, CJK, symbols, unusual
// whitespace, an astral letter and emoji, and lone surrogates.
const PIECES = ['a', 'Z', '7', '0', ' ', '\t', '.', '~', '\x01', 'é', 'É', 'Ω', '٣', '中', '€', '\u00a0', '\u2003', '𝐀', '😀', '\ud800', '\udc00'];

describe('line stats', () => {
  it('counts characters as their Unicode properties define them', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(lineStats(newLine(1, text), 'en').counts).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});
