/**
 * Word statistics that work in every script: tokens, stopword density, spaceless scripts.
 * Hot path (once per line of every page): precompiled regexes and sets, one pass each.
 */
import { FALLBACK_MAX_CHARS, stopwordsOf } from './stoplists.js';

/** Scripts written without spaces between words: one character is one token. */
// The long-vowel mark ー (U+30FC) is a letter of katakana words, though its script is Common.
export const SPACELESS_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
const SPACELESS_CHAR = new RegExp(`^[${SPACELESS_CLASS}]`, 'u');
const SPACELESS_ANY = new RegExp(`[${SPACELESS_CLASS}]`, 'gu');
const WORD_CHAR = `[[\\p{L}\\p{N}\\p{M}]--[${SPACELESS_CLASS}]]`;
// A spaceless character, or a word (inner apostrophes kept: "don't", "l’homme").
const TOKEN = new RegExp(`[${SPACELESS_CLASS}]|${WORD_CHAR}+(?:['’]${WORD_CHAR}+)*`, 'gv');
// In lower-cased ASCII text (three lines in four of the dev corpus) the only word characters are
// [a-z0-9] and the only apostrophe is ': there a token is `[a-z0-9]+(?:'[a-z0-9]+)*`, found by asciiTokens.
const ASCII_WORD = new Uint8Array(128);
for (let code = 0; code < 128; code++) ASCII_WORD[code] = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) ? 1 : 0;
const APOSTROPHE = 0x27;
/** A character outside ASCII: lines without one (most of them) take the cheaper ASCII paths. */
export const NON_ASCII = /[^\x00-\x7f]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/**
 * The number of parts `text.split(' ')` gives, counted without building them and no further than
 * `cap + 1`: word-count thresholds run on every line, and long lines would allocate arrays for nothing.
 */
export function spacedParts(text: string, cap = Infinity): number {
  let parts = 1;
  for (let i = text.indexOf(' '); i >= 0 && parts <= cap; i = text.indexOf(' ', i + 1)) parts++;
  return parts;
}

/**
 * Words of a line for length thresholds: `spacedParts` in spaced scripts, and in a line mostly of a
 * spaceless script (where spacedParts sees one part) its characters over the word length (wordCount).
 * Past `cap` the count is only known to be over it, as with spacedParts.
 */
export function lineWords(text: string, cap = Infinity): number {
  const parts = spacedParts(text, cap);
  // Over the cap either way: a long line is not scanned for its script.
  if (parts > cap || !isSpaceless(text)) return parts;
  return Math.max(parts, wordCount(tokens(text)));
}

/** A letter of any script; a letter or a digit. */
export const LETTER_RE = /\p{L}/u;
export const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/u;

const LETTER_AT = /\p{L}/uy;
const SPACE_AT = /\s/uy;

export interface LetterCounts {
  /** Code points that are letters (`\p{L}`). */
  letters: number;
  /** Code points that are not white space (`\S`). */
  nonSpace: number;
}

/** Per ASCII code, 1 for a letter and 1 for a character that is not white space (`\s`). */
const ASCII_LETTER = new Uint8Array(128);
const ASCII_NON_SPACE = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const lower = code | 0x20;
  ASCII_LETTER[code] = lower >= 0x61 && lower <= 0x7a ? 1 : 0;
  ASCII_NON_SPACE[code] = code !== 0x20 && (code < 0x09 || code > 0x0d) ? 1 : 0;
}

/**
 * Letters and non-space characters of `text`, by code point, in one pass: ASCII by a table (adding
 * its entries took a fifth less time than testing ranges on the benchmark's lines), the rest by the
 * regexes at that position. `text.match(/\p{L}/gu)` builds one string per letter; on the lines of the dev corpus
 * this counts the same in a sixth of the time.
 */
export function letterCounts(text: string): LetterCounts {
  let letters = 0;
  let nonSpace = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      letters += ASCII_LETTER[code];
      nonSpace += ASCII_NON_SPACE[code];
      continue;
    }
    LETTER_AT.lastIndex = i;
    SPACE_AT.lastIndex = i;
    if (LETTER_AT.test(text)) letters++;
    if (!SPACE_AT.test(text)) nonSpace++;
    if ((text.codePointAt(i) as number) > 0xffff) i++;
  }
  return { letters, nonSpace };
}

/** Whether the first character of `text` belongs to a script written without spaces. */
export function isSpacelessChar(text: string): boolean {
  return SPACELESS_CHAR.test(text);
}

// Over half of the letters in Han, kana, Thai, Lao, Khmer or Myanmar: the line is spaceless text.
const SPACELESS_SHARE = 0.5;

/** Whether most letters of the text are in scripts written without spaces (Chinese, Japanese, Thai...). */
export function isSpaceless(text: string): boolean {
  const spaceless = text.match(SPACELESS_ANY)?.length ?? 0;
  if (spaceless === 0) return false;
  const letters = text.match(LETTER_OR_DIGIT)?.length ?? 0;
  return spaceless > letters * SPACELESS_SHARE;
}

