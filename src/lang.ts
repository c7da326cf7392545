/** Language of a text: ISO 639-1 code, or null when the detector is not sure. */
import { eld } from 'eld/extrasmall';

// Fewer letters than this give eld too few n-grams to be reliable (its own isReliable() agrees).
const MIN_LETTERS = 20;
// Anchored, so one linear pass that stops at the MIN_LETTERS-th letter instead of collecting them all.
const ENOUGH_LETTERS = new RegExp(`^(?:\\P{L}*\\p{L}){${MIN_LETTERS}}`, 'u');

/**
 * eld's "extrasmall" database: chosen by scripts/lang-bench.ts (speed and accuracy on real paragraphs,
 * numbers in the README).
 */
export function detectLanguage(text: string): string | null {
  if (!ENOUGH_LETTERS.test(text)) return null;
  const result = eld.detect(text);
  if (result.language === '' || !result.isReliable()) return null;
  return result.language;
}
