/**
 * Language of a text: ISO 639-1 code, or null when the detector is not sure.
 *
 * eld's detect() with its own database, steps and LanguageResult, scored faster: eld reads its
 * n-gram table with `for…in` over one object per n-gram and keys its n-gram set on a plain object,
 * which made language detection about 15 % of the CPU time of a benchmark page. Here each n-gram's
 * (language, score) pairs are copied once into an Int32Array and the set is a Set; the integer sums,
 * and so every answer, are eld's (test/lang-eld.test.ts compares them on generated text).
 * The modules are eld's own files next to its "extrasmall" entry, which its package exports do not
 * list by name.
 */
const eldEntry = import.meta.resolve('eld/extrasmall');
const eldFile = async (name: string) => import(new URL(name, eldEntry).href);
const { ngramsData } = (await eldFile('../ngrams/extrasmall.js')) as {
  ngramsData: { languages: Record<number, string>; ngrams: Record<string, Record<string, number>> };
};
const { dictionary } = (await eldFile('../dictionary.js')) as { dictionary: string[] };
const { separators } = (await eldFile('../regexPatterns.js')) as { separators: RegExp };
const { avgScore } = (await eldFile('../avgScore.js')) as { avgScore: Record<string, number> };
const { LanguageResult } = (await eldFile('../LanguageResult.js')) as {
  LanguageResult: new (language: string, results: number[], numNgrams: number, langCodes: Record<number, string>) => EldResult;
};

/** eld's result: the language ('' for none), its scores and whether the guess is reliable. */
export interface EldResult {
  language: string;
  getScores(): Record<string, number>;
  isReliable(): boolean;
}

// Fewer letters than this give eld too few n-grams to be reliable (its own isReliable() agrees).
const MIN_LETTERS = 20;
// Anchored, so one linear pass that stops at the MIN_LETTERS-th letter instead of collecting them all.
const ENOUGH_LETTERS = new RegExp(`^(?:\\P{L}*\\p{L}){${MIN_LETTERS}}`, 'u');

// eld's constants (languageDetector.js): it reads the first characters of a text, and the words of
// its first bytes, cutting at a space after CUT_AFTER bytes or anywhere after ENFORCE_CUT_AFTER.
const ELD_MAX_CHARS = 1000;
const CUT_AFTER = 350;
const ENFORCE_CUT_AFTER = 380;
const MAX_WORD_BYTES = 70;
// eld stores each score less this minimum, to keep its database small.
const BASE_NGRAM_SCORE = 53;

const languageCount = Object.keys(ngramsData.languages).length;
/** Per n-gram: language index and full score, alternating; filled on first use (at most the database's keys). */
const scoresOf = new Map<string, Int32Array>();

function ngramScores(ngram: string): Int32Array | undefined {
  const kept = scoresOf.get(ngram);
  if (kept !== undefined || !Object.hasOwn(ngramsData.ngrams, ngram)) return kept;
  const entry = ngramsData.ngrams[ngram];
  const langs = Object.keys(entry);
  const pairs = new Int32Array(langs.length * 2);
  langs.forEach((lang, i) => {
    pairs[2 * i] = Number(lang);
    pairs[2 * i + 1] = entry[lang] + BASE_NGRAM_SCORE;
  });
  scoresOf.set(ngram, pairs);
  return pairs;
}

/** eld's strToUtf8Bytes: the words of the text, each UTF-8 byte written as one character of eld's dictionary. */
function byteWords(text: string): string[] {
  const words: string[] = [];
  let encoded = '';
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code === 32) {
        if (encoded !== '') {
          words.push(encoded);
          encoded = '';
        }
        if (bytes > CUT_AFTER) break;
      } else {
        encoded += text[i];
      }
      bytes++;
    } else if (code < 0x800) {
      encoded += dictionary[0xc0 | (code >> 6)] + dictionary[0x80 | (code & 0x3f)];
      bytes += 2;
    } else if (code < 0xd800 || code >= 0xe000) {
      encoded += dictionary[0xe0 | (code >> 12)] + dictionary[0x80 | ((code >> 6) & 0x3f)] + dictionary[0x80 | (code & 0x3f)];
      bytes += 3;
    } else {
      i++;
      code = 0x10000 + (((code & 0x3ff) << 10) | (text.charCodeAt(i) & 0x3ff));
      encoded +=
        dictionary[0xf0 | (code >> 18)] +
        dictionary[0x80 | ((code >> 12) & 0x3f)] +
        dictionary[0x80 | ((code >> 6) & 0x3f)] +
        dictionary[0x80 | (code & 0x3f)];
      bytes += 4;
    }
    if (bytes > ENFORCE_CUT_AFTER) break;
  }
  if (encoded !== '') words.push(encoded);
  return words;
}