// The line model asks for a line's tokens and then for its stopword ratio: the last result is kept
// so that each line is tokenised once. Shared, hence read-only.
let lastText = '';
let lastTokens: readonly string[] = [];

/** Lower-cased word tokens; in spaceless scripts each character is one token. */
export function tokens(text: string): readonly string[] {
  if (text !== lastText) {
    const lower = text.toLowerCase();
    lastTokens = asciiTokens(lower) ?? lower.match(TOKEN) ?? [];
    lastText = text;
  }
  return lastTokens;
}

/**
 * The tokens of lower-cased ASCII text (`[a-z0-9]+(?:'[a-z0-9]+)*`), or null at the first character
 * outside ASCII. One pass instead of a scan for such a character and a regex match: on the benchmark's
 * lines a fifth less time.
 */
function asciiTokens(lower: string): string[] | null {
  const found: string[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const code = lower.charCodeAt(i);
    if (code >= 0x80) return null;
    if (ASCII_WORD[code] === 0) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < n && ASCII_WORD[lower.charCodeAt(i)] === 1) i++;
      if (i + 1 < n && lower.charCodeAt(i) === APOSTROPHE && ASCII_WORD[lower.charCodeAt(i + 1)] === 1) {
        i += 2;
        continue;
      }
      break;
    }
    found.push(lower.slice(start, i));
  }
  return found;
}

/** Share of tokens that are stopwords of `lang` (see stoplists.ts), or of any language when `lang` is unknown. */
export function stopwordRatio(text: string, lang: string | null): number {
  return stopwordShare(tokens(text), lang);
}

/**
 * Characters per word in scripts written without spaces, so that a line's word count means the same
 * in every script: segmented Chinese averages 1.5–1.7 characters a word and Japanese about 2
 * (particles of one kana, verbs with their endings); Thai, Lao, Khmer and Myanmar spell a word with
 * 4–6 code points, vowel marks included. Without this, a menu item of four Han characters counts as
 * four words, as many as an English phrase.
 */
const HAN_KANA_CHARS_PER_WORD = 1.8;
const SOUTHEAST_ASIAN_CHARS_PER_WORD = 5;
/** The first code point of the spaceless scripts (Thai, U+0E00); ASCII and most alphabets lie below. */
const FIRST_SPACELESS = 0x0e00;
/** Lao, Myanmar and Khmer lie between Thai and the Han and kana blocks. */
const LAST_SOUTHEAST_ASIAN = 0x17ff;

/** Words a token stands for: 1, or a share of one for a character of a spaceless script. */
function wordWeight(token: string): number {
  const code = token.charCodeAt(0);
  if (code < FIRST_SPACELESS || !SPACELESS_CHAR.test(token)) return 1;
  return code <= LAST_SOUTHEAST_ASIAN ? 1 / SOUTHEAST_ASIAN_CHARS_PER_WORD : 1 / HAN_KANA_CHARS_PER_WORD;
}

/**
 * The number of words of a line's tokens: the token count in spaced scripts, characters divided by
 * the word length in spaceless ones (rounded, and at least one when there are tokens).
 */
export function wordCount(words: readonly string[]): number {
  let whole = 0;
  let spaceless = 0;
  for (const word of words) {
    const weight = wordWeight(word);
    if (weight === 1) whole++;
    else spaceless += weight;
  }
  if (spaceless === 0) return whole;
  return Math.max(1, whole + Math.round(spaceless));
}

/** Stopwords of spaceless scripts are matched over at most this many characters (FALLBACK_MAX_CHARS). */
const MAX_SPACELESS_STOPWORD = FALLBACK_MAX_CHARS;

/**
 * Share of the words that are stopwords of `lang` (stopwordRatio of tokens already at hand). In a
 * spaceless script each character is a token, so a run of them is matched against the stoplist
 * longest first (`から`, `一些` are stopwords, their characters alone are not all), and the share is
 * of the characters they cover, on the scale of wordCount.
 */
export function stopwordShare(words: readonly string[], lang: string | null): number {
  if (words.length === 0) return 0;
  const set = stopwordsOf(lang);
  let count = 0;
  let spaceless = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (wordWeight(word) === 1) {
      if (set.has(word)) count++;
      continue;
    }
    spaceless = true;
    const match = longestStopword(words, i, set);
    // Counted by the characters it covers: the lists hold hundreds of one-character words, so
    // counting matches would read most characters of a Chinese sentence as whole stopwords.
    count += match * wordWeight(word);
    i += Math.max(0, match - 1);
  }
  if (!spaceless) return count / words.length;
  return Math.min(1, count / wordCount(words));
}

/** Length in tokens of the longest stopword made of the spaceless tokens from i on, or 0. */
function longestStopword(words: readonly string[], i: number, set: Set<string>): number {
  let end = i;
  while (end < words.length && end - i < MAX_SPACELESS_STOPWORD && wordWeight(words[end]) !== 1) end++;
  for (let len = end - i; len >= 1; len--) {
    if (set.has(len === 1 ? words[i] : words.slice(i, i + len).join(''))) return len;
  }
  return 0;
}
