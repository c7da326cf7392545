import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newLine } from '../src/doc.js';
import { FEATURE_NAMES, featureRows, lineStats } from '../src/model/features.js';
import { toDoc } from '../src/split-lines.js';

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

describe('block features', () => {
  const SENTENCE = 'The council met on Tuesday evening to discuss the new harbour plan for the town and its ferry.';
  const list = Array.from({ length: 20 }, (_, i) => `* Item ${i + 1}`);

  it('block_share: a section of text after a long list is a block of its own, as much text as the first', () => {
    const doc = toDoc([SENTENCE, SENTENCE, SENTENCE, ...list, SENTENCE, SENTENCE].join('\n'), 't');
    const rows = featureRows(doc.lines, doc.lines.map((line) => lineStats(line, 'en')));
    const densest = FEATURE_NAMES.indexOf('in_densest_block');
    const share = FEATURE_NAMES.indexOf('block_share');
    expect(rows.map((row) => row[densest])).toEqual([1, 1, 1, ...list.map(() => 0), 0, 0]);
    expect(rows[0][share]).toBe(1);
    expect(rows[23][share]).toBeCloseTo(2 / 3, 1);
    expect(rows[5][share]).toBe(0);
  });
});