/** eld's getByteNgrams: 4-byte n-grams at a stride of 3, marked with a space at a word's start and end. */
function byteNgrams(words: string[]): Set<string> {
  const ngrams = new Set<string>();
  for (const word of words) {
    const length = Math.min(word.length, MAX_WORD_BYTES);
    let j = 0;
    for (; j + 4 < length; j += 3) ngrams.add((j === 0 ? ' ' : '') + word.substring(j, j + 4));
    ngrams.add(`${j === 0 ? ' ' : ''}${word.substring(length !== 3 ? length - 4 : 0)} `);
  }
  return ngrams;
}

interface NgramTotals {
  /** Summed n-gram score per language index. */
  scores: number[];
  /** Distinct n-grams of the text. */
  ngrams: number;
  /** The language with the highest score (the first on a tie), or -1 when none scored. */
  best: number;
}

function ngramTotals(text: string): NgramTotals {
  const words = byteWords(text.substring(0, ELD_MAX_CHARS).replace(separators, ' ').trim().toLowerCase());
  const ngrams = byteNgrams(words);
  const scores = new Array<number>(languageCount).fill(0);
  for (const ngram of ngrams) {
    const pairs = ngramScores(ngram);
    if (pairs === undefined) continue;
    for (let k = 0; k < pairs.length; k += 2) scores[pairs[k]] += pairs[k + 1];
  }
  let best = -1;
  for (let lang = 0, max = 0; lang < languageCount; lang++) {
    if (scores[lang] > max) {
      max = scores[lang];
      best = lang;
    }
  }
  return { scores, ngrams: ngrams.size, best };
}

/** eld.detect(text), with eld's result: the language with the highest score (the first on a tie). */
export function eldDetect(text: string): EldResult {
  const { scores, ngrams, best } = ngramTotals(text);
  if (best === -1) return new LanguageResult('', [], 0, {});
  return new LanguageResult(ngramsData.languages[best], scores, ngrams, ngramsData.languages);
}

// eld's LanguageResult: a score is scaled as s / (s + SCORE_SCALE) with s the score per n-gram, and
// a guess is reliable when it reaches RELIABLE_SHARE of the language's average score.
const SCORE_SCALE = 25;
const RELIABLE_SHARE = 0.75;
const MIN_RELIABLE_NGRAMS = 3;
const MIN_MARGIN = 0.01;

/**
 * eld's `isReliable()` without its sorted list of every language's scaled score (a fifth of the
 * detection's time): only the first two of that list are read. As in eld, the "next score" it
 * compares with is the second language's index, not its score; kept, so that every answer is eld's.
 */
function reliable({ scores, ngrams, best }: NgramTotals): boolean {
  if (ngrams < MIN_RELIABLE_NGRAMS) return false;
  // The first two of the scaled scores sorted high to low, ties in language order (a stable sort).
  let first = -1;
  let firstScaled = 0;
  let second = -1;
  let secondScaled = 0;
  for (let lang = 0; lang < languageCount; lang++) {
    if (scores[lang] <= 0) continue;
    const perNgram = scores[lang] / ngrams;
    const scaled = perNgram / (perNgram + SCORE_SCALE);
    if (first === -1 || scaled > firstScaled) {
      second = first;
      secondScaled = firstScaled;
      first = lang;
      firstScaled = scaled;
    } else if (second === -1 || scaled > secondScaled) {
      second = lang;
      secondScaled = scaled;
    }
  }
  const nextScore = second === -1 ? 0 : second;
  return !(avgScore[ngramsData.languages[best]] * RELIABLE_SHARE > firstScaled || MIN_MARGIN > Math.abs(firstScaled - nextScore));
}

/** eld's guess for the text when eld calls it reliable, else null (eldDetect's language and isReliable()). */
export function eldLanguage(text: string): string | null {
  const totals = ngramTotals(text);
  if (totals.best === -1 || !reliable(totals)) return null;
  return ngramsData.languages[totals.best];
}

/**
 * eld's "extrasmall" database: chosen by scripts/lang-bench.ts (speed and accuracy on real paragraphs,
 * numbers in the README).
 */
export function detectLanguage(text: string): string | null {
  if (!ENOUGH_LETTERS.test(text)) return null;
  return eldLanguage(text);
}
