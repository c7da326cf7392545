import type { Cleaner } from '../cleaner.js';
import { detectLanguage } from '../lang.js';
import { isSpaceless, letterCounts, NON_ASCII } from '../text-stats.js';

// Enough text for a reliable guess and cheap on huge pages: eld is sure of a language from a few
// hundred characters; 3 kB of the longest lines keeps menus and short junk out of the sample.
const SAMPLE_CHARS = 3000;
// Lines shorter than this are mostly menus, buttons and dates, whose words mislead the detector.
const MIN_SENTENCE_CHARS = 40;
const MIN_SPACELESS_SENTENCE_CHARS = 15;
/**
 * The longest lines of a page are often no prose at all: lynx's `IFRAME: <ad URL>` lines, rules of
 * underscores, tracking parameters. A sentence has letters in at least this share of its characters
 * (spaces aside); a URL or a rule has far fewer, and in a page of Chinese they would outweigh the text.
 */
const MIN_LETTER_SHARE = 0.6;
const URL_CUE = /:\/\/|www\.|%[0-9A-F]{2}/iu;

function sentenceLike(text: string): boolean {
  // The script only matters between the two lengths; most lines are outside and skip the scan.
  if (text.length >= MIN_SENTENCE_CHARS) return true;
  if (text.length < MIN_SPACELESS_SENTENCE_CHARS) return false;
  return isSpaceless(text);
}

/** Scripts a language selector lists side by side ("English Deutsch Español 日本語 한국어 العربية"). */
const SCRIPTS = [
  /\p{Script=Latin}/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Arabic}/u,
  /\p{Script=Hebrew}/u,
  /\p{Script=Devanagari}/u,
  /\p{Script=Hangul}/u,
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  /\p{Script=Thai}/u,
];
/** Prose mixes at most two scripts (Chinese with Latin names); a line of three or more is a language menu. */
const MAX_SCRIPTS = 2;

function manyScripts(text: string): boolean {
  if (!NON_ASCII.test(text)) return false;
  let found = 0;
  for (const script of SCRIPTS) if (script.test(text) && ++found > MAX_SCRIPTS) return true;
  return false;
}

function proseLike(text: string): boolean {
  if (URL_CUE.test(text) || manyScripts(text)) return false;
  const { letters, nonSpace } = letterCounts(text);
  return letters >= MIN_LETTER_SHARE * nonSpace;
}

/**
 * Scripts written by essentially one language, so that the script alone names it when the detector
 * cannot decide (a short page, or a sample that mixes in Latin names and numbers). Kana before Han:
 * Japanese mixes both, Chinese has no kana.
 */
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HAN = /\p{Script=Han}/gu;
const SCRIPT_LANGUAGES: readonly [RegExp, string][] = [
  [KANA, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [HAN, 'zh'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Georgian}/gu, 'ka'],
  [/\p{Script=Armenian}/gu, 'hy'],
  [/\p{Script=Khmer}/gu, 'km'],
  [/\p{Script=Lao}/gu, 'lo'],
  [/\p{Script=Myanmar}/gu, 'my'],
];
/** Japanese text has kana in a good share of its letters; a Chinese page may quote a Japanese name. */
const KANA_SHARE = 0.1;
/** A script names the language when it holds at least this share of the sample's letters. */
const SCRIPT_SHARE = 0.5;
/** Languages written in the Han script: eld's choice between them stands, any other does not. */
const HAN_LANGUAGES = new Set(['zh', 'ja']);

/** The language the sample's script names, or null for scripts that many languages share (Latin, Cyrillic...). */
export function scriptLanguage(sample: string): string | null {
  // Every script named here lies outside ASCII.
  if (!NON_ASCII.test(sample)) return null;
  const { letters } = letterCounts(sample);
  if (letters === 0) return null;
  const han = sample.match(HAN)?.length ?? 0;
  const kana = sample.match(KANA)?.length ?? 0;
  if (han + kana >= SCRIPT_SHARE * letters) return kana >= KANA_SHARE * (han + kana) ? 'ja' : 'zh';
  for (const [re, lang] of SCRIPT_LANGUAGES) {
    if ((sample.match(re)?.length ?? 0) >= SCRIPT_SHARE * letters) return lang;
  }
  return null;
}

/** eld's guess, unless the script says otherwise (eld reads a page of Han with Latin names as Yoruba). */
export function sampleLanguage(sample: string): string | null {
  const detected = detectLanguage(sample);
  const script = scriptLanguage(sample);
  if (script === null) return detected;
  if (script === 'zh' && detected !== null && HAN_LANGUAGES.has(detected)) return detected;
  return script;
}

/** Sets `doc.lang` from a bounded sample of the page's longest prose-like lines. */
export const language: Cleaner = {
  id: 'language',
  description: "Detect the document's language (ISO 639-1) from its longest sentence-like lines.",
  run(doc) {
    const candidates = doc.lines.filter((line) => sentenceLike(line.text));
    const pool = candidates.length > 0 ? candidates : doc.lines;
    const longest = [...pool].sort((a, b) => b.text.length - a.text.length || a.n - b.n);
    let sample = '';
    let fallback = '';
    for (const line of longest) {
      if (sample.length >= SAMPLE_CHARS) break;
      const text = `${line.text.slice(0, SAMPLE_CHARS)}\n`;
      if (proseLike(line.text)) sample += text;
      else if (fallback.length < SAMPLE_CHARS) fallback += text;
    }
    // A page of nothing but URLs and rules still gets the detector's best guess.
    doc.lang = sampleLanguage(sample || fallback);
  },
};
