import { eld } from 'eld/extrasmall';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eldDetect, eldLanguage } from '../src/lang.js';

// Words of random letters in several scripts (so n-gram sets keep growing and texts reach eld's
// byte cut-offs), joined by spaces, punctuation, apostrophes, digits and astral characters.
const LETTERS = [...'abcdefghijklmnopqrstuvwxyzäöüßéèàçñãõłąęśżабвгдежзийклмнопрстуκήποςحديقةבית春菜园になったगीचा', '𝒢', '𝓇'];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '\n', "'", '’', ' 12:30 ', ' https://example.com/a?b=1 ', ' — ', '😀'];
const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 14 }).map((letters) => letters.join(''));
const wordText = fc
  .array(fc.tuple(word, fc.constantFrom(...SEPARATORS)), { maxLength: 250, size: 'max' })
  .map((parts) => parts.map(([w, separator]) => w + separator).join(''));

function sameAsEld(text: string): void {
  const ours = eldDetect(text);
  const theirs = eld.detect(text);
  expect(ours.language).toBe(theirs.language);
  expect(ours.getScores()).toEqual(theirs.getScores());
  expect(ours.isReliable()).toBe(theirs.isReliable());
  expect(eldLanguage(text)).toBe(theirs.language !== '' && theirs.isReliable() ? theirs.language : null);
}

describe('eldDetect', () => {
  it("gives eld.detect()'s language, scores and reliability on text of words", () => {
    fc.assert(fc.property(wordText, sameAsEld), { numRuns: 1000 });
  });

  it("gives eld.detect()'s language, scores and reliability on any string", () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 1500, size: 'max' }), sameAsEld), { numRuns: 1000 });
  });
});
