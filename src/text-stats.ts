/**
 * Word statistics that work in every script: tokens, stopword density, spaceless scripts.
 * Hot path (once per line of every page): precompiled regexes and sets, one pass each.
 */
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };

/** Scripts written without spaces between words: one character is one token. */
export const SPACELESS_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
const SPACELESS_CHAR = new RegExp(`^[${SPACELESS_CLASS}]`, 'u');
const SPACELESS_ANY = new RegExp(`[${SPACELESS_CLASS}]`, 'gu');
const WORD_CHAR = `[[\\p{L}\\p{N}\\p{M}]--[${SPACELESS_CLASS}]]`;
// A spaceless character, or a word (inner apostrophes kept: "don't", "l’homme").
const TOKEN = new RegExp(`[${SPACELESS_CLASS}]|${WORD_CHAR}+(?:['’]${WORD_CHAR}+)*`, 'gv');
// The same tokens in lower-cased ASCII text (three lines in four of the dev corpus): the only word
// characters are [a-z0-9] and the only apostrophe is '. About 10 % faster than the `v` set difference.
const ASCII_TOKEN = /[a-z0-9]+(?:'[a-z0-9]+)*/g;
const NON_ASCII = /[^\x00-\x7f]/;
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
    lastTokens = lower.match(NON_ASCII.test(lower) ? TOKEN : ASCII_TOKEN) ?? [];
    lastText = text;
  }
  return lastTokens;
}

const stoplists = stopwordsIso as Record<string, string[]>;
const stopSets = new Map<string, Set<string>>();

// Without a language, count short words that are stopwords somewhere: function words are short
// in every language (Zipf's law of abbreviation), and the long entries of some lists are content words.
const FALLBACK_MAX_CHARS = 4;
let fallbackSet: Set<string> | null = null;

function fallbackStopwords(): Set<string> {
  if (fallbackSet) return fallbackSet;
  fallbackSet = new Set();
  for (const list of Object.values(stoplists)) {
    for (const word of list) if ([...word].length <= FALLBACK_MAX_CHARS) fallbackSet.add(word.toLowerCase());
  }
  return fallbackSet;
}

function stopwordsOf(lang: string | null): Set<string> {
  if (lang === null || !(lang in stoplists)) return fallbackStopwords();
  let set = stopSets.get(lang);
  if (!set) {
    set = new Set(stoplists[lang].map((w) => w.toLowerCase()));
    stopSets.set(lang, set);
  }
  return set;
}

/** Share of tokens that are stopwords of `lang` (stopwords-iso), or of any language when `lang` is unknown. */
export function stopwordRatio(text: string, lang: string | null): number {
  return stopwordShare(tokens(text), lang);
}

/** Share of the tokens that are stopwords of `lang` (stopwordRatio of tokens already at hand). */
export function stopwordShare(words: readonly string[], lang: string | null): number {
  if (words.length === 0) return 0;
  const set = stopwordsOf(lang);
  let count = 0;
  for (const word of words) if (set.has(word)) count++;
  return count / words.length;
}
